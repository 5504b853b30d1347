package org.statbench.core.table;

/** Whether a cell is an interior data cell or a margin (total or hierarchy subtotal). */
public enum CellKind {
  DATA,
  TOTAL
}
