/**
 * The cross-tabulation engine. {@link org.statbench.tabulate.Tabulator} turns a {@link
 * org.statbench.core.spec.TableSpec} into a {@link org.statbench.core.table.Table} with a columnar
 * kernel: one pass over dictionary codes maps each record to a leaf cell through per-dimension code
 * maps (bands, groups and date periods become code maps computed once per distinct value), margins
 * are then derived by summing along each dimension, and order statistics come from values grouped
 * per cell by a counting sort. When the columns a table needs do not fit in the free heap, {@code
 * StreamedTabulation} runs the same kernel over one chunk of records at a time, adding into one set
 * of cells. The package {@code sql} answers the same spec by SQL push-down.
 */
package org.statbench.tabulate;
