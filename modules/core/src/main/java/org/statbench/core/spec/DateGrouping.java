package org.statbench.core.spec;

import java.util.Objects;

/**
 * Groups a date variable into calendar periods.
 *
 * @param unit the period
 */
public record DateGrouping(DateUnit unit) implements Derivation {
  public DateGrouping {
    Objects.requireNonNull(unit, "unit");
  }
}
