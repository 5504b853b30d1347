package org.statbench.cohort;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.format.CsvOutput;

/**
 * Writes a {@link CohortTable} as the long CSV of the {@code cohort} command: UTF-8 text, comma,
 * {@code \n} line ends, header {@code cohort,[breakdown variables...],duration,at_risk,events,
 * cumulative,lower,upper,status}; one row per cohort x group x duration 0..horizon, ordered by
 * cohort, group and duration. Proportions are written unrounded ({@link
 * NumericColumn#formatNumber(double)}); {@code cumulative}, {@code lower} and {@code upper} are
 * empty where the cell is censored (or the cohort is empty); {@code status} is {@code observed} or
 * {@code censored}. Fields containing a comma, quote or line break are quoted.
 */
public final class CohortCsv {
  private CohortCsv() {}

  /** The header fields for a table with these breakdown variables. */
  public static List<String> header(List<String> by) {
    List<String> h = new ArrayList<>();
    h.add("cohort");
    h.addAll(by);
    h.addAll(List.of("duration", "at_risk", "events", "cumulative", "lower", "upper", "status"));
    return h;
  }

  /** Writes the table's rows (not the pooled curves). */
  public static void write(CohortTable table, Writer out) {
    CsvOutput csv = CsvOutput.to(out);
    csv.row(header(table.spec().by()));
    for (CohortRow r : table.rows()) {
      List<String> f = new ArrayList<>(9 + r.group().size());
      f.add(r.cohort());
      f.addAll(r.group());
      f.add(Integer.toString(r.duration()));
      f.add(Long.toString(r.atRisk()));
      f.add(Long.toString(r.events()));
      f.add(number(r.cumulative()));
      f.add(number(r.lower()));
      f.add(number(r.upper()));
      f.add(r.status().word());
      csv.row(f);
    }
    csv.flush();
  }

  static String number(double v) {
    return Double.isNaN(v) ? "" : NumericColumn.formatNumber(v);
  }
}
