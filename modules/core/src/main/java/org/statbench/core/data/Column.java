package org.statbench.core.data;

/**
 * One variable's values for every record of a dataset, held in primitive arrays. Implementations
 * are effectively immutable once built and safe to read from many threads.
 */
public sealed interface Column permits CategoricalColumn, NumericColumn, DateColumn {
  /** Variable name. */
  String name();

  /** Variable type. */
  VariableType type();

  /** Number of records. */
  int size();

  /** True when record {@code row} has no value. */
  boolean isMissing(int row);

  /** The value of record {@code row} as written in a file, or null when missing. */
  String text(int row);
}
