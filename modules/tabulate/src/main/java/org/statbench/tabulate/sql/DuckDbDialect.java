package org.statbench.tabulate.sql;

import java.util.List;
import java.util.Properties;

/** DuckDB files, embedded: opened with {@code duckdb.read_only}; record keys from {@code hash}. */
final class DuckDbDialect extends Dialect {
  @Override
  public String name() {
    return "DuckDB";
  }

  @Override
  public String urlTemplate() {
    return "jdbc:duckdb:/PATH/TO/FILE.duckdb";
  }

  @Override
  public String doubleType() {
    return "DOUBLE";
  }

  @Override
  public String recordKey(List<String> quotedColumns) {
    return "CAST(hash(" + String.join(", ", quotedColumns) + ") % 4294967296 AS BIGINT)";
  }

  @Override
  public Properties properties() {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    return p;
  }

  @Override
  public void prepare(java.sql.Connection c, int timeoutSeconds) {
    // read-only is a property of opening the file (duckdb.read_only); the driver refuses
    // setReadOnly on an open connection
  }
}
