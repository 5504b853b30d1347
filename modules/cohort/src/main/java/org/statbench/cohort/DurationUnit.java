package org.statbench.cohort;

import java.util.Locale;
import org.statbench.core.InputException;

/**
 * The unit in which the time from entry to event is counted.
 *
 * <ul>
 *   <li>{@link #MONTHS}: calendar months, {@code (event year*12 + event month) - (entry year*12 +
 *       entry month)}; an event in the entry month has duration 0. Duration {@code d} of an entry
 *       in month {@code m} is complete at the end of the last day of calendar month {@code m + d}.
 *   <li>{@link #WEEKS}: whole weeks since entry, {@code floor((event - entry) / 7)} in days;
 *       duration {@code d} is complete at day {@code entry + 7d + 6}.
 *   <li>{@link #DAYS}: days since entry, {@code event - entry}; complete at day {@code entry + d}.
 * </ul>
 */
public enum DurationUnit {
  DAYS,
  WEEKS,
  MONTHS;

  /** Duration from an entry day to a later (or equal) day. */
  int between(int entryDay, int day) {
    return switch (this) {
      case DAYS -> day - entryDay;
      case WEEKS -> Math.floorDiv(day - entryDay, 7);
      case MONTHS -> Calendar.monthIndex(day) - Calendar.monthIndex(entryDay);
    };
  }

  /**
   * The largest duration that is complete on {@code asOf} for an entry on {@code entryDay}, i.e.
   * the largest {@code d} whose last day is on or before {@code asOf}; negative when not even
   * duration 0 is complete.
   */
  int lastComplete(int entryDay, int asOf) {
    return switch (this) {
      case DAYS -> asOf - entryDay;
      case WEEKS -> Math.floorDiv(asOf - entryDay - 6, 7);
      case MONTHS -> {
        int asOfMonth = Calendar.monthIndex(asOf);
        boolean monthEnd = Calendar.lastDayOfMonth(asOfMonth) == asOf;
        yield asOfMonth - Calendar.monthIndex(entryDay) - (monthEnd ? 0 : 1);
      }
    };
  }

  /** Lower-case key ({@code days}, {@code weeks}, {@code months}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code days}, {@code weeks} or {@code months} (singular accepted, case-insensitive).
   *
   * @throws InputException naming the accepted words
   */
  public static DurationUnit parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (DurationUnit u : values()) {
      if (u.key().equals(t) || u.key().equals(t + "s")) {
        return u;
      }
    }
    throw new InputException("Unknown duration unit '" + text + "': use days, weeks or months");
  }
}
