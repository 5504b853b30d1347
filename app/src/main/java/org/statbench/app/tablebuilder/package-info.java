/**
 * The Table tab: fields dragged onto rows, columns, wafers and filters, a measure and a percentage,
 * the live grid with nested headers, sorting, bands, code groups and roll-ups, saved and recent
 * definitions. {@link org.statbench.app.tablebuilder.TableBuilderView} (with {@code DropZoneView},
 * {@code TableGridView} and the chip menus) builds nodes and binds; {@link
 * org.statbench.app.tablebuilder.TableBuilderViewModel} holds the state and recomputes through the
 * task runner (latest run wins); plain classes without JavaFX hold the logic: {@code SpecEditor}
 * (the definition with undo and redo), {@code GridLayout} (the grid's cells and spans) and {@code
 * SortCycle}.
 */
package org.statbench.app.tablebuilder;
