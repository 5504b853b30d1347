package org.statbench.cohort;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;

/**
 * The leading dimensions of a cohort count table ({@link CohortTable#toCountTable()}, {@link
 * StatusTable#toCountTable()}): {@code cohort}, then one row dimension per breakdown variable whose
 * codes are those the groups hold, in first-seen order; each with a total. Callers add their column
 * dimensions to {@link #dims()}.
 */
final class CountTableDims {
  private final List<Dimension> dims = new ArrayList<>();
  private final List<List<String>> codesPerVar = new ArrayList<>();

  CountTableDims(List<String> cohorts, List<String> by, List<List<String>> groups) {
    dims.add(
        new Dimension(
            "cohort",
            "cohort",
            DimensionRole.ROW,
            cohorts.stream().map(Category::of).toList(),
            true));
    for (int v = 0; v < by.size(); v++) {
      List<String> codes = new ArrayList<>();
      for (List<String> g : groups) {
        if (!codes.contains(g.get(v))) {
          codes.add(g.get(v));
        }
      }
      codesPerVar.add(codes);
      String name = by.get(v);
      dims.add(
          new Dimension(
              name, name, DimensionRole.ROW, codes.stream().map(Category::of).toList(), true));
    }
  }

  /** The dimensions so far (mutable: the caller appends its columns). */
  List<Dimension> dims() {
    return dims;
  }

  /** Sets the coordinates of cohort {@code c} and breakdown group {@code group}. */
  void place(int[] coord, int c, List<String> group) {
    coord[0] = c;
    for (int v = 0; v < codesPerVar.size(); v++) {
      coord[1 + v] = codesPerVar.get(v).indexOf(group.get(v));
    }
  }

  /** The size of each dimension. */
  int[] sizes() {
    return dims.stream().mapToInt(Dimension::size).toArray();
  }

  /** The number of cells (the product of the sizes). */
  int cells() {
    int cells = 1;
    for (int s : sizes()) {
      cells = Math.multiplyExact(cells, s);
    }
    return cells;
  }
}
