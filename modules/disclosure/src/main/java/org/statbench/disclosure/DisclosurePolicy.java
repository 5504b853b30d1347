package org.statbench.disclosure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.statbench.core.InputException;

/**
 * The rules and the protection a disclosure check applies. Immutable; {@link #DEFAULT} holds
 * DESIGN.md's defaults, {@link #profile(String)} the named profiles, and {@link PolicyJson} reads
 * and writes the JSON format documented in {@code docs/disclosure-policy.md}.
 *
 * @param name a name cited in reports (a profile name or the policy file's own name)
 * @param threshold frequency threshold: a cell with 1..threshold-1 records fails (at least 1; 1
 *     disables the rule)
 * @param zerosSafe whether a cell with no records is safe; when false a zero also fails
 * @param dominance (n, k) dominance rules for magnitude cells (sum, mean); empty = none
 * @param pPercent the p of the p% rule for magnitude cells; 0 disables it
 * @param negativeValues what to do with a magnitude cell that has a negative contribution
 * @param missingValues what to do with a cell whose value is missing (NaN) although it has records
 * @param method the protection {@link DisclosureChecker#protect} applies
 * @param rounding rounding parameters (used by {@link ProtectionMethod#ROUND})
 * @param perturbation perturbation parameters (used by {@link ProtectionMethod#PERTURB})
 * @param protection the audit interval width required for cells failing the frequency rule
 */
public record DisclosurePolicy(
    String name,
    int threshold,
    boolean zerosSafe,
    List<DominanceRule> dominance,
    double pPercent,
    ValueHandling negativeValues,
    ValueHandling missingValues,
    ProtectionMethod method,
    RoundingPolicy rounding,
    PerturbationPolicy perturbation,
    SecondaryProtection protection) {

  /**
   * DESIGN.md's defaults: threshold 10 with zeros safe, dominance n=2 k=85, p%=10, review negative
   * and missing values, suppression with an absolute protection width equal to the threshold.
   */
  public static final DisclosurePolicy DEFAULT =
      new DisclosurePolicy(
          "default",
          10,
          true,
          List.of(new DominanceRule(2, 85)),
          10,
          ValueHandling.REVIEW,
          ValueHandling.REVIEW,
          ProtectionMethod.SUPPRESS,
          RoundingPolicy.DEFAULT,
          PerturbationPolicy.DEFAULT,
          SecondaryProtection.absolute(10));

  public DisclosurePolicy {
    name = name == null || name.isBlank() ? "custom" : name;
    if (threshold < 1) {
      throw new InputException("threshold must be an integer of at least 1, got " + threshold);
    }
    dominance = List.copyOf(Objects.requireNonNull(dominance, "dominance"));
    if (!(pPercent >= 0 && pPercent < 100)) {
      throw new InputException("pPercent must be in [0, 100), got " + num(pPercent));
    }
    Objects.requireNonNull(negativeValues, "negativeValues");
    Objects.requireNonNull(missingValues, "missingValues");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rounding, "rounding");
    Objects.requireNonNull(perturbation, "perturbation");
    Objects.requireNonNull(protection, "protection");
  }

  /** Names of the built-in profiles, in a stable order. */
  public static List<String> profileNames() {
    return List.copyOf(profiles().keySet());
  }

  /**
   * A built-in profile: {@code default} (suppression), {@code round5} and {@code round10}
   * (conventional rounding, totals rounded independently), {@code round5-recomputed} (totals
   * recomputed from rounded cells), {@code suppress-round5} (suppress below the threshold, round
   * the rest to base 5), {@code perturb} (cell-key perturbation, D=5, V=3, js=4), {@code strict}
   * (zeros unsafe, protection 20% of the cell value), {@code check-only} (no protection).
   *
   * @throws InputException naming the profile when unknown
   */
  public static DisclosurePolicy profile(String name) {
    DisclosurePolicy p = profiles().get(name.toLowerCase(Locale.ROOT));
    if (p == null) {
      throw new InputException(
          "Unknown disclosure profile '" + name + "': use one of " + profileNames());
    }
    return p;
  }

  private static Map<String, DisclosurePolicy> profiles() {
    Map<String, DisclosurePolicy> m = new TreeMap<>();
    DisclosurePolicy d = DEFAULT;
    m.put("default", d);
    m.put(
        "round5",
        d.withName("round5")
            .withMethod(ProtectionMethod.ROUND)
            .withRounding(new RoundingPolicy(5, RoundingPolicy.TotalsRounding.INDEPENDENT, false)));
    m.put(
        "round10",
        d.withName("round10")
            .withMethod(ProtectionMethod.ROUND)
            .withRounding(
                new RoundingPolicy(10, RoundingPolicy.TotalsRounding.INDEPENDENT, false)));
    m.put(
        "round5-recomputed",
        d.withName("round5-recomputed")
            .withMethod(ProtectionMethod.ROUND)
            .withRounding(new RoundingPolicy(5, RoundingPolicy.TotalsRounding.RECOMPUTED, false)));
    m.put(
        "suppress-round5",
        d.withName("suppress-round5")
            .withMethod(ProtectionMethod.ROUND)
            .withRounding(new RoundingPolicy(5, RoundingPolicy.TotalsRounding.INDEPENDENT, true)));
    m.put("perturb", d.withName("perturb").withMethod(ProtectionMethod.PERTURB));
    m.put(
        "strict",
        new DisclosurePolicy(
            "strict",
            10,
            false,
            d.dominance(),
            d.pPercent(),
            ValueHandling.SUPPRESS,
            ValueHandling.SUPPRESS,
            ProtectionMethod.SUPPRESS,
            d.rounding(),
            d.perturbation(),
            new SecondaryProtection(SecondaryProtection.Mode.PERCENT, 20)));
    m.put("check-only", d.withName("check-only").withMethod(ProtectionMethod.NONE));
    return m;
  }

  /** A copy with another name. */
  public DisclosurePolicy withName(String n) {
    return new DisclosurePolicy(
        n,
        threshold,
        zerosSafe,
        dominance,
        pPercent,
        negativeValues,
        missingValues,
        method,
        rounding,
        perturbation,
        protection);
  }

  /** A copy with another threshold; when the protection width was the old threshold it follows. */
  public DisclosurePolicy withThreshold(int t) {
    SecondaryProtection prot =
        protection.mode() == SecondaryProtection.Mode.ABSOLUTE && protection.value() == threshold
            ? SecondaryProtection.absolute(t)
            : protection;
    return new DisclosurePolicy(
        name,
        t,
        zerosSafe,
        dominance,
        pPercent,
        negativeValues,
        missingValues,
        method,
        rounding,
        perturbation,
        prot);
  }

  /** A copy with another protection method. */
  public DisclosurePolicy withMethod(ProtectionMethod m) {
    return new DisclosurePolicy(
        name,
        threshold,
        zerosSafe,
        dominance,
        pPercent,
        negativeValues,
        missingValues,
        m,
        rounding,
        perturbation,
        protection);
  }

  /** A copy with other rounding parameters. */
  public DisclosurePolicy withRounding(RoundingPolicy r) {
    return new DisclosurePolicy(
        name,
        threshold,
        zerosSafe,
        dominance,
        pPercent,
        negativeValues,
        missingValues,
        method,
        r,
        perturbation,
        protection);
  }

  /** A copy with other perturbation parameters. */
  public DisclosurePolicy withPerturbation(PerturbationPolicy p) {
    return new DisclosurePolicy(
        name,
        threshold,
        zerosSafe,
        dominance,
        pPercent,
        negativeValues,
        missingValues,
        method,
        rounding,
        p,
        protection);
  }

  /** A copy where zeros are safe or not. */
  public DisclosurePolicy withZerosSafe(boolean z) {
    return new DisclosurePolicy(
        name,
        threshold,
        z,
        dominance,
        pPercent,
        negativeValues,
        missingValues,
        method,
        rounding,
        perturbation,
        protection);
  }

  /** The frequency rule as cited in reports, e.g. {@code threshold=10, zerosSafe=true}. */
  public String thresholdParameters() {
    return "threshold=" + threshold + ", zerosSafe=" + zerosSafe;
  }

  /** The p% rule as cited in reports, e.g. {@code p=10}. */
  public String pParameters() {
    return "p=" + num(pPercent);
  }

  /** Formats a number as reports cite parameters: integers without decimals. */
  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : "" + v;
  }
}
