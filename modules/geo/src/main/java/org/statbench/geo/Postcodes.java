package org.statbench.geo;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * UK postcodes: normalised by trimming, upper-casing and writing exactly one space before the
 * inward code (the last three characters), e.g. {@code " sw1a1aa"} becomes {@code "SW1A 1AA"}.
 */
public final class Postcodes {
  // Outward code: area (1-2 letters), district (digit + optional letter or digit); inward: digit +
  // two letters. GIR 0AA is the one historic exception.
  private static final Pattern COMPACT =
      Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$|^GIR0AA$");

  private Postcodes() {}

  /**
   * The normalised postcode, or null when {@code raw} (after removing whitespace and upper-casing)
   * does not have the standard UK postcode pattern. Null input gives null.
   */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(8);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!Character.isWhitespace(c)) {
        sb.append(c);
      }
    }
    String compact = sb.toString().toUpperCase(Locale.ROOT);
    if (compact.length() < 5 || compact.length() > 7 || !COMPACT.matcher(compact).matches()) {
      return null;
    }
    int split = compact.length() - 3;
    return compact.substring(0, split) + " " + compact.substring(split);
  }

  /**
   * True for a pseudo postcode: a normalised postcode in the {@code ZZ99} district, which health
   * and benefit systems use for no fixed abode, abroad or not known (e.g. {@code ZZ99 3VZ}).
   */
  public static boolean isPseudo(String normalised) {
    return normalised != null && normalised.startsWith("ZZ99 ");
  }

  /** True when {@code raw} normalises to a postcode. */
  public static boolean isValid(String raw) {
    return normalise(raw) != null;
  }
}
