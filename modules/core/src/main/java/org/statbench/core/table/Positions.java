package org.statbench.core.table;

import java.util.ArrayList;
import java.util.List;

/** Walks the positions of a table's dimensions, as the cross-tab writers and views lay them out. */
public final class Positions {
  private Positions() {}

  /**
   * Every combination of positions over the given dimensions of {@code table}, last dimension
   * fastest; one empty combination when {@code dims} is empty.
   *
   * @param dims indexes into {@link Table#dimensions()}
   */
  public static List<int[]> combinations(Table table, List<Integer> dims) {
    List<int[]> out = new ArrayList<>();
    int[] cur = new int[dims.size()];
    while (true) {
      out.add(cur.clone());
      int k = dims.size() - 1;
      while (k >= 0) {
        cur[k]++;
        if (cur[k] < table.dimensions().get(dims.get(k)).size()) {
          break;
        }
        cur[k] = 0;
        k--;
      }
      if (k < 0) {
        return out;
      }
    }
  }
}
