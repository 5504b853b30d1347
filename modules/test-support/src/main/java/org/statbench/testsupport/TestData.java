package org.statbench.testsupport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;

/**
 * Hand-checkable tables, dimensions and in-memory columns for tests; null means a missing value.
 */
public final class TestData {
  private TestData() {}

  /**
   * region (A, B, Total) x sex (F, M, Total) counts of dataset {@code claims}: A|F = 7 (below the
   * default threshold of 10), A|M = 31, B|F = 20, B|M = 25; so A 38, B 45, F 27, M 56, total 83.
   */
  public static Table regionBySex() {
    return Table.ofCounts(
        "claims",
        List.of(
            flat("region", DimensionRole.ROW, "A", "B"),
            flat("sex", DimensionRole.COLUMN, "F", "M")),
        new long[] {7, 31, 38, 20, 25, 45, 27, 56, 83});
  }

  /** A dimension with a total, labelled with its variable's name, of flat categories. */
  public static Dimension dim(String variable, DimensionRole role, String... codes) {
    return new Dimension(
        variable, variable, role, Arrays.stream(codes).map(Category::of).toList(), true);
  }

  /** A dimension with a total and no label, of flat categories. */
  public static Dimension flat(String variable, DimensionRole role, String... codes) {
    return new Dimension(
        variable, null, role, Arrays.stream(codes).map(Category::of).toList(), true);
  }

  /** A categorical column; the dictionary is in first-seen order (deliberately unsorted). */
  public static CategoricalColumn cat(String name, String... values) {
    return catWithCodelist(name, List.of(), values);
  }

  /** A categorical column whose dictionary starts with {@code extraCodes} (possibly unused). */
  public static CategoricalColumn catWithCodelist(
      String name, List<String> extraCodes, String... values) {
    Map<String, Integer> dict = new LinkedHashMap<>();
    for (String c : extraCodes) {
      dict.putIfAbsent(c, dict.size());
    }
    int[] codes = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      codes[i] =
          values[i] == null
              ? CategoricalColumn.MISSING
              : dict.computeIfAbsent(values[i], k -> dict.size());
    }
    return CategoricalColumn.of(
        name, VariableType.CATEGORICAL, new ArrayList<>(dict.keySet()), codes);
  }

  /** A numeric column: INTEGER when every value is whole, else DECIMAL. */
  public static NumericColumn num(String name, Double... values) {
    double[] v = new double[values.length];
    boolean integer = true;
    for (int i = 0; i < v.length; i++) {
      v[i] = values[i] == null ? Double.NaN : values[i];
      integer &= values[i] == null || v[i] == Math.rint(v[i]);
    }
    return new NumericColumn(name, integer ? VariableType.INTEGER : VariableType.DECIMAL, v);
  }

  /** A date column from {@code YYYY-MM-DD} texts. */
  public static DateColumn date(String name, String... values) {
    int[] d = new int[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i] == null ? DateColumn.MISSING : (int) LocalDate.parse(values[i]).toEpochDay();
    }
    return new DateColumn(name, d);
  }

  /** An in-memory dataset. */
  public static DatasetColumns dataset(String name, Column... columns) {
    return DatasetColumns.of(name, List.of(columns));
  }
}
