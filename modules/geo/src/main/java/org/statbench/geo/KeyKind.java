package org.statbench.geo;

import java.util.Collection;

/** How keys of a lookup are normalised and classified. */
public enum KeyKind {
  /** GSS-style area codes ({@code E00000001}); see {@link AreaCodes}. */
  AREA_CODE,
  /** UK postcodes; see {@link Postcodes}. */
  POSTCODE,
  /** Any other codes (trimmed and upper-cased): only matched, unknown or empty. */
  GENERIC;

  /**
   * Guesses the kind from a lookup's keys: area codes when most non-empty keys are well-formed area
   * codes, postcodes when most are postcodes, generic otherwise (so a few malformed keys in an area
   * lookup are reported by validation rather than changing the kind).
   */
  public static KeyKind detect(Collection<String> keys) {
    int n = 0;
    int area = 0;
    int post = 0;
    for (String k : keys) {
      String s = AreaCodes.normalise(k);
      if (s == null || s.isEmpty()) {
        continue;
      }
      n++;
      if (AreaCodes.isWellFormed(s)) {
        area++;
      } else if (Postcodes.isValid(s)) {
        post++;
      }
      if (n >= 2000) {
        break;
      }
    }
    if (n > 0 && area * 2 > n) {
      return AREA_CODE;
    }
    if (n > 0 && post * 2 > n) {
      return POSTCODE;
    }
    return GENERIC;
  }

  /** The normalised form of a key for matching, or null when it cannot match (bad format). */
  public String normalise(String raw) {
    return switch (this) {
      case POSTCODE -> Postcodes.normalise(raw);
      case AREA_CODE, GENERIC -> {
        String s = AreaCodes.normalise(raw);
        yield s == null || s.isEmpty() ? null : s;
      }
    };
  }
}
