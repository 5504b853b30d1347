package org.statbench.disclosure;

import java.util.Locale;
import org.statbench.core.InputException;

/**
 * Reliability rules for survey estimates, the {@code "quality"} object of a policy file (every key
 * optional): a cell whose coefficient of variation is at least {@code cvCaution} percent is
 * published with a "use with caution" flag; above {@code cvWithhold} percent, or with fewer than
 * {@code minBase} unweighted records, it is withheld as unreliable. Defaults follow common
 * statistical-office practice: 20, 30 and 30.
 *
 * @param cvCaution CV (percent) from which a cell is flagged for caution
 * @param cvWithhold CV (percent) above which a cell is withheld
 * @param minBase fewest unweighted records for a cell to be published
 */
public record QualityPolicy(double cvCaution, double cvWithhold, long minBase) {
  /** CV 20-30% caution, over 30% or a base under 30 withheld. */
  public static final QualityPolicy DEFAULT = new QualityPolicy(20, 30, 30);

  public QualityPolicy {
    if (!(cvCaution >= 0) || !(cvWithhold >= cvCaution)) {
      throw new InputException(
          "quality: need 0 <= cvCaution <= cvWithhold, got " + cvCaution + " and " + cvWithhold);
    }
    if (minBase < 0) {
      throw new InputException("quality.minBase must be at least 0, got " + minBase);
    }
  }

  /** What the rules say of one cell. */
  public enum Level {
    OK,
    CAUTION,
    WITHHELD
  }

  /**
   * A cell's verdict.
   *
   * @param level ok, caution or withheld
   * @param status the status word for the long CSV ({@code caution:cv}, {@code withheld:cv}, {@code
   *     withheld:base}), or null when ok
   * @param reason the reason in words (for notes and tooltips), or null when ok
   */
  public record Verdict(Level level, String status, String reason) {
    static final Verdict OK = new Verdict(Level.OK, null, null);
  }

  /**
   * Judges one cell.
   *
   * @param cvPercent the coefficient of variation in percent (NaN when undefined: no CV rule)
   * @param base unweighted records in the cell
   */
  public Verdict assess(double cvPercent, long base) {
    if (base < minBase) {
      return new Verdict(
          Level.WITHHELD,
          "withheld:base",
          "unweighted base " + base + " is under " + minBase + ": withheld as unreliable");
    }
    if (cvPercent > cvWithhold) {
      return new Verdict(
          Level.WITHHELD,
          "withheld:cv",
          "CV " + pct(cvPercent) + " is over " + pct(cvWithhold) + ": withheld as unreliable");
    }
    if (cvPercent >= cvCaution) {
      return new Verdict(
          Level.CAUTION,
          "caution:cv",
          "CV "
              + pct(cvPercent)
              + " is between "
              + pct(cvCaution)
              + " and "
              + pct(cvWithhold)
              + ": use with caution");
    }
    return Verdict.OK;
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v);
  }
}
