package org.statbench.core.data;

import java.time.LocalDate;
import java.util.Objects;

/** A DATE column as days since 1970-01-01; {@link #MISSING} means no value. */
public final class DateColumn implements Column {
  /** Sentinel for a missing date. */
  public static final int MISSING = Integer.MIN_VALUE;

  private final String name;
  private final int[] epochDays;

  /** Wraps the array without copying it: do not change it afterwards. */
  public DateColumn(String name, int[] epochDays) {
    this.name = Objects.requireNonNull(name);
    this.epochDays = Objects.requireNonNull(epochDays);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public VariableType type() {
    return VariableType.DATE;
  }

  @Override
  public int size() {
    return epochDays.length;
  }

  /** Raw epoch days ({@link #MISSING} = no value). Do not modify. */
  public int[] epochDays() {
    return epochDays;
  }

  @Override
  public boolean isMissing(int row) {
    return epochDays[row] == MISSING;
  }

  /** The date of record {@code row}, or null. */
  public LocalDate date(int row) {
    int d = epochDays[row];
    return d == MISSING ? null : LocalDate.ofEpochDay(d);
  }

  @Override
  public String text(int row) {
    LocalDate d = date(row);
    return d == null ? null : d.toString();
  }
}
