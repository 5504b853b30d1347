package org.statbench.core.data;

/** Whether a dataset is an extract to analyse or a lookup used by joins. */
public enum DatasetKind {
  EXTRACT,
  LOOKUP
}
