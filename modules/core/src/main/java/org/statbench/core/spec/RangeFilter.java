package org.statbench.core.spec;

import java.util.Objects;
import org.statbench.core.InputException;

/**
 * Keeps records whose numeric value lies in {@code lo..hi} (both inclusive; use infinities for open
 * ends). Missing values are dropped.
 *
 * @param variable a numeric variable
 * @param lo lowest value kept
 * @param hi highest value kept
 */
public record RangeFilter(String variable, double lo, double hi) implements Filter {
  public RangeFilter {
    Objects.requireNonNull(variable, "variable");
    if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
      throw new InputException("Range filter on '" + variable + "' has low end above high end");
    }
  }

  /** True when {@code v} is kept. */
  public boolean test(double v) {
    return v >= lo && v <= hi;
  }

  /**
   * Parses {@code V=LO..HI}, {@code V=LO..} or {@code V=..HI}.
   *
   * @throws InputException when the text is not in that form
   */
  public static RangeFilter parse(String text) {
    int eq = text.indexOf('=');
    int dots = text.indexOf("..", eq + 1);
    if (eq <= 0 || dots < 0) {
      throw new InputException("Range '" + text + "' is not V=LO..HI");
    }
    try {
      String a = text.substring(eq + 1, dots).trim();
      String b = text.substring(dots + 2).trim();
      return new RangeFilter(
          text.substring(0, eq).trim(),
          a.isEmpty() ? Double.NEGATIVE_INFINITY : Double.parseDouble(a),
          b.isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(b));
    } catch (NumberFormatException e) {
      throw new InputException("Range '" + text + "' is not V=LO..HI: " + e.getMessage());
    }
  }
}
