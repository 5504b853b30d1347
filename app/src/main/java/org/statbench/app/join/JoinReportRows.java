package org.statbench.app.join;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.statbench.app.join.JoinViewModel.RateRow;
import org.statbench.app.join.JoinViewModel.ReportRow;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;
import org.statbench.geo.MatchReport;
import org.statbench.geo.MatchStatus;

/**
 * The join form's plain logic, without a toolkit: the match report as the rows its tables show
 * (counts with thousands separators, shares with two decimals), and which of a dataset's variables
 * can serve as a key, a breakdown or a bridge weight, with the key guessed. Stateless.
 */
final class JoinReportRows {
  private JoinReportRows() {}

  /** Total, each status, then the rate. */
  static List<ReportRow> reportRows(MatchReport r) {
    List<ReportRow> rows = new ArrayList<>();
    rows.add(new ReportRow("total", count(r.total()), "100.00%"));
    for (MatchStatus s : MatchStatus.values()) {
      rows.add(
          new ReportRow(
              s.key(),
              count(r.count(s)),
              String.format(
                  Locale.ROOT, "%.2f%%", r.total() == 0 ? 0.0 : 100.0 * r.count(s) / r.total())));
    }
    rows.add(new ReportRow("rate", r.rateText(), ""));
    return rows;
  }

  /** The match rate by the categories of {@code by} (none when null or not in the report). */
  static List<RateRow> rateRows(MatchReport r, String by) {
    List<RateRow> rates = new ArrayList<>();
    if (by == null) {
      return rates;
    }
    for (MatchReport.MatchRate m : r.rates().getOrDefault(by, List.of())) {
      rates.add(
          new RateRow(
              m.category(),
              count(m.total()),
              count(m.matched()),
              count(m.total() - m.matched()),
              m.total() == 0 ? "" : String.format(Locale.ROOT, "%.2f%%", 100.0 * m.rate())));
    }
    return rates;
  }

  /** Categorical and text variables a join can match on (not ones a join added). */
  static List<String> keyChoices(DatasetInfo d) {
    return variables(d, v -> !v.isDerived() && isCategory(v));
  }

  /** Categorical and text variables the match rate can be broken down by. */
  static List<String> byChoices(DatasetInfo d) {
    return variables(d, JoinReportRows::isCategory);
  }

  /** Numeric columns of a bridge (its possible weights). */
  static List<String> numericColumns(DatasetInfo d) {
    return variables(d, v -> v.type().isNumeric());
  }

  private static List<String> variables(DatasetInfo d, Predicate<VariableInfo> keep) {
    return d == null
        ? List.of()
        : d.variables().stream().filter(keep).map(VariableInfo::name).toList();
  }

  /** The likely key: an output-area, postcode or area-code variable, else the first; or null. */
  static String guessKey(List<String> keys) {
    for (String hint : List.of("oa", "postcode", "pcd", "lsoa", "la_code", "code")) {
      for (String k : keys) {
        if (k.toLowerCase(Locale.ROOT).contains(hint)) {
          return k;
        }
      }
    }
    return keys.isEmpty() ? null : keys.get(0);
  }

  private static boolean isCategory(VariableInfo v) {
    return v.type() == VariableType.CATEGORICAL || v.type() == VariableType.TEXT;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
