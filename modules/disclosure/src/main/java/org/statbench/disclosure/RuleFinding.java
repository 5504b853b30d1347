package org.statbench.disclosure;

/**
 * One rule that a cell fails, or that could not be applied to it, citing the rule and its
 * parameters.
 *
 * @param rule {@code threshold}, {@code dominance}, {@code p%}, {@code negative}, {@code zero},
 *     {@code missing} or {@code unavailable}
 * @param parameters the rule's parameters as configured, e.g. {@code n=2, k=85}
 * @param detail what was found, e.g. {@code 3 records} or {@code top 2 = 91.3% of the cell}
 * @param review true when the finding asks for review rather than failing the cell
 */
public record RuleFinding(String rule, String parameters, String detail, boolean review) {
  @Override
  public String toString() {
    return rule + " (" + parameters + "): " + detail;
  }
}
