package org.statbench.geo;

import java.util.Locale;
import java.util.regex.Pattern;

/** Area code rules (GSS codes such as {@code E00000001}): normalisation and classification. */
public final class AreaCodes {
  private static final Pattern WELL_FORMED = Pattern.compile("^[A-Z][0-9]{8}$");
  private static final Pattern CLASSIFICATION = Pattern.compile("^[1-9][0-9]?([a-z]([0-9]+)?)?$");

  private AreaCodes() {}

  /** Trims and upper-cases a key; null stays null. */
  public static String normalise(String raw) {
    return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
  }

  /** True when the normalised code is a letter followed by eight digits. */
  public static boolean isWellFormed(String normalised) {
    return normalised != null
        && normalised.length() == 9
        && WELL_FORMED.matcher(normalised).matches();
  }

  /** True for the not-allocated pseudo codes {@code [A-Z]99999999}, e.g. {@code E99999999}. */
  public static boolean isPseudo(String normalised) {
    return isWellFormed(normalised) && normalised.endsWith("99999999");
  }

  /**
   * Classifies a raw key before any lookup: {@link MatchStatus#EMPTY}, {@link
   * MatchStatus#PSEUDO_CODE}, {@link MatchStatus#INVALID_FORMAT}, or null when the code is
   * well-formed and must be looked up.
   */
  public static MatchStatus preClassify(String raw) {
    String s = normalise(raw);
    if (s == null || s.isEmpty()) {
      return MatchStatus.EMPTY;
    }
    if (!isWellFormed(s)) {
      return MatchStatus.INVALID_FORMAT;
    }
    return isPseudo(s) ? MatchStatus.PSEUDO_CODE : null;
  }

  /**
   * True for classification codes in the ONS area classification style: {@code 1}, {@code 1a},
   * {@code 1a1}.
   */
  public static boolean isClassificationCode(String s) {
    return s != null && CLASSIFICATION.matcher(s).matches();
  }
}
