package org.statbench.export;

import java.util.regex.Pattern;

/**
 * Neutralises text that a spreadsheet would run as a formula (CSV/formula injection). Following the
 * OWASP guidance, a field that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return is prefixed with a single quote, which spreadsheets show as text and do not
 * evaluate. Plain numbers ({@code -3}, {@code +1.5}, {@code -0.25}) are left alone, so numeric
 * values and codes that are plain negative numbers keep their meaning.
 *
 * <p>Used for every CSV and clipboard release; the working {@code tabulate --out} files stay exact.
 * Thread-safe (stateless).
 */
public final class FormulaGuard {
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

  private FormulaGuard() {}

  /**
   * The text as it may be released: unchanged unless it starts with a formula trigger, else
   * prefixed with {@code '}.
   *
   * @param text a field value; null is returned as null
   */
  public static String neutralise(String text) {
    if (text == null || text.isEmpty() || !isTrigger(text.charAt(0))) {
      return text;
    }
    if (PLAIN_NUMBER.matcher(text).matches()) {
      return text;
    }
    return "'" + text;
  }

  /** True when a spreadsheet could treat text starting with {@code c} as a formula. */
  static boolean isTrigger(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
