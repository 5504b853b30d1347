package org.statbench.tabulate.sql;

import java.util.List;
import java.util.Locale;

/**
 * H2 (files, e.g. another StatBench's exports): no {@code GROUPING SETS}, so margins come from
 * {@code UNION ALL}; opened with {@code ACCESS_MODE_DATA=r}; record keys from {@code ORA_HASH}.
 */
final class H2Dialect extends Dialect {
  @Override
  public String name() {
    return "H2";
  }

  @Override
  public String urlTemplate() {
    return "jdbc:h2:file:/PATH/TO/DATABASE";
  }

  @Override
  public boolean groupingSets() {
    return false;
  }

  @Override
  public String recordKey(List<String> quotedColumns) {
    return "CAST(ORA_HASH(CONCAT_WS(CHAR(31), "
        + String.join(", ", quotedColumns)
        + ")) AS BIGINT)";
  }

  @Override
  public String connectUrl(String url) {
    String u = url.toUpperCase(Locale.ROOT);
    if (u.startsWith("JDBC:H2:MEM:") || u.contains("ACCESS_MODE_DATA")) {
      return url;
    }
    return url + ";ACCESS_MODE_DATA=r";
  }
}
