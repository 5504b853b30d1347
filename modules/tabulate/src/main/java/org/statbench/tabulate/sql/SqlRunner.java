package org.statbench.tabulate.sql;

import java.util.List;
import java.util.Map;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.VariableType;

/**
 * Runs the push-down's queries: {@link JdbcRunner} over a JDBC connection; tests plug in other
 * engines (a local Spark session). Values come back as {@link Number}, {@link String}, {@link
 * java.time.LocalDate} or null.
 */
public interface SqlRunner {
  /**
   * Runs a query with positional bind parameters ({@code ?}, one per element of {@code params}:
   * {@link String}, {@link Double} or {@link java.time.LocalDate}) and returns its rows.
   *
   * @throws org.statbench.core.StatBenchException with the database's message when it fails
   * @throws org.statbench.core.CancelledException when cancelled (the running statement is
   *     cancelled on the server)
   */
  List<Object[]> query(String sql, List<Object> params, CancellationToken cancel);

  /** The columns of a relation ({@code FROM} text) and their types, in order. */
  Map<String, VariableType> columns(String from);
}
