package org.statbench.tabulate;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.statbench.core.InputException;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.table.Category;

/**
 * The table filters ({@link CodeFilter}, {@link RangeFilter}, {@link DateRangeFilter}) evaluated
 * record by record with exactly the {@link Tabulator}'s semantics, for engines that select records
 * as tables do but count something else (cohort tracking). Codes are compared as the tabulator
 * writes them (category code, integer without decimals, ISO date, {@code Missing}); ranges drop
 * missing values; filters combine with AND. Stateless and thread-safe.
 */
public final class RecordFilters {
  private RecordFilters() {}

  /**
   * The records every filter keeps.
   *
   * @param data columns holding at least every filter's variable
   * @param filters the filters (AND); may be empty
   * @return per record whether it is kept, or null when {@code filters} is empty (all kept)
   * @throws InputException when a range filter names a non-numeric variable or a date range a
   *     non-date variable, naming the variable
   */
  public static boolean[] keep(DatasetColumns data, List<Filter> filters) {
    if (filters.isEmpty()) {
      return null;
    }
    boolean[] keep = new boolean[data.rows()];
    Arrays.fill(keep, true);
    for (Filter f : filters) {
      Column col = data.column(f.variable());
      if (f instanceof CodeFilter cf) {
        applyCodes(keep, EncodedColumn.of(col), cf);
      } else if (f instanceof RangeFilter rf) {
        double[] v = numbers(f, col);
        for (int i = 0; i < keep.length; i++) {
          // NaN (missing) fails both comparisons
          keep[i] &= rf.test(v[i]);
        }
      } else if (f instanceof DateRangeFilter df) {
        int[] d = days(f, col);
        int lo = firstDay(df);
        int hi = lastDay(df);
        for (int i = 0; i < keep.length; i++) {
          int day = d[i];
          keep[i] &= day != DateColumn.MISSING && day >= lo && day <= hi;
        }
      }
    }
    return keep;
  }

  /** The values a range filter tests; names the variable when it is not numeric. */
  static double[] numbers(Filter f, Column col) {
    if (!(col instanceof NumericColumn n)) {
      throw new InputException(
          "Range filter needs a numeric variable: '" + f.variable() + "' is " + col.type().key());
    }
    return n.values();
  }

  /** The epoch days a date range filter tests; names the variable when it is not a date. */
  static int[] days(Filter f, Column col) {
    if (!(col instanceof DateColumn dc)) {
      throw new InputException(
          "Date range filter needs a date variable: '" + f.variable() + "' is " + col.type().key());
    }
    return dc.epochDays();
  }

  /** First epoch day a date range keeps (above the missing marker when open). */
  static int firstDay(DateRangeFilter df) {
    return df.from() == null ? Integer.MIN_VALUE + 1 : (int) df.from().toEpochDay();
  }

  /** Last epoch day a date range keeps. */
  static int lastDay(DateRangeFilter df) {
    return df.to() == null ? Integer.MAX_VALUE : (int) df.to().toEpochDay();
  }

  private static void applyCodes(boolean[] keep, EncodedColumn enc, CodeFilter cf) {
    Set<String> codes = new HashSet<>(cf.codes());
    String[] labels = enc.values.labels();
    boolean[] listed = new boolean[labels.length];
    for (int c = 0; c < labels.length; c++) {
      listed[c] = codes.contains(labels[c]);
    }
    boolean missingListed = codes.contains(Category.MISSING);
    boolean exclude = cf.exclude();
    for (int i = 0; i < keep.length; i++) {
      int c = enc.code(i);
      boolean in = c < 0 ? missingListed : listed[c];
      keep[i] &= in != exclude;
    }
  }
}
