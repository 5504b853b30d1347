package org.statbench.cohort;

import java.util.Locale;
import org.statbench.core.InputException;

/** How the cumulative proportion with the event is estimated. */
public enum Estimator {
  /**
   * The published cohort proportion: people with an event at duration {@code <= d} divided by the
   * cohort size, shown only where the whole cohort has reached duration {@code d} by the as-of
   * date. 95% interval: Wilson score interval. Ignores end-of-observation dates.
   */
  SIMPLE,
  /**
   * Kaplan-Meier with right-censoring at the end of each record's own follow-up (the as-of date or
   * its end-of-observation date): {@code 1 - S(d)} with Greenwood 95% intervals on the log(-log)
   * scale. With a competing event, the Aalen-Johansen cumulative incidence of the event of interest
   * instead, with its delta-method variance on the same scale.
   */
  KAPLAN_MEIER;

  /** Command-line key: {@code simple} or {@code km}. */
  public String key() {
    return this == SIMPLE ? "simple" : "km";
  }

  /**
   * Parses {@code simple}, {@code km} or {@code kaplan-meier}.
   *
   * @throws InputException naming the accepted words
   */
  public static Estimator parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (t) {
      case "simple" -> SIMPLE;
      case "km", "kaplan-meier" -> KAPLAN_MEIER;
      default -> throw new InputException("Unknown estimator '" + text + "': use simple or km");
    };
  }
}
