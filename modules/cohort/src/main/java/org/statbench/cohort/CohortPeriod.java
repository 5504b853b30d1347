package org.statbench.cohort;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import org.statbench.core.InputException;

/**
 * The calendar period that groups entries into cohorts, with its label format.
 *
 * <ul>
 *   <li>{@link #WEEK}: ISO weeks starting on Monday, labelled {@code YYYY-Www} (ISO week-based
 *       year, e.g. {@code 2011-W05}).
 *   <li>{@link #MONTH}: calendar months, labelled {@code YYYY-MM}.
 *   <li>{@link #QUARTER}: calendar quarters, labelled {@code YYYY-Qn}.
 *   <li>{@link #FINANCIAL_YEAR}: UK financial years 1 April to 31 March, labelled {@code FYYYYY-YY}
 *       (e.g. {@code FY2011-12} runs from 2011-04-01 to 2012-03-31).
 * </ul>
 *
 * Periods are numbered by a period index that increases by one from one period to the next.
 */
public enum CohortPeriod {
  WEEK,
  MONTH,
  QUARTER,
  FINANCIAL_YEAR;

  /** The period index of an epoch day. */
  int index(int epochDay) {
    return switch (this) {
      case WEEK -> Math.floorDiv(epochDay - Calendar.FIRST_MONDAY, 7);
      case MONTH -> Calendar.monthIndex(epochDay);
      case QUARTER -> Math.floorDiv(Calendar.monthIndex(epochDay), 3);
      case FINANCIAL_YEAR -> Math.floorDiv(Calendar.monthIndex(epochDay) - 3, 12);
    };
  }

  /** Epoch day of the first day of a period. */
  int firstDay(int index) {
    return switch (this) {
      case WEEK -> Calendar.FIRST_MONDAY + 7 * index;
      case MONTH -> Calendar.firstDayOfMonth(index);
      case QUARTER -> Calendar.firstDayOfMonth(index * 3);
      case FINANCIAL_YEAR -> Calendar.firstDayOfMonth(index * 12 + 3);
    };
  }

  /** Epoch day of the last day of a period. */
  int lastDay(int index) {
    return firstDay(index + 1) - 1;
  }

  /** The label of a period, e.g. {@code 2011-06}, {@code 2011-Q2}, {@code 2011-W05}. */
  String label(int index) {
    LocalDate first = LocalDate.ofEpochDay(firstDay(index));
    return switch (this) {
      case WEEK ->
          String.format(
              Locale.ROOT,
              "%04d-W%02d",
              first.get(IsoFields.WEEK_BASED_YEAR),
              first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> String.format(Locale.ROOT, "%04d-%02d", first.getYear(), first.getMonthValue());
      case QUARTER ->
          String.format(
              Locale.ROOT, "%04d-Q%d", first.getYear(), (first.getMonthValue() - 1) / 3 + 1);
      case FINANCIAL_YEAR ->
          String.format(
              Locale.ROOT, "FY%04d-%02d", first.getYear(), Math.floorMod(first.getYear() + 1, 100));
    };
  }

  /** Lower-case key used on the command line and in saved definitions ({@code financial-year}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses {@code week}, {@code month}, {@code quarter} or {@code financial-year}
   * (case-insensitive, {@code _} accepted for {@code -}).
   *
   * @throws InputException naming the accepted words
   */
  public static CohortPeriod parse(String text) {
    for (CohortPeriod p : values()) {
      if (p.key().equalsIgnoreCase(text.trim().replace('_', '-'))) {
        return p;
      }
    }
    throw new InputException(
        "Unknown cohort period '" + text + "': use week, month, quarter or financial-year");
  }
}
