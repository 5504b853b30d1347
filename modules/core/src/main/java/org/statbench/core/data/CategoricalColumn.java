package org.statbench.core.data;

import java.util.List;
import java.util.Objects;

/**
 * A dictionary-encoded column (CATEGORICAL or TEXT). Record {@code i} has the dictionary entry
 * {@code code(i)}, or no value when {@code code(i) == MISSING}.
 *
 * <p>Storage is {@code byte[]} when the dictionary has at most {@link #MAX_BYTE_CODES} entries (the
 * byte {@code 0xFF} then means missing) and {@code int[]} otherwise ({@code -1} means missing).
 * Kernels should read {@link #byteCodes()} or {@link #intCodes()} directly in their loops.
 */
public final class CategoricalColumn implements Column {
  /** Code returned by {@link #code(int)} for a missing value. */
  public static final int MISSING = -1;

  /** The largest dictionary stored as bytes; byte 0xFF is reserved for missing. */
  public static final int MAX_BYTE_CODES = 255;

  private final String name;
  private final VariableType type;
  private final List<String> dictionary;
  private final byte[] byteCodes;
  private final int[] intCodes;

  private CategoricalColumn(
      String name, VariableType type, List<String> dictionary, byte[] byteCodes, int[] intCodes) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.dictionary = List.copyOf(dictionary);
    this.byteCodes = byteCodes;
    this.intCodes = intCodes;
  }

  /**
   * Builds a column from int codes ({@code -1} = missing), choosing byte storage when the
   * dictionary is small. The array is not copied when int storage is chosen: do not change it.
   */
  public static CategoricalColumn of(
      String name, VariableType type, List<String> dictionary, int[] codes) {
    if (dictionary.size() <= MAX_BYTE_CODES) {
      byte[] b = new byte[codes.length];
      for (int i = 0; i < codes.length; i++) {
        b[i] = (byte) codes[i]; // -1 becomes 0xFF
      }
      return new CategoricalColumn(name, type, dictionary, b, null);
    }
    return new CategoricalColumn(name, type, dictionary, null, codes);
  }

  /** Wraps byte codes (0xFF = missing); the dictionary must have at most 255 entries. */
  public static CategoricalColumn ofBytes(
      String name, VariableType type, List<String> dictionary, byte[] codes) {
    if (dictionary.size() > MAX_BYTE_CODES) {
      throw new IllegalArgumentException("dictionary too large for byte codes: " + name);
    }
    return new CategoricalColumn(name, type, dictionary, codes, null);
  }

  /** Wraps int codes (-1 = missing) without converting them to bytes. */
  public static CategoricalColumn ofInts(
      String name, VariableType type, List<String> dictionary, int[] codes) {
    return new CategoricalColumn(name, type, dictionary, null, codes);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public VariableType type() {
    return type;
  }

  @Override
  public int size() {
    return byteCodes != null ? byteCodes.length : intCodes.length;
  }

  /** Dictionary entries; index = code. */
  public List<String> dictionary() {
    return dictionary;
  }

  /** The code of record {@code row}, or {@link #MISSING}. */
  public int code(int row) {
    if (byteCodes != null) {
      int c = byteCodes[row] & 0xFF;
      return c == 0xFF ? MISSING : c;
    }
    return intCodes[row];
  }

  /** True when codes are stored as bytes; then {@link #byteCodes()} is non-null. */
  public boolean isByteEncoded() {
    return byteCodes != null;
  }

  /** The raw byte codes (0xFF = missing), or null when int-encoded. Do not modify. */
  public byte[] byteCodes() {
    return byteCodes;
  }

  /** The raw int codes (-1 = missing), or null when byte-encoded. Do not modify. */
  public int[] intCodes() {
    return intCodes;
  }

  @Override
  public boolean isMissing(int row) {
    return code(row) == MISSING;
  }

  @Override
  public String text(int row) {
    int c = code(row);
    return c == MISSING ? null : dictionary.get(c);
  }
}
