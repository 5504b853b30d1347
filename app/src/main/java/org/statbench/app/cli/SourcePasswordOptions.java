package org.statbench.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.store.DatabaseSource;
import org.statbench.store.Workspace;
import org.statbench.tabulate.Tabulator;
import org.statbench.tabulate.sql.DatabaseSources;
import org.statbench.tabulate.sql.SourceConnection;
import picocli.CommandLine.Option;

/**
 * {@code --password-file} as a picocli {@code @Mixin}, and where a command's records come from: a
 * dataset that is a database source is computed on its server (the password from the file, else the
 * {@code STATBENCH_DB_PASSWORD} variable, never stored), any other from the workspace.
 */
public final class SourcePasswordOptions {
  /** The environment variable holding a database password. */
  public static final String PASSWORD_VARIABLE = "STATBENCH_DB_PASSWORD";

  @Option(
      names = "--password-file",
      paramLabel = "F",
      description =
          "For a database source: a file whose first line is the database password (default: the"
              + " STATBENCH_DB_PASSWORD variable).")
  Path passwordFile;

  /** The password from {@code --password-file} or the environment, or null. */
  char[] password() {
    if (passwordFile != null) {
      try {
        List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
        return lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
      } catch (IOException e) {
        throw new InputException(
            passwordFile.toString(), -1, null, "Cannot read the password file: " + e.getMessage());
      }
    }
    String env = System.getenv(PASSWORD_VARIABLE);
    return env == null ? null : env.toCharArray();
  }

  /** The StatBench home: {@code statbench.home} or {@code ~/.statbench}. */
  static Path home() {
    String h = System.getProperty("statbench.home");
    return h != null ? Path.of(h) : Path.of(System.getProperty("user.home"), ".statbench");
  }

  /** Connects to a source's database, read-only. */
  SourceConnection connect(DatabaseSource source) {
    return DatabaseSources.connect(
        source,
        password(),
        DatabaseSources.driversFolder(home()),
        DatabaseSources.DEFAULT_TIMEOUT_SECONDS);
  }

  /** Computes a table from the workspace or, for a database source, on its server. */
  Table tabulate(Workspace ws, TableSpec ts, boolean cellKeys) {
    DatabaseSource source = ws.source(ts.dataset());
    if (source == null) {
      Tabulator t = new Tabulator();
      return cellKeys
          ? t.tabulateWithCellKeys(ts, ws, CancellationToken.NONE)
          : t.tabulate(ts, ws, CancellationToken.NONE);
    }
    try (SourceConnection c = connect(source)) {
      return cellKeys
          ? c.tabulateWithCellKeys(ts, CancellationToken.NONE)
          : c.tabulate(ts, CancellationToken.NONE);
    }
  }

  /** The records of the variables, from the workspace or grouped by the source's server. */
  DatasetColumns columns(Workspace ws, String dataset, List<String> variables) {
    DatabaseSource source = ws.source(dataset);
    if (source == null) {
      return ws.columns(dataset, variables);
    }
    try (SourceConnection c = connect(source)) {
      return c.groupedRecords(variables, CancellationToken.NONE);
    }
  }
}
