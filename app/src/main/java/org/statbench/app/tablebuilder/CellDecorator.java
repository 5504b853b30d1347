package org.statbench.app.tablebuilder;

/**
 * What another feature adds to the grid's value cells (the survey display: the Show selector's
 * statistic, quality flags and their reasons). Called on the FX thread while the grid is drawn.
 */
public interface CellDecorator {
  /** The text of the value cell at {@code index} of the layout's table, given the grid's own. */
  String text(GridLayout layout, int index, String shown);

  /** An extra style class for the cell, or null. */
  String styleClass(GridLayout layout, int index);

  /** The cell's tooltip, or null. */
  String tooltip(GridLayout layout, int index);
}
