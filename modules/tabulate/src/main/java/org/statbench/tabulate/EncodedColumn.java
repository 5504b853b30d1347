package org.statbench.tabulate;

import java.time.LocalDate;
import java.util.Arrays;
import org.statbench.core.InputException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;

/**
 * A column as dictionary codes plus its distinct values: categorical columns as they are, numeric
 * and date columns encoded once (and cached by the {@link Tabulator}). Kernels read {@link #bytes}
 * or {@link #ints} through slot maps: for byte codes the slot is {@code code & 0xFF} (255 =
 * missing), for int codes it is {@code code + 1} (0 = missing).
 */
final class EncodedColumn {
  /** Most distinct values a numeric or date column may have to be used as categories. */
  static final int MAX_DISTINCT = 100_000;

  final byte[] bytes;
  final int[] ints;
  final ValueSet values;

  EncodedColumn(byte[] bytes, int[] ints, ValueSet values) {
    this.bytes = bytes;
    this.ints = ints;
    this.values = values;
  }

  int size() {
    return bytes != null ? bytes.length : ints.length;
  }

  /** Number of slots of a slot map. */
  int slots() {
    return bytes != null ? 256 : values.size() + 1;
  }

  int missingSlot() {
    return bytes != null ? 255 : 0;
  }

  int slotOfCode(int code) {
    return bytes != null ? code : code + 1;
  }

  /** The code of record {@code row}, or -1 when missing. */
  int code(int row) {
    if (bytes != null) {
      int c = bytes[row] & 0xFF;
      return c == 255 ? -1 : c;
    }
    return ints[row];
  }

  /**
   * A slot map: per slot {@code valueOfCode[code]}, and {@code missingValue} for the missing slot
   * (and unused byte slots).
   */
  int[] slotMap(int[] valueOfCode, int missingValue) {
    int[] m = new int[slots()];
    Arrays.fill(m, missingValue);
    for (int c = 0; c < valueOfCode.length; c++) {
      m[slotOfCode(c)] = valueOfCode[c];
    }
    return m;
  }

  /**
   * Encodes a column.
   *
   * @throws InputException when a numeric or date column has more than {@link #MAX_DISTINCT}
   *     distinct values (it must be banded or grouped first)
   */
  static EncodedColumn of(Column column) {
    if (column instanceof CategoricalColumn c) {
      return categorical(c);
    }
    if (column instanceof NumericColumn n) {
      return numeric(n);
    }
    return date((DateColumn) column);
  }

  private static EncodedColumn categorical(CategoricalColumn c) {
    return new EncodedColumn(c.byteCodes(), c.intCodes(), categoricalValues(c, hasMissing(c)));
  }

  /** The values of a categorical column: its dictionary. */
  static ValueSet categoricalValues(CategoricalColumn c, boolean missing) {
    String[] labels = c.dictionary().toArray(String[]::new);
    return new ValueSet(c.name(), c.type(), labels, ValueSet.parseNumbers(labels), null, missing);
  }

  static boolean hasMissing(CategoricalColumn c) {
    return c.isByteEncoded() ? hasByte(c.byteCodes(), (byte) 0xFF) : hasInt(c.intCodes());
  }

  private static boolean hasByte(byte[] a, byte b) {
    for (byte x : a) {
      if (x == b) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasInt(int[] a) {
    for (int x : a) {
      if (x < 0) {
        return true;
      }
    }
    return false;
  }

  private static EncodedColumn numeric(NumericColumn col) {
    double[] v = col.values();
    LongIntMap map = new LongIntMap();
    int[] codes = new int[v.length];
    boolean missing = false;
    for (int i = 0; i < v.length; i++) {
      double d = v[i];
      if (d != d) {
        codes[i] = -1;
        missing = true;
      } else {
        // +0.0 and -0.0 are one value
        codes[i] = map.codeOf(Double.doubleToLongBits(d + 0.0));
        if (map.size() > MAX_DISTINCT) {
          throw tooMany(col);
        }
      }
    }
    return pack(codes, numericValues(col.name(), col.type(), map, missing));
  }

  /** The values of a numeric column whose distinct values (as double bits) {@code map} coded. */
  static ValueSet numericValues(String name, VariableType type, LongIntMap map, boolean missing) {
    double[] numbers = new double[map.size()];
    String[] labels = new String[map.size()];
    long[] keys = map.keysInCodeOrder();
    for (int c = 0; c < numbers.length; c++) {
      numbers[c] = Double.longBitsToDouble(keys[c]);
      labels[c] = NumericColumn.formatNumber(numbers[c]);
    }
    return new ValueSet(name, type, labels, numbers, null, missing);
  }

  private static EncodedColumn date(DateColumn col) {
    int[] v = col.epochDays();
    LongIntMap map = new LongIntMap();
    int[] codes = new int[v.length];
    boolean missing = false;
    for (int i = 0; i < v.length; i++) {
      if (v[i] == DateColumn.MISSING) {
        codes[i] = -1;
        missing = true;
      } else {
        codes[i] = map.codeOf(v[i]);
        if (map.size() > MAX_DISTINCT) {
          throw tooMany(col);
        }
      }
    }
    return pack(codes, dateValues(col.name(), map, missing));
  }

  /** The values of a date column whose distinct epoch days {@code map} coded. */
  static ValueSet dateValues(String name, LongIntMap map, boolean missing) {
    long[] keys = map.keysInCodeOrder();
    int[] days = new int[keys.length];
    String[] labels = new String[keys.length];
    double[] numbers = new double[keys.length];
    for (int c = 0; c < keys.length; c++) {
      days[c] = (int) keys[c];
      labels[c] = LocalDate.ofEpochDay(days[c]).toString();
      numbers[c] = Double.NaN;
    }
    return new ValueSet(name, VariableType.DATE, labels, numbers, days, missing);
  }

  static EncodedColumn pack(int[] codes, ValueSet vs) {
    if (vs.size() <= CategoricalColumn.MAX_BYTE_CODES) {
      byte[] b = new byte[codes.length];
      for (int i = 0; i < codes.length; i++) {
        b[i] = (byte) codes[i];
      }
      return new EncodedColumn(b, null, vs);
    }
    return new EncodedColumn(null, codes, vs);
  }

  static InputException tooMany(Column col) {
    return new InputException(
        "Variable '"
            + col.name()
            + "' has more than "
            + MAX_DISTINCT
            + " distinct values: band or group it to use it as a dimension");
  }

  /** Open-addressing map from long keys to dense codes in first-seen order. */
  static final class LongIntMap {
    private long[] keys = new long[64];
    private int[] vals = new int[64];
    private boolean[] used = new boolean[64];
    private long[] order = new long[16];
    private int size;
    private long lastKey;
    private int lastCode = -1;

    int size() {
      return size;
    }

    int codeOf(long key) {
      if (lastCode >= 0 && key == lastKey) {
        return lastCode;
      }
      int mask = keys.length - 1;
      int h = mix(key) & mask;
      while (used[h]) {
        if (keys[h] == key) {
          lastKey = key;
          lastCode = vals[h];
          return lastCode;
        }
        h = (h + 1) & mask;
      }
      used[h] = true;
      keys[h] = key;
      vals[h] = size;
      if (size == order.length) {
        order = Arrays.copyOf(order, size * 2);
      }
      order[size] = key;
      int code = size++;
      if (size * 2 > keys.length) {
        grow();
      }
      lastKey = key;
      lastCode = code;
      return code;
    }

    long[] keysInCodeOrder() {
      return Arrays.copyOf(order, size);
    }

    private static int mix(long k) {
      long h = k * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }

    private void grow() {
      long[] ok = keys;
      int[] ov = vals;
      boolean[] ou = used;
      keys = new long[ok.length * 2];
      vals = new int[ok.length * 2];
      used = new boolean[ok.length * 2];
      int mask = keys.length - 1;
      for (int i = 0; i < ok.length; i++) {
        if (ou[i]) {
          int h = mix(ok[i]) & mask;
          while (used[h]) {
            h = (h + 1) & mask;
          }
          used[h] = true;
          keys[h] = ok[i];
          vals[h] = ov[i];
        }
      }
    }
  }
}
