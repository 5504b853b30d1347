package org.statbench.app.cohort;

import java.util.ArrayList;
import java.util.List;
import org.statbench.cohort.CellStatus;
import org.statbench.cohort.CohortTable;
import org.statbench.cohort.HorizonMeasure;
import org.statbench.cohort.ReleasedCurves;
import org.statbench.core.table.Table;

/**
 * The chart on screen redrawn from a protected count table's published values (see {@link
 * ReleasedCurves}): the same curves (the selected or default cohorts, or the pooled groups) or the
 * fixed-horizon measures, with withheld ones left out and named.
 */
final class ReleasedChartBuilder {
  private ReleasedChartBuilder() {}

  /**
   * @param rows the triangle rows drawn on screen (cohort curves)
   * @throws org.statbench.core.InputException when the definition's curves cannot be derived from
   *     counts (individual follow-up)
   */
  static ReleasedChart build(
      ChartKind kind,
      CohortTable t,
      CurveSource source,
      List<TriangleRow> triangle,
      List<Integer> rows,
      Table published) {
    List<Curve> drawn = new ArrayList<>();
    List<String> withheld = new ArrayList<>();
    List<HorizonMeasure> measures = List.of();
    if (kind == ChartKind.HORIZON) {
      measures = ReleasedCurves.horizon(t, published);
      for (HorizonMeasure m : measures) {
        if (m.status() == CellStatus.WITHHELD) {
          withheld.add(
              m.group().isEmpty()
                  ? m.cohort()
                  : m.cohort() + " · " + String.join(" / ", m.group()));
        }
      }
    } else if (source == CurveSource.GROUPS) {
      for (int g = 0; g < t.groups().size(); g++) {
        add(
            ReleasedCurves.pooled(t, published, g),
            CurvePlan.groupLabel(t.groups().get(g)),
            drawn,
            withheld);
      }
    } else {
      int groups = t.groups().size();
      for (int i : rows) {
        add(
            ReleasedCurves.cohort(t, published, i / groups, i % groups),
            triangle.get(i).label(),
            drawn,
            withheld);
      }
    }
    return new ReleasedChart(kind, t, source, drawn, measures, withheld);
  }

  private static void add(
      ReleasedCurves.Curve c, String label, List<Curve> drawn, List<String> withheld) {
    if (c.withheld()) {
      withheld.add(label);
    } else {
      drawn.add(new Curve(c.partlyWithheld() ? label + " (partly withheld)" : label, c.points()));
    }
  }
}
