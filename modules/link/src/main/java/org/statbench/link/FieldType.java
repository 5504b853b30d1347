package org.statbench.link;

import java.util.List;
import java.util.Locale;
import org.statbench.core.InputException;

/**
 * How a field is standardised and compared. Each type has ordered comparison levels: index 0 is
 * always {@code missing} (either side has no value: weight 0, never a mismatch), index 1 {@code
 * else} (disagree), the last {@code exact}; levels in between are partial agreements from weakest
 * to strongest.
 */
public enum FieldType {
  /** Personal names: Jaro-Winkler thresholds, nicknames, initials, forename-surname swaps. */
  NAME(
      "missing",
      "else",
      "swapped",
      "initial",
      "jw>=0.88|one edit",
      "nickname",
      "jw>=0.94",
      "exact"),
  /** Free-text addresses: house number and word overlap. */
  TEXT("missing", "else", "words>=0.5", "number+words>=0.6", "exact"),
  /** Dates of birth. */
  DATE(
      "missing",
      "else",
      "within a year",
      "within a month",
      "day-month swapped",
      "one digit",
      "exact"),
  /** UK postcodes: area, district, sector, unit. */
  POSTCODE("missing", "else", "area", "district", "sector", "exact"),
  /** National Insurance numbers (invalid ones are missing). */
  NINO("missing", "else", "one edit", "exact"),
  /** Codes that only agree or not (also used for keyed hashes). */
  EXACT("missing", "else", "exact"),
  /** Short numbers and codes compared by Levenshtein distance. */
  NUMBER("missing", "else", "one edit", "exact");

  /** Level index of a missing value. */
  public static final int MISSING = 0;

  /** Level index of a disagreement. */
  public static final int ELSE = 1;

  private final List<String> levels;

  FieldType(String... levels) {
    this.levels = List.of(levels);
  }

  /** Level names, {@code missing} first, {@code exact} last. */
  public List<String> levels() {
    return levels;
  }

  /** Index of the {@code exact} level. */
  public int exact() {
    return levels.size() - 1;
  }

  /** Lower-case name as written on the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code name|text|date|postcode|nino|exact|number}.
   *
   * @throws InputException naming the type and the variable when unknown
   */
  public static FieldType parse(String s, String variable) {
    for (FieldType t : values()) {
      if (t.key().equalsIgnoreCase(s.trim())) {
        return t;
      }
    }
    throw new InputException(
        "Unknown comparison type '"
            + s
            + "' for variable '"
            + variable
            + "': use name, text, date, postcode, nino, exact or number");
  }

  /** A type guessed from a variable name (e.g. {@code surname} is a name). */
  public static FieldType guess(String variable) {
    String v = variable.toLowerCase(Locale.ROOT);
    if (v.endsWith("_hash")) {
      return EXACT; // a keyed hash (Pseudonymiser) only agrees or not
    }
    if (v.contains("postcode") || v.equals("pc") || v.contains("post_code")) {
      return POSTCODE;
    }
    if (v.contains("nino") || v.contains("ni_number") || v.contains("nat_ins")) {
      return NINO;
    }
    if (v.contains("dob") || v.contains("birth") || v.endsWith("date")) {
      return DATE;
    }
    if (v.contains("name")) {
      return NAME;
    }
    if (v.contains("address") || v.contains("street")) {
      return TEXT;
    }
    return EXACT;
  }
}
