package org.statbench.tabulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;

/** Builds small in-memory datasets for tests; null means a missing value. */
final class Data {
  private Data() {}

  /** A categorical column; the dictionary is in first-seen order (deliberately unsorted). */
  static CategoricalColumn cat(String name, String... values) {
    return catWithCodelist(name, List.of(), values);
  }

  /** A categorical column whose dictionary starts with {@code extraCodes} (possibly unused). */
  static CategoricalColumn catWithCodelist(String name, List<String> extraCodes, String... values) {
    Map<String, Integer> dict = new LinkedHashMap<>();
    for (String c : extraCodes) {
      dict.putIfAbsent(c, dict.size());
    }
    int[] codes = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      codes[i] = values[i] == null ? -1 : dict.computeIfAbsent(values[i], k -> dict.size());
    }
    return CategoricalColumn.of(
        name, VariableType.CATEGORICAL, new ArrayList<>(dict.keySet()), codes);
  }

  static NumericColumn num(String name, Double... values) {
    double[] v = new double[values.length];
    boolean integer = true;
    for (int i = 0; i < v.length; i++) {
      v[i] = values[i] == null ? Double.NaN : values[i];
      integer &= values[i] == null || v[i] == Math.rint(v[i]);
    }
    return new NumericColumn(name, integer ? VariableType.INTEGER : VariableType.DECIMAL, v);
  }

  static DateColumn date(String name, String... values) {
    int[] d = new int[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i] == null ? DateColumn.MISSING : (int) LocalDate.parse(values[i]).toEpochDay();
    }
    return new DateColumn(name, d);
  }

  static DatasetColumns of(Column... columns) {
    return DatasetColumns.of("d", List.of(columns));
  }
}
