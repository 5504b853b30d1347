package org.statbench.tabulate;

import org.statbench.core.spec.TableSpec;

/**
 * A saved table definition as the table builder keeps it: what to tabulate and how the grid shows
 * it. See {@link TableSpecJson#readSaved(java.nio.file.Path)}.
 *
 * @param spec what to tabulate
 * @param view how the grid shows it ({@link TableView#DEFAULT} when the file has no view)
 */
public record SavedTable(TableSpec spec, TableView view) {
  public SavedTable {
    java.util.Objects.requireNonNull(spec, "spec");
    view = view == null ? TableView.DEFAULT : view;
  }
}
