package org.statbench.app.numbers;

import java.util.Locale;
import org.statbench.core.table.MeasureKind;

/**
 * One number format for every cell of a table, so a column never mixes {@code 44.50} and {@code
 * 46}: the decimals are chosen per measure (counts none; means, medians and percentiles one; sums,
 * minima and maxima two) and dropped when every value shown is a whole number (a median of whole
 * ages that happens to be whole everywhere). Percentages get one decimal and a {@code %}; undefined
 * values read {@code ..}. Immutable.
 *
 * @param decimals digits after the point
 * @param percent whether values are percentages
 */
public record NumberStyle(int decimals, boolean percent) {
  public NumberStyle {
    if (decimals < 0 || decimals > 6) {
      throw new IllegalArgumentException("decimals out of range: " + decimals);
    }
  }

  /**
   * The style for a measure and the values it will format.
   *
   * @param kind the measure
   * @param percent whether the values are percentages
   * @param values every value that will be shown (NaN ignored)
   */
  public static NumberStyle choose(MeasureKind kind, boolean percent, double[] values) {
    if (percent) {
      return new NumberStyle(1, true);
    }
    int decimals =
        switch (kind) {
          case COUNT, DISTINCT_COUNT -> 0;
          case MEAN, MEDIAN, PERCENTILE -> 1;
          case SUM, MIN, MAX -> 2;
        };
    if (decimals > 0 && allWhole(values)) {
      decimals = 0;
    }
    return new NumberStyle(decimals, false);
  }

  private static boolean allWhole(double[] values) {
    for (double v : values) {
      if (!Double.isNaN(v) && (v != Math.rint(v) || Math.abs(v) >= 1e15)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A value in this style: thousands separators, the chosen decimals, {@code %} if a percentage.
   */
  public String format(double v) {
    if (Double.isNaN(v)) {
      return "..";
    }
    String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
    if (s.startsWith("-") && s.matches("-[0.,]+")) {
      s = s.substring(1); // -0.0 after rounding reads 0.0
    }
    return percent ? s + "%" : s;
  }
}
