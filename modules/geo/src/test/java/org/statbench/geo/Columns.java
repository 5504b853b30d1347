package org.statbench.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;

/** Builds in-memory datasets for engine tests. */
final class Columns {
  private Columns() {}

  /** A categorical column; null entries are missing. */
  static CategoricalColumn cat(String name, String... values) {
    List<String> dict = new ArrayList<>();
    Map<String, Integer> idx = new HashMap<>();
    int[] codes = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        codes[i] = CategoricalColumn.MISSING;
        continue;
      }
      codes[i] =
          idx.computeIfAbsent(
              values[i],
              v -> {
                dict.add(v);
                return dict.size() - 1;
              });
    }
    return CategoricalColumn.of(name, VariableType.CATEGORICAL, dict, codes);
  }

  static NumericColumn num(String name, double... values) {
    return new NumericColumn(name, VariableType.DECIMAL, values);
  }

  static DatasetColumns dataset(String name, Column... columns) {
    return DatasetColumns.of(name, List.of(columns));
  }

  /** Rows as arrays: first row is the header; empty strings become missing. */
  static DatasetColumns table(String name, String[]... rows) {
    String[] header = rows[0];
    List<Column> cols = new ArrayList<>();
    for (int c = 0; c < header.length; c++) {
      String[] v = new String[rows.length - 1];
      for (int r = 1; r < rows.length; r++) {
        v[r - 1] = rows[r][c].isEmpty() ? null : rows[r][c];
      }
      cols.add(cat(header[c], v));
    }
    return DatasetColumns.of(name, cols);
  }

  /** Reads a simple CSV classpath resource (no quoted commas needed) as categorical columns. */
  static DatasetColumns csv(String name, InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String[]> rows = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        rows.add(line.split(",", -1));
      }
      return table(name, rows.toArray(new String[0][]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
