package org.statbench.app.cli;

import java.io.PrintWriter;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.store.DatabaseSource;
import org.statbench.store.Workspace;
import org.statbench.tabulate.sql.DatabaseSources;
import org.statbench.tabulate.sql.Dialect;
import org.statbench.tabulate.sql.SourceConnection;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code source add|list|test}: database sources, whose records stay in their database. */
@Command(
    name = "source",
    mixinStandardHelpOptions = true,
    description =
        "Database sources (PostgreSQL, Spark SQL, DuckDB files, H2; other engines through jars in"
            + " the StatBench home's drivers folder): tables and cohorts are computed there.",
    subcommands = {
      SourceCommand.Add.class,
      SourceCommand.ListSources.class,
      SourceCommand.Test.class
    })
public final class SourceCommand extends GroupCommand {
  /** {@code source add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Add a database table, view or SELECT as a dataset; its variables and codelists are read"
            + " from the database, the password is never stored.",
        "Example: source add --db ws --name claims --url jdbc:postgresql://db:5432/stats"
            + " --table public.claims --user analyst --password-file pw.txt"
      })
  static final class Add extends WorkspaceSubcommand {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Dataset name.")
    String name;

    @Option(
        names = "--url",
        required = true,
        paramLabel = "JDBC_URL",
        description = "e.g. jdbc:postgresql://HOST:5432/DB, jdbc:duckdb:/path/file.duckdb")
    String url;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Relation relation;

    static final class Relation {
      @Option(
          names = "--table",
          paramLabel = "T",
          description = "Table or view, optionally schema.table.")
      String table;

      @Option(names = "--query", paramLabel = "SQL", description = "One read-only SELECT.")
      String query;
    }

    @Option(names = "--user", paramLabel = "U", description = "Database user name.")
    String user;

    @CommandLine.Mixin SourcePasswordOptions password = new SourcePasswordOptions();

    @Override
    public Integer call() {
      DatabaseSource source = new DatabaseSource(name, url, relation.table, relation.query, user);
      try (Workspace ws = openWorkspace()) {
        DatasetInfo info =
            DatabaseSources.add(
                ws,
                source,
                password.password(),
                DatabaseSources.driversFolder(SourcePasswordOptions.home()),
                CancellationToken.NONE);
        PrintWriter out = out();
        out.println(
            "Added source "
                + summary(info.name(), Dialect.forUrl(url), info.rows(), info.variables().size()));
        out.flush();
      }
      return StatBenchCommand.EXIT_OK;
    }
  }

  /** {@code source list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "One line per source: name, engine, URL, table or query, user (tab-separated).")
  static final class ListSources extends WorkspaceSubcommand {
    @Override
    public Integer call() {
      PrintWriter out = out();
      try (Workspace ws = openWorkspace()) {
        for (DatasetInfo d : ws.datasets()) {
          if (d.kind() == DatasetKind.SOURCE) {
            DatabaseSource s = ws.source(d.name());
            out.println(
                String.join(
                    "\t",
                    s.name(),
                    Dialect.forUrl(s.url()).name(),
                    s.url(),
                    s.relation().replaceAll("\\s+", " "),
                    s.user() == null ? "" : s.user()));
          }
        }
      }
      out.flush();
      return StatBenchCommand.EXIT_OK;
    }
  }

  /** {@code source test}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = "Connect to a source's database and count its records; exit 2 on failure.")
  static final class Test extends WorkspaceSubcommand {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Source name.")
    String name;

    @CommandLine.Mixin SourcePasswordOptions password = new SourcePasswordOptions();

    @Override
    public Integer call() {
      PrintWriter out = out();
      try (Workspace ws = openWorkspace()) {
        DatabaseSource s = ws.source(name);
        if (s == null) {
          throw new InputException(
              ws.hasDataset(name)
                  ? "Dataset '" + name + "' is not a database source"
                  : "Unknown source '" + name + "': see source list --db " + db);
        }
        try (SourceConnection c = password.connect(s)) {
          out.println(
              "OK: "
                  + summary(name, c.dialect(), c.rows(CancellationToken.NONE), c.types().size()));
        }
      }
      out.flush();
      return StatBenchCommand.EXIT_OK;
    }
  }

  /** "NAME (ENGINE): R records, V variables", as add and test print it. */
  static String summary(String name, Dialect dialect, long rows, int variables) {
    return name + " (" + dialect.name() + "): " + rows + " records, " + variables + " variables";
  }
}
