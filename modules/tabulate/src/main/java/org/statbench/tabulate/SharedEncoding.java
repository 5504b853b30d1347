package org.statbench.tabulate;

import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;

/**
 * One dimension's encoding shared by every slice of a streamed table: {@link #scan} each slice
 * first (it learns the distinct values of numeric and date columns in first-seen order, and whether
 * any record is missing), then {@link #values} are the whole column's values, exactly as {@link
 * EncodedColumn#of} finds them over the whole column, and {@link #encode} codes each slice against
 * them. Categorical slices already share their column's dictionary.
 */
final class SharedEncoding {
  private final EncodedColumn.LongIntMap map = new EncodedColumn.LongIntMap();
  private boolean missing;
  private Column sample;
  private ValueSet values;

  /** Learns one slice's values (before {@link #values}). */
  void scan(Column slice) {
    sample = slice;
    if (slice instanceof CategoricalColumn c) {
      missing |= EncodedColumn.hasMissing(c);
    } else if (slice instanceof NumericColumn n) {
      for (double d : n.values()) {
        if (d != d) {
          missing = true;
        } else {
          map.codeOf(Double.doubleToLongBits(d + 0.0)); // +0.0 and -0.0 are one value
          if (map.size() > EncodedColumn.MAX_DISTINCT) {
            throw EncodedColumn.tooMany(slice);
          }
        }
      }
    } else {
      for (int d : ((DateColumn) slice).epochDays()) {
        if (d == DateColumn.MISSING) {
          missing = true;
        } else {
          map.codeOf(d);
          if (map.size() > EncodedColumn.MAX_DISTINCT) {
            throw EncodedColumn.tooMany(slice);
          }
        }
      }
    }
  }

  /** The whole column's values (after every slice was scanned). */
  ValueSet values() {
    if (values == null) {
      if (sample instanceof CategoricalColumn c) {
        values = EncodedColumn.categoricalValues(c, missing);
      } else if (sample instanceof NumericColumn n) {
        values = EncodedColumn.numericValues(n.name(), n.type(), map, missing);
      } else {
        values = EncodedColumn.dateValues(sample.name(), map, missing);
      }
    }
    return values;
  }

  /** A slice coded against the whole column's values. */
  EncodedColumn encode(Column slice) {
    ValueSet vs = values();
    if (slice instanceof CategoricalColumn c) {
      return new EncodedColumn(c.byteCodes(), c.intCodes(), vs);
    }
    int[] codes = new int[slice.size()];
    if (slice instanceof NumericColumn n) {
      double[] v = n.values();
      for (int i = 0; i < v.length; i++) {
        codes[i] = v[i] != v[i] ? -1 : map.codeOf(Double.doubleToLongBits(v[i] + 0.0));
      }
    } else {
      int[] d = ((DateColumn) slice).epochDays();
      for (int i = 0; i < d.length; i++) {
        codes[i] = d[i] == DateColumn.MISSING ? -1 : map.codeOf(d[i]);
      }
    }
    return EncodedColumn.pack(codes, vs);
  }
}
