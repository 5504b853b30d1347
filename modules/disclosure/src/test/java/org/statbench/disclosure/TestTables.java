package org.statbench.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;
import org.statbench.testsupport.TestData;

/** Hand-checkable tables for the tests. */
final class TestTables {
  private TestTables() {}

  /** A count table from its leaf cells, every margin the sum of the leaves below it. */
  static Table counts(List<Dimension> dims, ToLongFunction<int[]> leaf) {
    int[] sizes = dims.stream().mapToInt(Dimension::size).toArray();
    int n = 1;
    for (int s : sizes) {
      n *= s;
    }
    long[] counts = new long[n];
    Table shape = Table.ofCounts("t", dims, counts);
    for (int i = 0; i < n; i++) {
      int[] coord = shape.coord(i);
      counts[i] = sum(dims, coord, 0, new int[coord.length], leaf);
    }
    return Table.ofCounts("t", dims, counts);
  }

  private static long sum(
      List<Dimension> dims, int[] coord, int d, int[] leafCoord, ToLongFunction<int[]> leaf) {
    if (d == dims.size()) {
      return leaf.applyAsLong(leafCoord.clone());
    }
    long s = 0;
    for (int l : leavesUnder(dims.get(d), coord[d])) {
      leafCoord[d] = l;
      s += sum(dims, coord, d + 1, leafCoord, leaf);
    }
    return s;
  }

  static List<Integer> leavesUnder(Dimension dim, int pos) {
    List<Integer> ch = dim.children(pos);
    if (ch.isEmpty()) {
      return List.of(pos);
    }
    List<Integer> out = new ArrayList<>();
    for (int c : ch) {
      out.addAll(leavesUnder(dim, c));
    }
    return out;
  }

  /** A 2-D count table rows x cols with totals in both dimensions. */
  static Table counts2d(long[][] data) {
    String[] rows = new String[data.length];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = "r" + (r + 1);
    }
    String[] cols = new String[data[0].length];
    for (int c = 0; c < cols.length; c++) {
      cols[c] = "c" + (c + 1);
    }
    return counts(
        List.of(
            TestData.flat("row", DimensionRole.ROW, rows),
            TestData.flat("col", DimensionRole.COLUMN, cols)),
        co -> data[co[0]][co[1]]);
  }
}
