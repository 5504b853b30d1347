package org.statbench.export;

import java.util.List;
import java.util.Objects;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.Table;

/**
 * What the gate hands to a writer once it has let a table through: the table (for its structure),
 * the verdict and published value per cell, the clearance (when the release rests on one) and the
 * table's definition in words. Writers take published values from here only, so a suppressed cell
 * can never reach them with its true value.
 */
record Publication(
    Table table,
    ReportSnapshot report,
    ClearanceDecision clearance,
    List<String> definition,
    SurveyColumns survey) {
  Publication {
    Objects.requireNonNull(table);
    Objects.requireNonNull(report);
    definition = definition == null ? describe(table) : List.copyOf(definition);
  }

  Publication(
      Table table, ReportSnapshot report, ClearanceDecision clearance, List<String> definition) {
    this(table, report, clearance, definition, null);
  }

  /**
   * The value to publish, or NaN when the cell is withheld (or undefined). Taken from the report's
   * published values, never from the table, whose values are the true ones.
   */
  double published(int i) {
    CellVerdict c = report.cells().get(i);
    return withheld(i) ? Double.NaN : c.published();
  }

  /** True when the cell is published empty: suppressed, or withheld as unreliable. */
  boolean withheld(int i) {
    return report.cells().get(i).suppressed() || (survey != null && survey.withheld(i));
  }

  /** The measure label as written: the survey table's when there is one. */
  String measureLabel() {
    return survey != null ? survey.measureLabel() : table.measure().label();
  }

  /** The value as text: empty when withheld or undefined. */
  String publishedText(int i) {
    double v = published(i);
    return Double.isNaN(v) ? "" : NumericColumn.formatNumber(v);
  }

  String status(int i) {
    String s = report.cells().get(i).status();
    if (survey != null && survey.flags()[i] != null && s.equals("ok")) {
      return survey.flags()[i];
    }
    return s;
  }

  /** The table's definition in words: dataset, measure, weighting and each dimension. */
  static List<String> describe(Table t) {
    List<String> out = new java.util.ArrayList<>();
    out.add("Dataset: " + (t.dataset() == null ? "(not recorded)" : t.dataset()));
    out.add("Measure: " + t.measure().label());
    out.add("Weighted: " + (t.isWeighted() ? "yes" : "no"));
    for (Dimension d : t.dimensions()) {
      out.add(
          d.role().name().charAt(0)
              + d.role().name().substring(1).toLowerCase(java.util.Locale.ROOT)
              + ": "
              + d.variable()
              + " ("
              + d.categories().size()
              + " categories"
              + (d.total() ? ", with total" : "")
              + (d.isHierarchical() ? ", hierarchical" : "")
              + ")");
    }
    out.add("Cells: " + t.cellCount());
    out.add("Table hash: " + t.hash());
    return out;
  }
}
