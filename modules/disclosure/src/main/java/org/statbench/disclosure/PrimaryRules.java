package org.statbench.disclosure;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;

/** The primary rules applied to one cell at a time. Stateless apart from the policy. */
final class PrimaryRules {
  /** A width so small it only means "not exactly recoverable". */
  static final double EXACT_EPS = 1e-6;

  private final DisclosurePolicy policy;

  PrimaryRules(DisclosurePolicy policy) {
    this.policy = policy;
  }

  /** Findings and required protection of one cell. */
  record Verdict(List<RuleFinding> findings, Protection required) {
    boolean fails() {
      return findings.stream().anyMatch(f -> !f.review());
    }

    boolean review() {
      return !fails() && findings.stream().anyMatch(RuleFinding::review);
    }
  }

  Verdict apply(Table t, int i) {
    List<RuleFinding> out = new ArrayList<>(2);
    long n = t.count(i);
    double v = t.value(i);
    double width = 0;
    double level = 0;
    boolean exactOnly = false;

    // Frequency on unweighted record counts, for every measure: a mean or median of a few
    // records is as disclosive as the cell itself.
    if ((n >= 1 && n < policy.threshold()) || (n == 0 && !policy.zerosSafe())) {
      out.add(
          new RuleFinding(
              "threshold",
              policy.thresholdParameters(),
              n == 0
                  ? "no records and zeros are unsafe"
                  : "fewer than " + policy.threshold() + " records",
              false));
      width = Math.max(width, policy.protection().requiredWidth(v));
      exactOnly = true;
    }

    MeasureKind kind = t.measure().kind();
    if (kind.isMagnitude() && n > 0) {
      if (Double.isNaN(v)) {
        exactOnly |= handle(out, policy.missingValues(), "missing", "the value is missing");
      } else if (kind == MeasureKind.SUM || kind == MeasureKind.MEAN) {
        double[] top = t.top(i);
        double total = kind == MeasureKind.SUM ? v : v * n;
        if (t.hasNegative(i) && policy.negativeValues() != ValueHandling.IGNORE) {
          exactOnly |=
              handle(
                  out,
                  policy.negativeValues(),
                  "negative",
                  "a contribution is negative: dominance and p% are undefined");
        } else if (top.length == 0) {
          if (!policy.dominance().isEmpty() || policy.pPercent() > 0) {
            out.add(
                new RuleFinding(
                    "unavailable",
                    "dominance, p%",
                    "the largest contributions are unknown: dominance and p% cannot be applied",
                    true));
          }
        } else if (allZero(top) && total == 0) {
          out.add(
              new RuleFinding(
                  "zero",
                  "dominance, p%",
                  "every contribution is zero: dominance and p% are undefined",
                  true));
        } else {
          if (t.hasNegative(i)) {
            // IGNORE: rules on absolute contributions against their total as far as known.
            total = Math.max(Math.abs(total), sum(top, top.length));
          }
          for (DominanceRule r : policy.dominance()) {
            double s = sum(top, r.n());
            if (n <= r.n() || s > r.k() / 100.0 * total) {
              out.add(
                  new RuleFinding(
                      "dominance",
                      r.parameters(),
                      "the "
                          + r.n()
                          + " largest contributions exceed "
                          + DisclosurePolicy.num(r.k())
                          + "% of the cell",
                      false));
              level = Math.max(level, s * 100.0 / r.k() - total);
              exactOnly = true;
            }
          }
          if (policy.pPercent() > 0) {
            double x1 = top[0];
            double x2 = top.length > 1 ? top[1] : 0;
            double rest = total - x1 - x2;
            double p = policy.pPercent() / 100.0;
            if (rest < p * x1 || n <= 2) {
              out.add(
                  new RuleFinding(
                      "p%",
                      policy.pParameters(),
                      "the others hide less than "
                          + DisclosurePolicy.num(policy.pPercent())
                          + "% of the largest contribution",
                      false));
              level = Math.max(level, p * x1 - rest);
              exactOnly = true;
            }
          }
        }
      }
    }
    if (!exactOnly) {
      return new Verdict(out, Protection.NONE);
    }
    level = Math.max(level, 0);
    double minWidth = Math.max(width, EXACT_EPS * Math.max(1, Math.abs(v)));
    return new Verdict(out, new Protection(level, level, minWidth));
  }

  private static boolean handle(
      List<RuleFinding> out, ValueHandling h, String rule, String detail) {
    if (h == ValueHandling.IGNORE) {
      return false;
    }
    boolean suppress = h == ValueHandling.SUPPRESS;
    out.add(
        new RuleFinding(
            rule, "handling=" + h.name().toLowerCase(java.util.Locale.ROOT), detail, !suppress));
    return suppress;
  }

  private static boolean allZero(double[] a) {
    for (double d : a) {
      if (d != 0) {
        return false;
      }
    }
    return true;
  }

  private static double sum(double[] a, int n) {
    double s = 0;
    for (int i = 0; i < Math.min(n, a.length); i++) {
      s += Math.abs(a[i]);
    }
    return s;
  }
}
