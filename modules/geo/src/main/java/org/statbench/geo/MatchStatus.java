package org.statbench.geo;

import java.util.Locale;

/**
 * What happened to one record's key in a join. The order is the order of the match report.
 *
 * <p>Definitions (DESIGN.md "Joins"): the key is trimmed and upper-cased; an empty key is {@link
 * #EMPTY}; {@code [A-Z]99999999} is a {@link #PSEUDO_CODE}; a code not matching {@code
 * ^[A-Z][0-9]{8}$} is {@link #INVALID_FORMAT}; a well-formed code absent from the lookup is {@link
 * #UNKNOWN_CODE}. For postcode keys the format is the UK postcode pattern, and a postcode whose
 * directory entry has a termination date is {@link #TERMINATED}.
 */
public enum MatchStatus {
  MATCHED,
  INVALID_FORMAT,
  UNKNOWN_CODE,
  TERMINATED,
  PSEUDO_CODE,
  EMPTY;

  /** The word used in reports and the report CSV, e.g. {@code invalid_format}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
