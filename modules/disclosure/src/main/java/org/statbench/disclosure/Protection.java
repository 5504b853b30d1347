package org.statbench.disclosure;

/**
 * The protection a primary cell needs: its audit interval must reach {@code lower} below and {@code
 * upper} above the true value and be at least {@code width} wide.
 *
 * @param lower lower protection level (p% rule), 0 when none
 * @param upper upper protection level (p% rule), 0 when none
 * @param width minimum interval width (frequency rule), 0 when none; a tiny positive width means
 *     "not exactly recoverable"
 */
public record Protection(double lower, double upper, double width) {
  public static final Protection NONE = new Protection(0, 0, 0);

  /** True when nothing is required. */
  public boolean isNone() {
    return lower <= 0 && upper <= 0 && width <= 0;
  }
}
