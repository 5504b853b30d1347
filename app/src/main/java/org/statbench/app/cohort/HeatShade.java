package org.statbench.app.cohort;

import java.util.Locale;

/**
 * The heat maps' shade (the cohort triangle, the status mode's cohort x duration map): the theme's
 * cell background ({@code -sb-cell}) under the heat colour at the share's strength, with the
 * theme's cell text ({@code -sb-cell-text}) until the shade is strong, so the maps follow the
 * light, dark and high-contrast themes. Over white this is the linear blend from white to the heat
 * colour.
 */
public final class HeatShade {
  /** The heat colour, {@code #2b6cb0}, at full strength. */
  static final int[] HEAT = {0x2b, 0x6c, 0xb0};

  /** Above this strength the text turns white. */
  private static final double STRONG = 0.55;

  private HeatShade() {}

  /**
   * The style of a cell shaded at {@code strength} (clamped to 0..1); NaN (no value) leaves the
   * cell transparent.
   */
  public static String style(double strength) {
    if (Double.isNaN(strength)) {
      return "-fx-background-color: transparent;";
    }
    double f = Math.max(0, Math.min(1, strength));
    return String.format(
        Locale.ROOT,
        "-fx-background-color: -sb-cell, rgba(%d,%d,%d,%.3f); -fx-text-fill: %s;",
        HEAT[0],
        HEAT[1],
        HEAT[2],
        f,
        f > STRONG ? "white" : "-sb-cell-text");
  }
}
