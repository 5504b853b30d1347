package org.statbench.core.data;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An INTEGER or DECIMAL column as {@code double[]}; {@code NaN} means missing. Integers are exact
 * up to 2^53.
 */
public final class NumericColumn implements Column {
  private final String name;
  private final VariableType type;
  private final double[] values;

  /** Wraps the array without copying it: do not change it afterwards. */
  public NumericColumn(String name, VariableType type, double[] values) {
    if (!type.isNumeric()) {
      throw new IllegalArgumentException("not a numeric type: " + type);
    }
    this.name = Objects.requireNonNull(name);
    this.type = type;
    this.values = Objects.requireNonNull(values);
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
    return values.length;
  }

  /** Raw values (NaN = missing). Do not modify. */
  public double[] values() {
    return values;
  }

  /**
   * The values with a missing one as 0 (weights, where a record without one counts for nothing):
   * the column's own array, read only, when none is missing, else a copy, so that a clean column is
   * not held twice.
   */
  public double[] valuesMissingAsZero() {
    double[] w = values;
    for (int i = 0; i < values.length; i++) {
      if (values[i] != values[i]) {
        w = w == values ? values.clone() : w; // the column's array is not ours to change
        w[i] = 0;
      }
    }
    return w;
  }

  public double value(int row) {
    return values[row];
  }

  @Override
  public boolean isMissing(int row) {
    return Double.isNaN(values[row]);
  }

  @Override
  public String text(int row) {
    double v = values[row];
    return Double.isNaN(v) ? null : formatNumber(v);
  }

  /**
   * Formats a number as StatBench writes numbers everywhere: integers without a decimal point,
   * other values unrounded with '.' and no exponent.
   */
  public static String formatNumber(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).toPlainString();
  }
}
