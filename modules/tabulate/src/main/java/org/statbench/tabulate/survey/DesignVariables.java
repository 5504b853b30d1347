package org.statbench.tabulate.survey;

import java.util.HashMap;
import java.util.Map;
import org.statbench.core.InputException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.table.Category;

/**
 * A survey design's variables read from a dataset's columns (in memory or a slice of them):
 * weights, codes of strata and PSUs, their labels for messages, each error naming the variable and
 * the record.
 */
final class DesignVariables {
  private DesignVariables() {}

  /**
   * A weight variable's values, a missing one as 0: the column's own array (read only; not copied,
   * so many replicate weights are not held twice) when none is missing.
   *
   * @throws InputException naming the variable and record when a weight is negative
   */
  static double[] weights(String variable, DatasetColumns data) {
    return weights(variable, data, 0);
  }

  /** As above over a slice whose first record is record {@code first} (0-based) of the dataset. */
  static double[] weights(String variable, DatasetColumns data, long first) {
    Column col = data.column(variable);
    if (!(col instanceof NumericColumn n)) {
      throw new InputException(
          "Weight needs a numeric variable: '" + variable + "' is " + col.type().key());
    }
    double[] v = n.values();
    for (int i = 0; i < v.length; i++) {
      if (v[i] < 0) {
        throw new InputException(
            "The weight '" + variable + "' is negative on record " + (first + i + 1));
      }
    }
    return n.valuesMissingAsZero();
  }

  /** Per record a code 0..k-1 of the variable's value; a missing value is an error. */
  static int[] codes(String variable, DatasetColumns data) {
    return codes(variable, data, new HashMap<>(), 0);
  }

  /**
   * As above over a slice starting at record {@code first}, numbering values in {@code ids} (kept
   * across slices, so codes are the first-seen order over the whole column).
   */
  static int[] codes(String variable, DatasetColumns data, Map<Object, Integer> ids, long first) {
    Column col = data.column(variable);
    int n = data.rows();
    int[] out = new int[n];
    if (col instanceof CategoricalColumn c) {
      for (int i = 0; i < n; i++) {
        out[i] = c.code(i);
        if (out[i] < 0) {
          throw missing(variable, first + i);
        }
      }
    } else if (col instanceof NumericColumn c) {
      double[] v = c.values();
      for (int i = 0; i < n; i++) {
        if (v[i] != v[i]) {
          throw missing(variable, first + i);
        }
        out[i] = ids.computeIfAbsent(v[i], k -> ids.size());
      }
    } else {
      int[] days = ((DateColumn) col).epochDays();
      for (int i = 0; i < n; i++) {
        if (days[i] == DateColumn.MISSING) {
          throw missing(variable, first + i);
        }
        out[i] = ids.computeIfAbsent(days[i], k -> ids.size());
      }
    }
    return out;
  }

  /** Labels of the codes of {@link #codes}, for messages. */
  static String[] labels(String variable, DatasetColumns data) {
    Column col = data.column(variable);
    int n = data.rows();
    if (col instanceof CategoricalColumn c) {
      return c.dictionary().toArray(String[]::new);
    }
    Map<String, Integer> seen = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String s =
          col instanceof NumericColumn nc
              ? NumericColumn.formatNumber(nc.values()[i])
              : java.time.LocalDate.ofEpochDay(((DateColumn) col).epochDays()[i]).toString();
      seen.putIfAbsent(s, seen.size());
    }
    return seen.keySet().toArray(String[]::new);
  }

  static InputException missing(String variable, long i) {
    return new InputException(
        "The design variable '"
            + variable
            + "' is "
            + Category.MISSING.toLowerCase()
            + " on record "
            + (i + 1));
  }
}
