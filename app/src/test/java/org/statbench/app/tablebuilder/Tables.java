package org.statbench.app.tablebuilder;

import java.util.Arrays;
import java.util.List;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;

/** Hand-checkable tables for grid tests. */
final class Tables {
  private Tables() {}

  static Dimension dim(String var, DimensionRole role, String... codes) {
    return new Dimension(var, var, role, Arrays.stream(codes).map(Category::of).toList(), true);
  }

  /** region (North, South, East) x sex (F, M), with totals: North 10 20, South 0 0, East 5 1. */
  static Table regionBySex() {
    Dimension region = dim("region", DimensionRole.ROW, "North", "South", "East");
    Dimension sex = dim("sex", DimensionRole.COLUMN, "F", "M");
    long[][] data = {{10, 20}, {0, 0}, {5, 1}};
    long[] counts = new long[4 * 3];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 2; c++) {
        counts[r * 3 + c] = data[r][c];
        counts[r * 3 + 2] += data[r][c];
        counts[3 * 3 + c] += data[r][c];
        counts[3 * 3 + 2] += data[r][c];
      }
    }
    return Table.ofCounts("people", List.of(region, sex), counts);
  }

  /** region (North, South) > sex (F, M) by year (2023, 2024) wafers, every leaf cell 1. */
  static Table nestedWithWafer() {
    Dimension region = dim("region", DimensionRole.ROW, "North", "South");
    Dimension sex = dim("sex", DimensionRole.ROW, "F", "M");
    Dimension year = dim("year", DimensionRole.WAFER, "2023", "2024");
    long[] counts = new long[3 * 3 * 3];
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        for (int c = 0; c < 3; c++) {
          long n = (a == 2 ? 2 : 1) * (b == 2 ? 2 : 1) * (c == 2 ? 2 : 1);
          counts[a * 9 + b * 3 + c] = n;
        }
      }
    }
    return Table.ofCounts("people", List.of(region, sex, year), counts);
  }
}
