package org.statbench.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.VariableType;

/** Small in-memory datasets for tests: text columns from rows of strings (null = missing). */
final class Records {
  private Records() {}

  static DatasetColumns of(String name, String header, String... rows) {
    String[] cols = header.split(",", -1);
    List<String[]> values = new ArrayList<>();
    for (String r : rows) {
      String[] v = r.split(",", -1);
      if (v.length != cols.length) {
        throw new IllegalArgumentException("row " + r);
      }
      values.add(v);
    }
    List<Column> out = new ArrayList<>();
    for (int c = 0; c < cols.length; c++) {
      Map<String, Integer> dict = new LinkedHashMap<>();
      int[] codes = new int[values.size()];
      for (int i = 0; i < values.size(); i++) {
        String v = values.get(i)[c];
        codes[i] = v.isEmpty() ? -1 : dict.computeIfAbsent(v, k -> dict.size());
      }
      out.add(
          CategoricalColumn.ofInts(
              cols[c], VariableType.TEXT, new ArrayList<>(dict.keySet()), codes));
    }
    return DatasetColumns.of(name, out);
  }
}
