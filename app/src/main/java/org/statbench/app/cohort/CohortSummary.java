package org.statbench.app.cohort;

import java.util.Locale;
import java.util.Optional;
import org.statbench.cohort.CohortTable;
import org.statbench.cohort.LogRankTest;

/**
 * The Cohorts tab's one-line summary of a result: records, cohorts, as-of date, records left out,
 * the log-rank test and the time taken.
 */
final class CohortSummary {
  private CohortSummary() {}

  /** E.g. {@code 12,000 records in 24 month cohorts · as of 2024-12-31 · computed in 40 ms}. */
  static String of(CohortTable t, long millis) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%,d records", t.recordsUsed()))
        .append(" in ")
        .append(t.cohorts().size())
        .append(' ')
        .append(t.spec().period().key())
        .append(t.cohorts().size() == 1 ? " cohort" : " cohorts");
    if (t.asOf() != null) {
      sb.append(" · as of ").append(t.asOf());
    }
    if (t.missingEntry() > 0) {
      sb.append(String.format(Locale.ROOT, " · %,d without entry date", t.missingEntry()));
    }
    if (t.afterAsOf() > 0) {
      sb.append(String.format(Locale.ROOT, " · %,d entered after the as-of date", t.afterAsOf()));
    }
    Optional<LogRankTest> lr = t.logRank();
    lr.ifPresent(
        l ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    " · log-rank chi² %.2f on %d df, p %s",
                    l.chiSquare(),
                    l.degreesOfFreedom(),
                    l.pValue() < 0.0001
                        ? "< 0.0001"
                        : String.format(Locale.ROOT, "= %.4f", l.pValue()))));
    sb.append(" · computed in ").append(millis).append(" ms");
    return sb.toString();
  }
}
