package org.statbench.core.spec;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.statbench.core.InputException;

/**
 * Keeps records whose date lies in {@code from..to} (both inclusive; null for an open end). Missing
 * dates are dropped.
 *
 * @param variable a date variable
 * @param from first date kept, or null
 * @param to last date kept, or null
 */
public record DateRangeFilter(String variable, LocalDate from, LocalDate to) implements Filter {
  public DateRangeFilter {
    Objects.requireNonNull(variable, "variable");
    if (from != null && to != null && from.isAfter(to)) {
      throw new InputException("Date range on '" + variable + "' ends before it starts");
    }
  }

  /** True when the date (days since 1970-01-01) is kept. */
  public boolean test(long epochDay) {
    return (from == null || epochDay >= from.toEpochDay())
        && (to == null || epochDay <= to.toEpochDay());
  }

  /**
   * Parses {@code V=YYYY-MM-DD..YYYY-MM-DD} (either end may be empty).
   *
   * @throws InputException when the text is not in that form
   */
  public static DateRangeFilter parse(String text) {
    int eq = text.indexOf('=');
    int dots = text.indexOf("..", eq + 1);
    if (eq <= 0 || dots < 0) {
      throw new InputException("Date range '" + text + "' is not V=YYYY-MM-DD..YYYY-MM-DD");
    }
    try {
      String a = text.substring(eq + 1, dots).trim();
      String b = text.substring(dots + 2).trim();
      return new DateRangeFilter(
          text.substring(0, eq).trim(),
          a.isEmpty() ? null : LocalDate.parse(a),
          b.isEmpty() ? null : LocalDate.parse(b));
    } catch (DateTimeParseException e) {
      throw new InputException("Date range '" + text + "': " + e.getMessage());
    }
  }
}
