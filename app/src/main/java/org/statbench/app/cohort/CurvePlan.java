package org.statbench.app.cohort;

import java.util.ArrayList;
import java.util.List;
import org.statbench.cohort.CohortRow;
import org.statbench.cohort.CohortTable;

/**
 * Which curves the Cohorts tab draws from a result: the triangle's rows (one per cohort and group),
 * the rows to draw (the analyst's selection, else an even spread of non-empty rows), and the curves
 * themselves (those rows, or one pooled curve per group).
 */
final class CurvePlan {
  private CurvePlan() {}

  /** One row per cohort and group, in the table's order. */
  static List<TriangleRow> triangle(CohortTable t) {
    List<TriangleRow> rows = new ArrayList<>();
    for (int ci = 0; ci < t.cohorts().size(); ci++) {
      for (int g = 0; g < t.groups().size(); g++) {
        rows.add(
            new TriangleRow(
                t.cohorts().get(ci),
                t.groups().get(g),
                t.size(ci, g),
                t.rows(ci, g),
                t.horizonMeasures().get(ci * t.groups().size() + g)));
      }
    }
    return rows;
  }

  /** The curves to draw (none without a result). */
  static List<Curve> curves(
      CohortTable t, CurveSource source, List<TriangleRow> triangle, List<Integer> rows) {
    List<Curve> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    if (source == CurveSource.GROUPS) {
      for (int g = 0; g < t.groups().size(); g++) {
        out.add(new Curve(groupLabel(t.groups().get(g)), t.pooledRows(g)));
      }
    } else {
      for (int i : rows) {
        TriangleRow r = triangle.get(i);
        out.add(new Curve(r.label(), r.cells()));
      }
    }
    return out;
  }

  /** A group's curve label: its codes, or {@code All cohorts} without a breakdown. */
  static String groupLabel(List<String> group) {
    return group.isEmpty() ? "All cohorts" : String.join(" / ", group);
  }

  /** The selected rows, or a spread of at most {@code max} non-empty rows. */
  static List<Integer> rowsToDraw(List<TriangleRow> triangle, List<Integer> selected, int max) {
    if (!selected.isEmpty()) {
      return selected.stream().filter(i -> i >= 0 && i < triangle.size()).sorted().toList();
    }
    List<Integer> nonEmpty = new ArrayList<>();
    for (int i = 0; i < triangle.size(); i++) {
      if (triangle.get(i).size() > 0 && hasValue(triangle.get(i).cells())) {
        nonEmpty.add(i);
      }
    }
    if (nonEmpty.size() <= max) {
      return nonEmpty;
    }
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < max; k++) {
      out.add(nonEmpty.get((int) Math.round(k * (nonEmpty.size() - 1) / (max - 1.0))));
    }
    return out.stream().distinct().toList();
  }

  /** The largest shown cumulative proportion of a result (0 without one). */
  static double maxObserved(CohortTable t) {
    double m = 0;
    if (t != null) {
      for (CohortRow c : t.rows()) {
        if (c.hasValue()) {
          m = Math.max(m, c.cumulative());
        }
      }
    }
    return m;
  }

  private static boolean hasValue(List<CohortRow> cells) {
    return cells.stream().anyMatch(CohortRow::hasValue);
  }
}
