package org.statbench.cohort;

/**
 * Branch-light calendar arithmetic on epoch days, so that the kernel never builds a {@code
 * LocalDate} per record. Month indexes are {@code year * 12 + (month - 1)}.
 */
final class Calendar {
  /** Epoch day of Monday 1970-01-05, the first Monday after the epoch. */
  static final int FIRST_MONDAY = 4;

  private Calendar() {}

  /** {@code year * 12 + (month - 1)} of an epoch day (proleptic Gregorian, like LocalDate). */
  static int monthIndex(int epochDay) {
    // Howard Hinnant's civil_from_days, in int arithmetic.
    int z = epochDay + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) {
      y++;
    }
    return y * 12 + m - 1;
  }

  /** Epoch day of the first day of a month index. */
  static int firstDayOfMonth(int monthIndex) {
    int y = Math.floorDiv(monthIndex, 12);
    int m = Math.floorMod(monthIndex, 12) + 1;
    // days_from_civil
    y -= m <= 2 ? 1 : 0;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  /** Epoch day of the last day of a month index. */
  static int lastDayOfMonth(int monthIndex) {
    return firstDayOfMonth(monthIndex + 1) - 1;
  }
}
