package org.statbench.app.linkage;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The count axis of the match-weight histogram: logarithmic by default, so a few hundred links stay
 * visible beside millions of non-links, or linear. On the log scale a bar of {@code n} pairs is
 * {@code log10(n) + 1} high (1 pair: 1, 10 pairs: 2, 1,000,000 pairs: 7; none: 0) and the axis
 * shows the counts at whole powers of ten. Plain Java (no javafx.scene).
 */
final class HistogramScale {
  private final BooleanProperty log = new SimpleBooleanProperty(this, "log", true);

  /** True for a logarithmic count axis (the default). */
  BooleanProperty logProperty() {
    return log;
  }

  /** The bar height of {@code pairs} on the current scale. */
  double height(long pairs) {
    if (!log.get()) {
      return pairs;
    }
    return pairs <= 0 ? 0 : Math.log10(pairs) + 1;
  }

  /**
   * The tick label at axis value {@code v}: the count it stands for, blank between powers of ten.
   */
  String tick(double v) {
    if (!log.get()) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (v < 1 || Math.abs(v - Math.rint(v)) > 1e-9) {
      return v == 0 ? "0" : "";
    }
    return String.format(Locale.ROOT, "%,.0f", Math.pow(10, Math.rint(v) - 1));
  }

  /** The axis label. */
  String axisLabel() {
    // short: the chart's title says they are candidate pairs, and a rotated label longer than a
    // small window's plot is cut
    return log.get() ? "pairs (log scale)" : "pairs";
  }
}
