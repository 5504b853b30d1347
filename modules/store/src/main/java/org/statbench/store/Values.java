package org.statbench.store;

/**
 * Parsing of field bytes (ASCII digits, signs, separators) into numbers and dates without creating
 * Strings. Stateless.
 */
final class Values {
  /** Returned by {@link #parseDate} for a value that is not a date. */
  static final int NOT_A_DATE = Integer.MAX_VALUE;

  private static final double[] POW10 = new double[23];
  private static final long MAX_EXACT = 1L << 53;

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private Values() {}

  /** Empty, {@code NA} and {@code .} are missing values. */
  static boolean isMissing(byte[] b, int off, int len) {
    return len == 0
        || (len == 1 && b[off] == '.')
        || (len == 2 && b[off] == 'N' && b[off + 1] == 'A');
  }

  /**
   * Parses a decimal number (optional sign, digits, optional fraction, optional exponent; spaces
   * around it allowed). Returns NaN when it is not a number. A whole part with a leading zero
   * followed by more digits ({@code 007}) is not a number: such values are codes whose zeros
   * matter.
   */
  static double parseNumber(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end && b[i] == ' ') {
      i++;
    }
    while (end > i && b[end - 1] == ' ') {
      end--;
    }
    if (i == end) {
      return Double.NaN;
    }
    int start = i;
    boolean negative = false;
    if (b[i] == '-' || b[i] == '+') {
      negative = b[i] == '-';
      i++;
    }
    if (i + 1 < end && b[i] == '0' && b[i + 1] >= '0' && b[i + 1] <= '9') {
      return Double.NaN; // leading zero: a code such as 007
    }
    long mantissa = 0;
    int digits = 0;
    int scale = 0;
    boolean dot = false;
    for (; i < end; i++) {
      int c = b[i];
      if (c >= '0' && c <= '9') {
        if (mantissa >= MAX_EXACT / 10) {
          return slowNumber(b, start, end);
        }
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (dot) {
          scale++;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else if (c == 'e' || c == 'E') {
        return digits == 0 ? Double.NaN : slowNumber(b, start, end);
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0 || scale >= POW10.length) {
      return digits == 0 ? Double.NaN : slowNumber(b, start, end);
    }
    // Exact mantissa < 2^53 divided by an exact power of ten: one correctly rounded operation.
    double v = scale == 0 ? mantissa : mantissa / POW10[scale];
    return negative ? -v : v;
  }

  private static double slowNumber(byte[] b, int start, int end) {
    for (int i = start; i < end; i++) {
      int c = b[i];
      boolean ok =
          (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+';
      if (!ok) {
        return Double.NaN;
      }
    }
    try {
      double v =
          Double.parseDouble(
              new String(b, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1));
      return Double.isInfinite(v) ? Double.NaN : v;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * Parses {@code yyyy-MM-dd} or {@code dd/MM/yyyy} (spaces around allowed) into days since
   * 1970-01-01, or returns {@link #NOT_A_DATE}.
   */
  static int parseDate(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end && b[i] == ' ') {
      i++;
    }
    while (end > i && b[end - 1] == ' ') {
      end--;
    }
    if (end - i != 10) {
      return NOT_A_DATE;
    }
    int y;
    int m;
    int d;
    if (b[i + 4] == '-' && b[i + 7] == '-') {
      y = digits(b, i, 4);
      m = digits(b, i + 5, 2);
      d = digits(b, i + 8, 2);
    } else if (b[i + 2] == '/' && b[i + 5] == '/') {
      d = digits(b, i, 2);
      m = digits(b, i + 3, 2);
      y = digits(b, i + 6, 4);
    } else {
      return NOT_A_DATE;
    }
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
      return NOT_A_DATE;
    }
    return (int) epochDay(y, m, d);
  }

  private static int digits(byte[] b, int off, int n) {
    int v = 0;
    for (int i = off; i < off + n; i++) {
      int c = b[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  private static int daysInMonth(int y, int m) {
    switch (m) {
      case 2:
        return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  /**
   * The order of codes in a codelist: numbers numerically (and before other codes), other codes
   * alphabetically; ties broken by the text, so that distinct codes never compare equal.
   */
  static final java.util.Comparator<String> CODE_ORDER =
      (a, b) -> {
        double x = number(a);
        double y = number(b);
        boolean nx = !Double.isNaN(x);
        boolean ny = !Double.isNaN(y);
        if (nx && ny) {
          int c = Double.compare(x, y);
          return c != 0 ? c : a.compareTo(b);
        }
        if (nx != ny) {
          return nx ? -1 : 1;
        }
        return a.compareTo(b);
      };

  private static double number(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    return parseNumber(b, 0, b.length);
  }
}
