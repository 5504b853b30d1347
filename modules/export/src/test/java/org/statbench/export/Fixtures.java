package org.statbench.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.statbench.core.table.Table;

/** Hand-checkable tables and reports for the gate tests. */
final class Fixtures {
  private Fixtures() {}

  /** A report on {@code t} in which A|F fails the threshold and nothing is withheld. */
  static ReportSnapshot failing(Table t) {
    return report(t, false, Set.of(), "none");
  }

  /**
   * A report on {@code t} after suppression: A|F primary, A|M, B|F, B|M secondary, all withheld;
   * passed.
   */
  static ReportSnapshot protectedReport(Table t) {
    return report(t, true, Set.of(0, 1, 3, 4), "secondary suppression");
  }

  static ReportSnapshot report(Table t, boolean passed, Set<Integer> withheld, String protection) {
    List<CellVerdict> cells = new ArrayList<>();
    for (int i = 0; i < t.cellCount(); i++) {
      String status = i == 0 ? "primary:threshold" : withheld.contains(i) ? "secondary" : "ok";
      boolean w = withheld.contains(i);
      cells.add(
          new CellVerdict(
              i,
              status,
              w,
              t.value(i),
              w ? 0 : Double.NaN,
              w ? 38 : Double.NaN,
              i == 0 ? "count 7 below threshold 10" : ""));
    }
    return new ReportSnapshot(t.hash(), passed, "threshold 10", protection, cells, List.of());
  }
}
