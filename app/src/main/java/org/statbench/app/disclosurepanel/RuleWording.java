package org.statbench.app.disclosurepanel;

import java.util.Locale;
import org.statbench.disclosure.DisclosurePolicy;

/**
 * A failing rule's count in words: {@code 19 cells below the threshold of 10} rather than {@code
 * threshold: 19} (which reads as if the threshold were 19). Toolkit-free.
 */
final class RuleWording {
  private RuleWording() {}

  /** One line for a rule (as named in status words) failed by {@code n} cells under a policy. */
  static String line(String rule, int n, DisclosurePolicy policy) {
    String cells = n + (n == 1 ? " cell" : " cells");
    return switch (rule) {
      case "threshold" -> cells + " below the threshold of " + policy.threshold();
      case "dominance" -> cells + " dominated by a few contributors (dominance rule)";
      case "p%" ->
          cells
              + " fail the p% rule (p = "
              + String.format(Locale.ROOT, "%s", trim(policy.pPercent()))
              + ")";
      case "zero" -> cells + " with no records (zeros are not safe under this policy)";
      case "negative" -> cells + " with negative contributions";
      case "missing" -> cells + " with missing values";
      case "unavailable" -> cells + " whose contributions are not available";
      default -> cells + " fail the " + rule + " rule";
    };
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
