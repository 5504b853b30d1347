package org.statbench.core.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.statbench.core.InputException;

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
   * {@code n} bands of equal width covering {@code lo..hi}. When both ends are integers and the
   * range has at least {@code n} integers, bands are integer ranges ({@code 0-24,25-49,...}) whose
   * widths differ by at most one; otherwise decimal bands {@code [lo + i*w, lo + (i+1)*w]} where a
   * shared boundary belongs to the lower band.
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
    } else {
      double w = (hi - lo) / n;
      for (int i = 0; i < n; i++) {
        double a = lo + w * i;
        double b = i == n - 1 ? hi : lo + w * (i + 1);
        out.add(Band.of(a, b));
      }
    }
    return new Bands(out);
  }

  /**
   * Up to {@code n} bands holding roughly equal numbers of records: cut points are the {@code i/n}
   * quantiles of the non-missing values (the same definition as the engine's percentiles), the
   * first band is open below and the last open above. Duplicate cut points are merged, so fewer
   * bands result when values repeat.
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
    List<Double> cuts = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      double c = quantileOfSorted(v, 100.0 * i / n);
      if (cuts.isEmpty() || c > cuts.get(cuts.size() - 1)) {
        cuts.add(c);
      }
    }
    List<Band> out = new ArrayList<>();
    double lo = Double.NEGATIVE_INFINITY;
    for (double c : cuts) {
      out.add(Band.of(lo, c));
      lo = c;
    }
    out.add(Band.of(lo, Double.POSITIVE_INFINITY));
    return new Bands(out);
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
