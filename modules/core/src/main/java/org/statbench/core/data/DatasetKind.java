package org.statbench.core.data;

/**
 * Whether a dataset is an extract to analyse, a lookup used by joins, or a database source (its
 * records stay in a database and every table is computed there).
 */
public enum DatasetKind {
  EXTRACT,
  LOOKUP,
  SOURCE
}
