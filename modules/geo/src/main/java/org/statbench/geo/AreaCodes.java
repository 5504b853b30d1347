package org.statbench.geo;

import java.util.Locale;
import java.util.regex.Pattern;

/** Area code rules (GSS codes such as {@code E00000001}): normalisation and classification. */
public final class AreaCodes {
  private static final Pattern CLASSIFICATION = Pattern.compile("^[1-9][0-9]?([a-z]([0-9]+)?)?$");

  private AreaCodes() {}

  /** Trims and upper-cases a key; null stays null. */
  public static String normalise(String raw) {
    return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
  }

  /** True when the normalised code is a letter followed by eight digits. */
  public static boolean isWellFormed(String normalised) {
    // Hand-written check of ^[A-Z][0-9]{8}$: joins call this once per distinct key.
    if (normalised == null || normalised.length() != 9) {
      return false;
    }
    char c = normalised.charAt(0);
    if (c < 'A' || c > 'Z') {
      return false;
    }
    for (int i = 1; i < 9; i++) {
      char d = normalised.charAt(i);
      if (d < '0' || d > '9') {
        return false;
      }
    }
    return true;
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

  /**
   * The nesting rank of the GSS entity of a set of codes, finest first: output areas 0, LSOAs 1,
   * MSOAs 2, wards 3, local authorities (06-09) 5, counties 6, regions 7, countries 9; -1 when the
   * codes are not all of one known entity (pseudo codes and blanks are ignored).
   */
  public static int levelRank(java.util.Collection<String> codes) {
    int rank = -2;
    for (String raw : codes) {
      String s = normalise(raw);
      if (s == null || s.isEmpty() || isPseudo(s)) {
        continue;
      }
      if (!isWellFormed(s)) {
        return -1;
      }
      int r =
          switch (s.substring(1, 3)) {
            case "00" -> 0;
            case "01" -> 1;
            case "02" -> 2;
            case "05" -> 3;
            case "06", "07", "08", "09" -> 5;
            case "10", "11" -> 6;
            case "12" -> 7;
            case "92" -> 9;
            default -> -1;
          };
      if (r < 0 || (rank != -2 && r != rank)) {
        return -1;
      }
      rank = r;
    }
    return rank == -2 ? -1 : rank;
  }
}
