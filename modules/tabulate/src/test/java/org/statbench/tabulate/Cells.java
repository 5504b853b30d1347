package org.statbench.tabulate;

import java.util.Arrays;
import org.statbench.core.table.Table;

/** Finds cells by their codes ({@code Total} for margins). */
final class Cells {
  private Cells() {}

  static int at(Table t, String... codes) {
    for (int i = 0; i < t.cellCount(); i++) {
      if (Arrays.equals(t.codes(i), codes)) {
        return i;
      }
    }
    throw new AssertionError("no cell " + Arrays.toString(codes) + " in " + t);
  }

  static double value(Table t, String... codes) {
    return t.value(at(t, codes));
  }

  static long count(Table t, String... codes) {
    return t.count(at(t, codes));
  }

  static java.util.List<String> codesOf(Table t, int dimension) {
    return t.dimensions().get(dimension).categories().stream()
        .map(org.statbench.core.table.Category::code)
        .toList();
  }
}
