package org.statbench.core.spec;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.statbench.core.InputException;
import org.statbench.core.data.NumericColumn;

/**
 * One band of a numeric variable: values {@code lo <= v <= hi} (both ends inclusive). An open lower
 * end is {@code -Infinity}, an open upper end {@code +Infinity}. A half-open band {@code LO-<HI}
 * ({@code LO <= v < HI}, for real-valued cut points) is held exactly as the inclusive band {@code
 * lo = LO, hi = Math.nextDown(HI)}: no double lies between the two.
 *
 * @param lo lowest value in the band, or negative infinity
 * @param hi highest value in the band, or positive infinity
 * @param label the category code written for the band, e.g. {@code 16-24}, {@code 50+}, {@code -15}
 */
public record Band(double lo, double hi, String label) {
  private static final String NUM = "(-?\\d+(?:\\.\\d+)?)";
  private static final Pattern RANGE = Pattern.compile(NUM + "-" + NUM);
  private static final Pattern OPEN_HIGH = Pattern.compile(NUM + "\\+");
  private static final Pattern OPEN_LOW = Pattern.compile("-(\\d+(?:\\.\\d+)?)");
  private static final Pattern SINGLE = Pattern.compile(NUM);
  private static final Pattern HALF_OPEN = Pattern.compile(NUM + "-<" + NUM);
  private static final Pattern BELOW = Pattern.compile("<" + NUM);

  public Band {
    Objects.requireNonNull(label, "label");
    if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
      throw new InputException("Band '" + label + "' is empty: its low end is above its high end");
    }
  }

  /** A band labelled as {@code lo-hi} (or {@code lo+}, {@code -hi} for open ends). */
  public static Band of(double lo, double hi) {
    return new Band(lo, hi, label(lo, hi));
  }

  /**
   * The half-open band {@code lo <= v < hiExclusive}, labelled {@code LO-<HI} ({@code <HI} when
   * {@code lo} is negative infinity, {@code LO+} when {@code hiExclusive} is positive infinity).
   */
  public static Band halfOpen(double lo, double hiExclusive) {
    if (hiExclusive == Double.POSITIVE_INFINITY) {
      return of(lo, hiExclusive);
    }
    String hi = NumericColumn.formatNumber(hiExclusive);
    String label =
        lo == Double.NEGATIVE_INFINITY ? "<" + hi : NumericColumn.formatNumber(lo) + "-<" + hi;
    return new Band(lo, Math.nextDown(hiExclusive), label);
  }

  /** The label the command line would use for these ends. */
  public static String label(double lo, double hi) {
    if (lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY) {
      return "all";
    }
    if (lo == Double.NEGATIVE_INFINITY) {
      return "-" + NumericColumn.formatNumber(hi);
    }
    if (hi == Double.POSITIVE_INFINITY) {
      return NumericColumn.formatNumber(lo) + "+";
    }
    if (lo == hi) {
      return NumericColumn.formatNumber(lo);
    }
    return NumericColumn.formatNumber(lo) + "-" + NumericColumn.formatNumber(hi);
  }

  /**
   * Parses one band as written on the command line: {@code LO-HI}, {@code LO+}, {@code -HI}, a
   * single value {@code V}, or the half-open forms {@code LO-<HI} ({@code LO} up to but not
   * including {@code HI}) and {@code <HI} (below {@code HI}); numbers may be negative ({@code
   * -10--1}) and have decimals. The label is the text as written (trimmed).
   *
   * @throws InputException naming the text when it is not a band
   */
  public static Band parse(String text) {
    String t = text.trim();
    Matcher m = RANGE.matcher(t);
    if (m.matches()) {
      return new Band(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), t);
    }
    m = HALF_OPEN.matcher(t);
    if (m.matches()) {
      return new Band(
          Double.parseDouble(m.group(1)), Math.nextDown(Double.parseDouble(m.group(2))), t);
    }
    m = BELOW.matcher(t);
    if (m.matches()) {
      return new Band(Double.NEGATIVE_INFINITY, Math.nextDown(Double.parseDouble(m.group(1))), t);
    }
    m = OPEN_HIGH.matcher(t);
    if (m.matches()) {
      return new Band(Double.parseDouble(m.group(1)), Double.POSITIVE_INFINITY, t);
    }
    m = OPEN_LOW.matcher(t);
    if (m.matches()) {
      return new Band(Double.NEGATIVE_INFINITY, Double.parseDouble(m.group(1)), t);
    }
    m = SINGLE.matcher(t);
    if (m.matches()) {
      double v = Double.parseDouble(m.group(1));
      return new Band(v, v, t);
    }
    throw new InputException(
        "Band '" + text + "' is not LO-HI, LO+, -HI or LO-<HI (e.g. 16-24, 50+, -15, 2.5-<5)");
  }

  /** True when {@code v} lies in the band (NaN never does). */
  public boolean contains(double v) {
    return v >= lo && v <= hi;
  }
}
