package org.statbench.core.spec;

import java.util.Objects;
import org.statbench.core.InputException;

/**
 * One dimension of a table: a variable, an optional derivation of its categories, and whether the
 * dimension gets a {@code Total} margin.
 *
 * @param variable the variable name (also the long CSV column header)
 * @param derivation bands, code groups, date grouping or roll-up; null to use the values as they
 *     are
 * @param total whether a total margin is computed (default true)
 */
public record DimensionSpec(String variable, Derivation derivation, boolean total) {
  public DimensionSpec {
    Objects.requireNonNull(variable, "variable");
    if (variable.isBlank()) {
      throw new InputException("A dimension needs a variable name");
    }
  }

  /** A plain dimension with totals. */
  public static DimensionSpec of(String variable) {
    return new DimensionSpec(variable, null, true);
  }

  /** A derived dimension with totals. */
  public static DimensionSpec of(String variable, Derivation derivation) {
    return new DimensionSpec(variable, derivation, true);
  }

  /** A copy with another derivation (null removes it). */
  public DimensionSpec withDerivation(Derivation d) {
    return new DimensionSpec(variable, d, total);
  }

  /** A copy with totals switched on or off. */
  public DimensionSpec withTotal(boolean on) {
    return new DimensionSpec(variable, derivation, on);
  }
}
