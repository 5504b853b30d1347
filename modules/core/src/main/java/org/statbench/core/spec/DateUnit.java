package org.statbench.core.spec;

import java.time.LocalDate;
import java.util.Locale;
import org.statbench.core.InputException;

/** A calendar period that dates are grouped into. Labels sort chronologically as text. */
public enum DateUnit {
  /** {@code YYYY-MM}, e.g. {@code 2024-03}. */
  MONTH,
  /** {@code YYYY-Qn}, e.g. {@code 2024-Q1} (January to March). */
  QUARTER,
  /**
   * UK financial year April to March, {@code YYYY/YY}: 2024-04-01..2025-03-31 is {@code 2024/25}.
   */
  FINANCIAL_YEAR,
  /** {@code YYYY}. */
  YEAR;

  /** The period's label for a date. */
  public String label(LocalDate d) {
    return label(key(d));
  }

  /**
   * An integer key that orders periods chronologically: {@code year*100+month} for MONTH, {@code
   * year*10+quarter} for QUARTER, the starting year for FINANCIAL_YEAR and the year for YEAR.
   */
  public int key(LocalDate d) {
    int y = d.getYear();
    int m = d.getMonthValue();
    return switch (this) {
      case MONTH -> y * 100 + m;
      case QUARTER -> y * 10 + (m - 1) / 3 + 1;
      case FINANCIAL_YEAR -> m < 4 ? y - 1 : y;
      case YEAR -> y;
    };
  }

  /** The label of a key made by {@link #key(LocalDate)}. */
  public String label(int key) {
    return switch (this) {
      case MONTH -> String.format(Locale.ROOT, "%04d-%02d", key / 100, key % 100);
      case QUARTER -> String.format(Locale.ROOT, "%04d-Q%d", key / 10, key % 10);
      case FINANCIAL_YEAR ->
          String.format(Locale.ROOT, "%04d/%02d", key, Math.floorMod(key + 1, 100));
      case YEAR -> String.format(Locale.ROOT, "%04d", key);
    };
  }

  /** Lower-case name as on the command line: month, quarter, financial_year, year. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses month, quarter, financial_year (also fy, financial-year) or year.
   *
   * @throws InputException for anything else
   */
  public static DateUnit parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    return switch (t) {
      case "month" -> MONTH;
      case "quarter" -> QUARTER;
      case "financial_year", "fy" -> FINANCIAL_YEAR;
      case "year" -> YEAR;
      default ->
          throw new InputException(
              "Unknown date grouping '" + text + "': use month, quarter, financial_year or year");
    };
  }
}
