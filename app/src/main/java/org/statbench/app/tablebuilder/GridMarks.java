package org.statbench.app.tablebuilder;

import java.util.List;
import org.controlsfx.control.spreadsheet.SpreadsheetCell;
import org.controlsfx.control.spreadsheet.SpreadsheetCellBase;
import org.controlsfx.control.spreadsheet.SpreadsheetCellType;

/**
 * Draws the Disclosure panel's marks on grid cells: the mark's style classes (colours come from the
 * theme's stylesheet), and withheld cells as the release shows them, {@code x}, with the kind of
 * suppression on hover.
 */
final class GridMarks {
  /** What a release shows in place of a withheld value (the checked copy writes the same). */
  static final String WITHHELD_TEXT = "x";

  private GridMarks() {}

  /**
   * The cell to show for a value cell with a mark (space-separated style classes, e.g. {@code
   * cell-withheld cell-secondary}).
   */
  static SpreadsheetCell apply(SpreadsheetCell cell, String mark) {
    List<String> classes = List.of(mark.split(" "));
    SpreadsheetCell out = cell;
    if (classes.contains("cell-withheld")) {
      out =
          SpreadsheetCellType.STRING.createCell(
              cell.getRow(), cell.getColumn(), 1, 1, WITHHELD_TEXT);
      out.setEditable(false);
      out.getStyleClass().addAll(cell.getStyleClass());
      ((SpreadsheetCellBase) out)
          .setTooltip(
              classes.contains("cell-primary")
                  ? "Withheld: primary suppression (this cell fails a rule)"
                  : classes.contains("cell-secondary")
                      ? "Withheld: secondary suppression (protects another withheld cell)"
                      : "Withheld");
    } else if (classes.contains("cell-failing")) {
      ((SpreadsheetCellBase) out).setTooltip("Fails a disclosure rule: " + cell.getText());
    }
    out.getStyleClass().removeIf(c -> c.startsWith("heat"));
    out.getStyleClass().addAll(classes);
    out.setStyle(""); // the mark's colours win over the heat map's inline shade
    return out;
  }
}
