package org.statbench.core.spec;

import java.util.Locale;
import org.statbench.core.InputException;

/**
 * Which margin a table's values are expressed as a percentage of. Percentages are of the measure's
 * value (counts or sums) and lie in 0..100.
 */
public enum Percentage {
  /** Plain values. */
  NONE,
  /** Of the cell with every column dimension at its total (same rows and wafer). */
  ROW,
  /** Of the cell with every row dimension at its total (same columns and wafer). */
  COLUMN,
  /** Of the grand total over all dimensions, wafers included. */
  TOTAL,
  /** Of the cell with every row and column dimension at its total (same wafer). */
  WAFER;

  /** Lower-case name as used on the command line and in saved definitions. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code none}, {@code row}, {@code column}, {@code total} or {@code wafer}
   * (case-insensitive).
   *
   * @throws InputException for anything else
   */
  public static Percentage parse(String text) {
    for (Percentage p : values()) {
      if (p.key().equalsIgnoreCase(text.trim())) {
        return p;
      }
    }
    throw new InputException(
        "Unknown percentage '" + text + "': use none, row, column, total or wafer");
  }
}
