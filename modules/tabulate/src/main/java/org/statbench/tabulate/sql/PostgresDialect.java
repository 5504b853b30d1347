package org.statbench.tabulate.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL: read-only transactions for the whole session and a server-side {@code
 * statement_timeout}; record keys from {@code hashtext} of the row's text form.
 */
final class PostgresDialect extends Dialect {
  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public String urlTemplate() {
    return "jdbc:postgresql://HOST:5432/DATABASE";
  }

  @Override
  public String recordKey(List<String> quotedColumns) {
    return "(CAST(hashtext(CAST(ROW("
        + String.join(", ", quotedColumns)
        + ") AS TEXT)) AS BIGINT)"
        + " & 4294967295)";
  }

  @Override
  public void prepare(Connection c, int timeoutSeconds) throws SQLException {
    c.setAutoCommit(false);
    c.setReadOnly(true); // the driver then opens every transaction READ ONLY
    try (Statement s = c.createStatement()) {
      s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
      if (timeoutSeconds > 0) {
        s.execute("SET statement_timeout = " + (timeoutSeconds * 1000L));
      }
    }
    c.commit();
  }
}
