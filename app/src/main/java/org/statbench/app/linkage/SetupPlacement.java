package org.statbench.app.linkage;

/**
 * Where the Linkage tab puts its set-up: beside the results when the tab holds both at readable
 * widths, otherwise as the first of the results' tabs at the tab's full width. Side by side in a
 * 460 px tab (1024x700 in presenter mode) the set-up got 190 px: its dataset boxes, field table and
 * rule buttons were cut by a sideways scroll and Train was below the window. Widths are in em, the
 * size of the theme's text, so presenter mode's larger text asks for more room. Layout maths only
 * (no toolkit), so it is tested without one.
 */
final class SetupPlacement {
  /** The set-up's comfortable width: the field table's three columns and the rule buttons. */
  static final double SETUP_EM = 24;

  /** The results' width: the m and u chart, the histogram and the links with their waterfall. */
  static final double RESULTS_EM = 30;

  /** The narrowest the set-up may be dragged beside the results. */
  static final double SETUP_MIN_EM = 20;

  /** The narrowest the results may be dragged beside the set-up. */
  static final double RESULTS_MIN_EM = 24;

  /** The set-up's share of a wide tab when it is first shown beside the results. */
  static final double SETUP_SHARE = 0.4;

  private SetupPlacement() {}

  /** True when a tab {@code width} pixels wide holds the set-up and the results side by side. */
  static boolean beside(double width, double em) {
    return width >= (SETUP_EM + RESULTS_EM) * em;
  }

  /**
   * Where the divider starts beside the results: the set-up gets {@link #SETUP_SHARE} of the width,
   * but at least its comfortable {@link #SETUP_EM} and at most what leaves the results {@link
   * #RESULTS_EM}.
   */
  static double divider(double width, double em) {
    double setup = Math.max(SETUP_SHARE * width, SETUP_EM * em);
    return Math.min(setup, width - RESULTS_EM * em) / width;
  }
}
