package org.statbench.app.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.statbench.link.LinkModel;
import org.statbench.link.LinkResult;
import org.statbench.link.Waterfall;

/**
 * The numbers behind the Linkage tab's charts, computed without a toolkit: the m and u of every
 * comparison level with its weight, the histogram of match weights in whole bits, and a pair's
 * waterfall as cumulative bars. Plain Java.
 */
final class LinkageCharts {
  private LinkageCharts() {}

  /**
   * One comparison level of the trained model.
   *
   * @param field field name
   * @param level level name
   * @param m P(level | match)
   * @param u P(level | non-match)
   * @param weight log2(m / u) in bits
   */
  record Level(String field, String level, double m, double u, double weight) {
    /** The label on the chart's category axis, e.g. {@code surname: exact}. */
    String label() {
      return field + ": " + level;
    }
  }

  /**
   * One histogram bar.
   *
   * @param from lower edge in bits
   * @param pairs candidate pairs with a weight in [from, from + 1)
   */
  record Bar(double from, long pairs) {
    String label() {
      return String.format(Locale.ROOT, "%.0f", from);
    }
  }

  /**
   * One waterfall step as a floating bar.
   *
   * @param label prior, a field and its level, a term-frequency adjustment or the household
   * @param weight the step's contribution in bits
   * @param before the running total before it
   */
  record Step(String label, double weight, double before) {
    double after() {
      return before + weight;
    }
  }

  /** Every field's levels but {@code missing} (whose weight is 0 by definition). */
  static List<Level> levels(LinkModel model) {
    List<Level> out = new ArrayList<>();
    for (LinkModel.FieldModel f : model.fields()) {
      double[] m = f.m();
      double[] u = f.u();
      for (int l = 1; l < f.levels().size(); l++) {
        out.add(new Level(f.name(), f.levels().get(l), m[l], u[l], f.weight(l)));
      }
    }
    return out;
  }

  /**
   * The histogram in bars one bit wide, from the lowest to the highest bit with pairs. Pairs below
   * or above the histogram's range are in its first and last bins.
   */
  static List<Bar> histogram(LinkResult.WeightHistogram h) {
    long[] c = h.counts();
    int lo = -1;
    int hi = -1;
    for (int b = 0; b < c.length; b++) {
      if (c[b] > 0) {
        lo = lo < 0 ? b : lo;
        hi = b;
      }
    }
    List<Bar> out = new ArrayList<>();
    if (lo < 0) {
      return out;
    }
    double start = Math.floor(h.edge(lo));
    double end = Math.floor(h.edge(hi)) + 1;
    for (double from = start; from < end; from++) {
      long n = 0;
      for (int b = lo; b <= hi; b++) {
        double e = h.edge(b);
        if (e >= from && e < from + 1) {
          n += c[b];
        }
      }
      out.add(new Bar(from, n));
    }
    return out;
  }

  /** The waterfall as floating bars; the last one is the total, from 0. */
  static List<Step> waterfall(Waterfall w) {
    List<Step> out = new ArrayList<>();
    double run = 0;
    for (Waterfall.Step s : w.steps()) {
      String label =
          switch (s.kind()) {
            case PRIOR -> "prior";
            case FIELD -> s.field() + ": " + s.level();
            case TERM_FREQUENCY -> s.field() + ": frequency";
            case HOUSEHOLD -> "household";
          };
      out.add(new Step(label, s.weight(), run));
      run += s.weight();
    }
    out.add(new Step("total", run, 0));
    return out;
  }

  /** Match probability of a weight in bits. */
  static double probability(double weight) {
    return 1 / (1 + Math.pow(2, -weight));
  }

  /** Weight in bits of a match probability. */
  static double weight(double probability) {
    return Math.log(probability / (1 - probability)) / Math.log(2);
  }
}
