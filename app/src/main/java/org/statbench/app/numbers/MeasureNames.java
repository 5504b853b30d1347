package org.statbench.app.numbers;

import org.statbench.core.data.NumericColumn;
import org.statbench.core.table.Measure;

/**
 * A measure's name in words for headers, axes and titles ("Count", "Median of age", "90th
 * percentile of income"); the command line and the long CSV keep {@link Measure#label()}.
 */
public final class MeasureNames {
  private MeasureNames() {}

  /** The measure in words, capitalised (for headers and axis labels). */
  public static String of(Measure m) {
    String v = m.variable();
    return switch (m.kind()) {
      case COUNT -> "Count";
      case SUM -> "Sum of " + v;
      case MEAN -> "Mean of " + v;
      case MEDIAN -> "Median of " + v;
      case PERCENTILE -> ordinal(m.percentile()) + " percentile of " + v;
      case MIN -> "Minimum of " + v;
      case MAX -> "Maximum of " + v;
      case DISTINCT_COUNT -> "Distinct values of " + v;
    };
  }

  /** "50th", "90th", "1st", "2.5th". */
  static String ordinal(double p) {
    String n = NumericColumn.formatNumber(p);
    if (p != Math.rint(p)) {
      return n + "th";
    }
    long i = (long) p;
    String suffix =
        (i % 100 >= 11 && i % 100 <= 13)
            ? "th"
            : switch ((int) (i % 10)) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
