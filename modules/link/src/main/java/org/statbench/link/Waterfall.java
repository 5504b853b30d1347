package org.statbench.link;

import java.util.List;

/**
 * One candidate pair's match weight taken apart, for a waterfall chart: the prior, then each
 * field's comparison level and its weight, term-frequency adjustments and the household correction.
 * The steps add up to the pair's match weight as scored. Immutable.
 *
 * @param steps in order, the prior first
 */
public record Waterfall(List<Step> steps) {
  public Waterfall {
    steps = List.copyOf(steps);
  }

  /** What a step is. */
  public enum Kind {
    /** Prior odds of a match, in bits. */
    PRIOR,
    /** A field's comparison level: log2(m / u). */
    FIELD,
    /** Term-frequency adjustment of an exact agreement on a rare or common value. */
    TERM_FREQUENCY,
    /** Correction for surname, postcode and address agreeing together within a household. */
    HOUSEHOLD
  }

  /**
   * One contribution.
   *
   * @param kind what it is
   * @param field the field's name (empty for the prior and the household correction)
   * @param level the comparison level's name (e.g. {@code nickname}), or empty
   * @param weight contribution in bits
   */
  public record Step(Kind kind, String field, String level, double weight) {}

  /** The pair's match weight in bits: the sum of the steps. */
  public double total() {
    double w = 0;
    for (Step s : steps) {
      w += s.weight();
    }
    return w;
  }

  /** The pair's match probability. */
  public double probability() {
    return LinkRun.probability(total());
  }
}
