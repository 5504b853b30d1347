package org.statbench.tabulate.sql;

import java.util.List;

/**
 * Spark SQL (a Thrift server, Databricks, or a local session in the tests): back-quoted
 * identifiers, {@code DOUBLE}, record keys from {@code xxhash64}.
 */
final class SparkDialect extends Dialect {
  @Override
  public String name() {
    return "Spark SQL";
  }

  @Override
  public String urlTemplate() {
    return "jdbc:hive2://HOST:10000/DATABASE";
  }

  @Override
  public String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  @Override
  public String doubleType() {
    return "DOUBLE";
  }

  @Override
  public String recordKey(List<String> quotedColumns) {
    return "pmod(xxhash64(" + String.join(", ", quotedColumns) + "), 4294967296)";
  }
}
