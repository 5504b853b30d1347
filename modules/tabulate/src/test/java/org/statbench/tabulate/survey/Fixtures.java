package org.statbench.tabulate.survey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;

/** Small survey datasets for tests: classpath CSVs and columns built by hand. */
final class Fixtures {
  private Fixtures() {}

  /**
   * A classpath CSV (no quoting) as columns: a column whose every value parses as a number is
   * numeric, otherwise categorical; "NA" and empty are missing.
   */
  static DatasetColumns csv(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      String[] header = lines[0].trim().split(",");
      List<String[]> rows = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          rows.add(lines[i].trim().split(",", -1));
        }
      }
      List<Column> cols = new ArrayList<>();
      for (int c = 0; c < header.length; c++) {
        String[] v = new String[rows.size()];
        boolean numeric = true;
        for (int r = 0; r < v.length; r++) {
          String s = rows.get(r)[c];
          v[r] = s.isEmpty() || s.equals("NA") ? null : s;
          if (v[r] != null) {
            try {
              Double.parseDouble(v[r]);
            } catch (NumberFormatException e) {
              numeric = false;
            }
          }
        }
        cols.add(numeric ? num(header[c], v) : cat(header[c], v));
      }
      return DatasetColumns.of("d", cols);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static NumericColumn num(String name, String... values) {
    double[] d = new double[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i] == null ? Double.NaN : Double.parseDouble(values[i]);
    }
    return new NumericColumn(name, VariableType.DECIMAL, d);
  }

  static NumericColumn num(String name, double... values) {
    return new NumericColumn(name, VariableType.DECIMAL, values.clone());
  }

  static CategoricalColumn cat(String name, String... values) {
    Map<String, Integer> dict = new LinkedHashMap<>();
    int[] codes = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      codes[i] = values[i] == null ? -1 : dict.computeIfAbsent(values[i], k -> dict.size());
    }
    return CategoricalColumn.of(
        name, VariableType.CATEGORICAL, new ArrayList<>(dict.keySet()), codes);
  }

  static DatasetColumns of(Column... columns) {
    return DatasetColumns.of("d", List.of(columns));
  }
}
