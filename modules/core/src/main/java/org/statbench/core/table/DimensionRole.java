package org.statbench.core.table;

/** Where a dimension is laid out. */
public enum DimensionRole {
  ROW,
  COLUMN,
  WAFER
}
