package org.statbench.core.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.statbench.core.InputException;
import org.statbench.core.data.NumericColumn;

/**
 * Bands of a numeric variable, in the order written. A value belongs to the first band that
 * contains it (both ends inclusive); values in no band form the category {@link #OTHER}, missing
 * values the category {@code Missing}.
 *
 * @param bands at least one band; labels are distinct
 */
public record Bands(List<Band> bands) implements Derivation {
  /** Category code of values that fall in no band. */
  public static final String OTHER = "Other";

  public Bands {
    bands = List.copyOf(bands);
    if (bands.isEmpty()) {
      throw new InputException("A banding needs at least one band");
    }
    Set<String> seen = new HashSet<>();
    for (Band b : bands) {
      if (!seen.add(b.label())) {
        throw new InputException("Band '" + b.label() + "' is given twice");
      }
    }
  }

  /**
   * Parses a comma-separated list as written after {@code V=} in {@code --band}, e.g. {@code
   * 16-17,18-24,25-49,50+}.
   *
   * @throws InputException naming the band that is not valid
   */
  public static Bands parse(String text) {
    List<Band> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      out.add(Band.parse(part));
    }
    return new Bands(out);
  }

  /**
   * Returns these bands when no value can fall in two of them, as the table builder's band dialog
   * requires; bands that only touch at a shared end ({@code 20-30,30-40}) are accepted, the first
   * taking the shared value.
   *
   * @throws InputException naming the two bands and the values they share
   */
  public Bands requireNoOverlap() {
    for (int i = 0; i < bands.size(); i++) {
      for (int j = i + 1; j < bands.size(); j++) {
        Band x = bands.get(i);
        Band y = bands.get(j);
        double lo = Math.max(x.lo(), y.lo());
        double hi = Math.min(x.hi(), y.hi());
        boolean overlap = lo < hi || (lo == hi && (x.lo() == x.hi() || y.lo() == y.hi()));
        if (overlap) {
          throw new InputException(
              "Bands '"
                  + x.label()
                  + "' and '"
                  + y.label()
                  + "' overlap: "
                  + (lo == hi
                      ? NumericColumn.formatNumber(lo)
                      : "values from "
                          + NumericColumn.formatNumber(lo)
                          + " to "
                          + NumericColumn.formatNumber(hi))
                  + " would be in both. Make each value fall in one band.");
        }
      }
    }
    return this;
  }

  /** The bands written back as the command line takes them. */
  public String format() {
    return String.join(",", bands.stream().map(Band::label).toList());
  }

  /** Index of the first band containing {@code v}, or -1 (also for NaN). */
  public int bandOf(double v) {
    for (int i = 0; i < bands.size(); i++) {
      if (bands.get(i).contains(v)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code n} bands of equal width covering {@code lo..hi}, none overlapping. When both ends are
   * integers and the range has at least {@code n} integers, bands are integer ranges ({@code
   * 0-24,25-49,...}) whose widths differ by at most one; otherwise real-valued bands, each
   * half-open up to the next cut point and the last closed at {@code hi} ({@code
   * 0-<2.5,2.5-<5,5-<7.5,7.5-10}), with cut points rounded to 10 significant digits so that the
   * labels stay readable.
   *
   * @throws InputException when {@code n < 1} or {@code lo > hi}
   */
  public static Bands equalWidth(double lo, double hi, int n) {
    if (n < 1 || !(lo <= hi)) {
      throw new InputException("Equal-width bands need n >= 1 and low <= high");
    }
    List<Band> out = new ArrayList<>();
    boolean integers = lo == Math.rint(lo) && hi == Math.rint(hi) && hi - lo + 1 >= n;
    if (integers) {
      long l = (long) lo;
      long span = (long) hi - l + 1;
      for (int i = 0; i < n; i++) {
        long a = l + span * i / n;
        long b = l + span * (i + 1) / n - 1;
        out.add(Band.of(a, b));
      }
      return new Bands(out);
    }
    double w = (hi - lo) / n;
    double start = lo;
    for (int i = 1; i < n; i++) {
      double cut = readable(lo + w * i);
      if (cut > start && cut < hi) {
        out.add(Band.halfOpen(start, cut));
        start = cut;
      }
    }
    out.add(Band.of(start, hi));
    return new Bands(out);
  }

  /**
   * Up to {@code n} bands holding roughly equal numbers of records, none overlapping: cut points
   * are the {@code i/n} quantiles of the non-missing values (the same definition as the engine's
   * percentiles); the first band starts at the smallest value, the last is open above. Integer
   * values give integer ranges as written by hand ({@code 16-24,25-31,32+}; a cut point {@code c}
   * ends a band at {@code floor(c)}); other values give half-open bands ({@code 1.5-<3,3-<4.25,
   * 4.25+}; a value equal to a cut point is in the band above it), with cut points rounded to 10
   * significant digits. Duplicate cut points are merged, so fewer bands result when values repeat.
   *
   * @param values the variable's values (NaN = missing, ignored); not modified
   * @throws InputException when {@code n < 1} or there are no values
   */
  public static Bands quantiles(double[] values, int n) {
    if (n < 1) {
      throw new InputException("Quantile bands need n >= 1");
    }
    double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) {
      throw new InputException("Quantile bands need at least one value");
    }
    double min = v[0];
    double max = v[v.length - 1];
    boolean integers = Arrays.stream(v).allMatch(d -> d == Math.rint(d) && Math.abs(d) < 1e15);
    List<Band> out = new ArrayList<>();
    double start = min;
    for (int i = 1; i < n; i++) {
      double c = quantileOfSorted(v, 100.0 * i / n);
      if (integers) {
        double k = Math.floor(c);
        if (k >= start && k < max) {
          out.add(Band.of(start, k));
          start = k + 1;
        }
      } else {
        double cut = readable(c);
        if (cut > start && cut <= max) {
          out.add(Band.halfOpen(start, cut));
          start = cut;
        }
      }
    }
    out.add(Band.of(start, Double.POSITIVE_INFINITY));
    return new Bands(out);
  }

  /** A cut point rounded to 10 significant digits (exact when it already has fewer). */
  public static double readable(double x) {
    if (x == 0 || !Double.isFinite(x)) {
      return x;
    }
    return new java.math.BigDecimal(Double.toString(x))
        .round(new java.math.MathContext(10))
        .doubleValue();
  }

  /**
   * The percentile {@code p} (0 < p <= 100) of sorted values by the definition used throughout
   * StatBench: with {@code h = n * p / 100}, the value at 1-based position {@code h} averaged with
   * the next one when {@code h} is a whole number, otherwise the value at position {@code ceil(h)}
   * (clamped to 1..n). The median of an even count is thus the midpoint of the two middle values.
   */
  public static double quantileOfSorted(double[] sorted, double p) {
    int n = sorted.length;
    double h = n * p / 100.0;
    double fl = Math.floor(h);
    if (h == fl) {
      int k = (int) fl; // 1-based
      if (k < 1) {
        return sorted[0];
      }
      if (k >= n) {
        return sorted[n - 1];
      }
      return (sorted[k - 1] + sorted[k]) / 2;
    }
    int k = (int) Math.ceil(h);
    return sorted[Math.min(Math.max(k, 1), n) - 1];
  }
}
