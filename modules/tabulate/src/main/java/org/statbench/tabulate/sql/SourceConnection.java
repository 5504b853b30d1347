package org.statbench.tabulate.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.StatBenchException;
import org.statbench.core.data.Code;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.store.DatabaseSource;

/**
 * An open, read-only connection to a database source: tables, cell keys and cohort records are
 * computed by the server ({@link SqlTabulator}); only aggregates come back. Every query has the
 * statement timeout and is cancelled on the server when its token is cancelled. Not thread-safe:
 * one query at a time; close it when done.
 */
public final class SourceConnection implements AutoCloseable {
  private final DatabaseSource source;
  private final Connection connection;
  private final Dialect dialect;
  private final JdbcRunner runner;
  private final String from;
  private final Map<String, VariableType> types;
  private final SqlTabulator tabulator;

  /** Variables (with codelists) and the number of records, as stored in the catalogue. */
  public record Description(long rows, List<VariableInfo> variables) {}

  SourceConnection(
      DatabaseSource source, Connection connection, Dialect dialect, int timeoutSeconds) {
    this.source = source;
    this.connection = connection;
    this.dialect = dialect;
    this.runner = new JdbcRunner(connection, timeoutSeconds);
    this.from = from(source, dialect);
    try {
      this.types = runner.columns(from);
    } catch (StatBenchException e) {
      throw new InputException(
          (source.table() != null
                  ? "Cannot read the table or view '" + source.table() + "'"
                  : "Cannot run the source's query")
              + ": check the name (schema.table) and that the user may read it. "
              + e.getMessage().replace("The database refused the query: ", "The database said: "));
    }
    this.tabulator =
        new SqlTabulator(runner, dialect, from, Map.of(), SqlTabulator.DEFAULT_DISTINCT_LIMIT);
  }

  /** The FROM text of a source: its quoted table, or its query as a derived table. */
  static String from(DatabaseSource source, Dialect dialect) {
    if (source.table() != null) {
      return dialect.table(source.table());
    }
    String q = source.query().strip();
    while (q.endsWith(";")) {
      q = q.substring(0, q.length() - 1).strip();
    }
    String head = q.toLowerCase(Locale.ROOT);
    if (!(head.startsWith("select") || head.startsWith("with")) || q.contains(";")) {
      throw new InputException(
          "The source's query must be one SELECT (or WITH ... SELECT) statement");
    }
    return "(" + q + ") src";
  }

  /** The source. */
  public DatabaseSource source() {
    return source;
  }

  /** The engine's dialect. */
  public Dialect dialect() {
    return dialect;
  }

  /** The columns and their types. */
  public Map<String, VariableType> types() {
    return types;
  }

  /** Computes a table on the server. */
  public Table tabulate(TableSpec spec, CancellationToken cancel) {
    return tabulator.tabulate(spec, cancel);
  }

  /** Computes a table with cell keys for perturbation on the server. */
  public Table tabulateWithCellKeys(TableSpec spec, CancellationToken cancel) {
    return tabulator.tabulateWithCellKeys(spec, cancel);
  }

  /** The records grouped by the server, as columns (for cohort tracking). */
  public DatasetColumns groupedRecords(List<String> variables, CancellationToken cancel) {
    return tabulator.groupedRecords(source.name(), variables, cancel);
  }

  /** The number of records. */
  public long rows(CancellationToken cancel) {
    return SqlTabulator.num(
            runner.query("SELECT COUNT(*) FROM " + from, List.of(), cancel).get(0)[0])
        .longValue();
  }

  /**
   * The variables with their types, missing counts and (categorical ones) codelists with counts,
   * read in one {@code GROUP BY} per categorical variable (at most {@link
   * DatabaseSources#CODELIST_LIMIT} codes kept; tables still see every code).
   */
  public Description describe(CancellationToken cancel) {
    long rows = rows(cancel);
    List<VariableInfo> vars = new ArrayList<>();
    for (Map.Entry<String, VariableType> e : types.entrySet()) {
      String col = dialect.quote(e.getKey());
      List<Code> codes = new ArrayList<>();
      long missing;
      if (e.getValue() == VariableType.CATEGORICAL) {
        List<Object[]> r =
            runner.query(
                dialect.limit(
                    "SELECT "
                        + col
                        + ", COUNT(*) FROM "
                        + from
                        + " GROUP BY "
                        + col
                        + " ORDER BY "
                        + col,
                    DatabaseSources.CODELIST_LIMIT + 2),
                List.of(),
                cancel);
        missing = 0;
        for (Object[] row : r) {
          long n = SqlTabulator.num(row[1]).longValue();
          if (row[0] == null) {
            missing = n;
          } else if (codes.size() < DatabaseSources.CODELIST_LIMIT) {
            codes.add(new Code(row[0].toString(), null, n));
          }
        }
      } else {
        missing =
            SqlTabulator.num(
                    runner.query(
                            "SELECT COUNT(*) FROM " + from + " WHERE " + col + " IS NULL",
                            List.of(),
                            cancel)
                        .get(0)[0])
                .longValue();
      }
      vars.add(new VariableInfo(e.getKey(), null, e.getValue(), missing, codes, null));
    }
    return new Description(rows, vars);
  }

  /** Tables and views the user can see (schema-qualified where there is a schema), for pickers. */
  public List<String> tables() {
    return tables(connection);
  }

  /** Tables and views of a connection's database. */
  static List<String> tables(Connection c) {
    List<String> out = new ArrayList<>();
    try {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          String name = rs.getString("TABLE_NAME");
          if (schema != null
              && (schema.equalsIgnoreCase("information_schema")
                  || schema.equalsIgnoreCase("pg_catalog"))) {
            continue;
          }
          out.add(schema == null || schema.isEmpty() ? name : schema + "." + name);
        }
      }
    } catch (SQLException e) {
      throw new StatBenchException("Cannot list the tables: " + JdbcRunner.message(e), e);
    }
    return out;
  }

  @Override
  public void close() {
    DatabaseSources.closeQuietly(connection);
  }
}
