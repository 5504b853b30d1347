package org.statbench.tabulate.sql;

/**
 * Any other JDBC database (a driver in the StatBench home's {@code drivers/} folder): standard SQL
 * only, margins by {@code UNION ALL}, {@code FETCH FIRST} for limits, no cell keys.
 */
final class GenericDialect extends Dialect {
  @Override
  public String name() {
    return "JDBC";
  }

  @Override
  public String urlTemplate() {
    return "jdbc:ENGINE://HOST/DATABASE";
  }

  @Override
  public boolean groupingSets() {
    return false;
  }

  @Override
  public String limit(String select, int n) {
    return select + " FETCH FIRST " + n + " ROWS ONLY";
  }
}
