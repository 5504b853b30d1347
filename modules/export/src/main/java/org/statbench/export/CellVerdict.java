package org.statbench.export;

/**
 * The disclosure verdict on one cell, as recorded with a release or a clearance request.
 *
 * @param index the cell's index in the table
 * @param status the long CSV status word, e.g. {@code ok}, {@code primary:threshold}, {@code
 *     secondary}, {@code rounded}, {@code perturbed}, {@code review}
 * @param suppressed whether the cell's value is withheld (written empty)
 * @param published the value to publish (the true value, or a rounded or perturbed one); NaN when
 *     withheld or undefined
 * @param lower lower end of the audit interval of a suppressed cell, NaN when not computed
 * @param upper upper end of the audit interval of a suppressed cell, NaN when not computed
 * @param reason human-readable reason citing the rule and its parameters, or empty for {@code ok}
 */
public record CellVerdict(
    int index,
    String status,
    boolean suppressed,
    double published,
    double lower,
    double upper,
    String reason) {
  public CellVerdict {
    reason = reason == null ? "" : reason;
    if (suppressed) {
      published = Double.NaN;
    }
  }

  /** True when the cell failed a primary rule (or needs review) rather than being safe. */
  public boolean failing() {
    return status.startsWith("primary") || status.equals("review");
  }

  /** The rule part of a status such as {@code primary:dominance}, or the whole word. */
  public String rule() {
    int c = status.indexOf(':');
    return c < 0 ? status : status.substring(c + 1);
  }
}
