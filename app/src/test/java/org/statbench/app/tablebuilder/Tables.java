package org.statbench.app.tablebuilder;

import static org.statbench.testsupport.TestData.dim;

import java.util.List;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;

/** Hand-checkable tables for grid tests. */
final class Tables {
  private Tables() {}

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

  /**
   * region (North, South) > sex (F, M) by year (2023, 2024) columns, with totals. Leaf counts:
   * North F 1 4, North M 6 2, South F 3 3, South M 2 9 (2023, 2024). So North 7 6 (13), South 5 12
   * (17); F 4 7 (11), M 8 11 (19); total 12 18 (30).
   */
  static Table nestedRowsByYear() {
    Dimension region = dim("region", DimensionRole.ROW, "North", "South");
    Dimension sex = dim("sex", DimensionRole.ROW, "F", "M");
    Dimension year = dim("year", DimensionRole.COLUMN, "2023", "2024");
    long[][][] leaf = {{{1, 4}, {6, 2}}, {{3, 3}, {2, 9}}};
    long[] counts = new long[3 * 3 * 3];
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        for (int c = 0; c < 2; c++) {
          long n = leaf[a][b][c];
          for (int aa : new int[] {a, 2}) {
            for (int bb : new int[] {b, 2}) {
              for (int cc : new int[] {c, 2}) {
                counts[aa * 9 + bb * 3 + cc] += n;
              }
            }
          }
        }
      }
    }
    return Table.ofCounts("people", List.of(region, sex, year), counts);
  }

  /**
   * A roll-up row dimension: region R1 (children a, b) and R2 (child c) as subtotals listed before
   * their children, by sex columns. Leaf totals: a 2, b 7, c 5; so R1 9, R2 5, total 14.
   */
  static Table hierarchy() {
    List<Category> cats =
        List.of(
            new Category("R1", "R1", -1),
            new Category("a", "a", 0),
            new Category("b", "b", 0),
            new Category("R2", "R2", -1),
            new Category("c", "c", 3));
    Dimension area = new Dimension("area", "area", DimensionRole.ROW, cats, true);
    Dimension sex = dim("sex", DimensionRole.COLUMN, "F", "M");
    // positions 0..5 (5 = total) x 0..2 (2 = total); F/M split of a 1/1, b 3/4, c 5/0.
    long[][] leaf = {{0, 0}, {1, 1}, {3, 4}, {0, 0}, {5, 0}};
    long[] counts = new long[6 * 3];
    int[] parent = {-1, 0, 0, -1, 3};
    for (int p = 0; p < 5; p++) {
      if (parent[p] < 0) {
        continue;
      }
      for (int s = 0; s < 2; s++) {
        long n = leaf[p][s];
        for (int pp : new int[] {p, parent[p], 5}) {
          counts[pp * 3 + s] += n;
          counts[pp * 3 + 2] += n;
        }
      }
    }
    return Table.ofCounts("people", List.of(area, sex), counts);
  }
}
