package org.statbench.disclosure;

import org.statbench.core.InputException;

/**
 * How wide the audit interval of a cell failing the frequency rule must be.
 *
 * @param mode absolute width or a percentage of the cell's value
 * @param value the width (ABSOLUTE) or the percentage (PERCENT); positive
 */
public record SecondaryProtection(Mode mode, double value) {
  public SecondaryProtection {
    if (mode == null) {
      throw new InputException("protection.mode must be absolute or percent");
    }
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new InputException(
          "protection.value must be a positive number, got " + DisclosurePolicy.num(value));
    }
  }

  /** An absolute width. */
  public static SecondaryProtection absolute(double width) {
    return new SecondaryProtection(Mode.ABSOLUTE, width);
  }

  /** The width required for a cell of this (true) value. */
  public double requiredWidth(double cellValue) {
    return mode == Mode.ABSOLUTE ? value : Math.abs(cellValue) * value / 100.0;
  }

  /** Absolute width or percentage of the cell value. */
  public enum Mode {
    ABSOLUTE,
    PERCENT
  }
}
