package org.statbench.tabulate;

import org.statbench.core.data.VariableType;

/**
 * The distinct values of a variable over the whole dataset, indexed by code: what categories are
 * planned from. Both execution paths build one (the kernel from dictionaries, SQL push-down from
 * {@code SELECT DISTINCT}), so both plan identical categories.
 *
 * @param variable variable name
 * @param type variable type
 * @param labels per code its text as written in outputs (category code, formatted number, ISO date)
 * @param numbers per code its numeric value, NaN when the text is not a number
 * @param days per code its epoch day for DATE variables, else null
 * @param hasMissing whether any record has no value
 */
public record ValueSet(
    String variable,
    VariableType type,
    String[] labels,
    double[] numbers,
    int[] days,
    boolean hasMissing) {

  public int size() {
    return labels.length;
  }

  /** Numeric values of text codes, NaN where a code is not a plain number. */
  public static double[] parseNumbers(String[] labels) {
    double[] out = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = parseNumber(labels[i]);
    }
    return out;
  }

  public static double parseNumber(String s) {
    if (s.isEmpty() || s.length() > 40) {
      return Double.NaN;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!((ch >= '0' && ch <= '9') || ch == '-' || ch == '.')) {
        return Double.NaN;
      }
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
