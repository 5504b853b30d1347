package org.statbench.app.tablebuilder;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.controlsfx.control.spreadsheet.GridBase;
import org.controlsfx.control.spreadsheet.SpreadsheetCell;

/**
 * Sizes the result grid to its text in the font the theme gives it (presenter mode's larger text
 * included): a value column is always wide enough for its widest number, so a number is never
 * elided; labels get up to {@link #LABEL_EMS} ems and beyond that elide, with the full text in a
 * tooltip. Rows are as tall as the font needs. Text is measured in bold (headers and totals are
 * bold, and bold is the wider of the two). FX thread only.
 */
final class GridFit {
  /** The widest a label column grows, in ems (a long label elides beyond, with a tooltip). */
  static final double LABEL_EMS = 18;

  /** Of the first rows, how many are measured (a long table's first screens decide). */
  private static final int MEASURED_ROWS = 500;

  private final Text probe = new Text();
  private final double em;

  GridFit(Font font) {
    Font f = font == null ? Font.getDefault() : font;
    probe.setFont(Font.font(f.getFamily(), FontWeight.BOLD, f.getSize()));
    em = f.getSize();
  }

  /** The width of a text in the grid's (bold) font, without padding. */
  double textWidth(String text) {
    probe.setText(text == null ? "" : text);
    return Math.ceil(probe.getLayoutBounds().getWidth());
  }

  /** Cell padding and border, both sides, in pixels (scales with the text). */
  double padding() {
    return Math.ceil(1.2 * em) + 4;
  }

  /** The row height that fits one line of text. */
  double rowHeight() {
    return Math.max(24, Math.ceil(em * 1.9));
  }

  /**
   * The width of a grid column: the widest number in full, the widest label up to {@link
   * #LABEL_EMS} ems, plus {@code extra} (a roll-up's indent). Cells spanning several columns do not
   * count.
   *
   * @param numbers the cells at and beyond this row in value columns hold numbers
   */
  double columnWidth(GridBase g, int column, boolean valueColumn, int firstValueRow, double extra) {
    double numbers = 0;
    double labels = textWidth("0000");
    int limit = Math.min(g.getRowCount(), MEASURED_ROWS);
    for (int r = 0; r < limit; r++) {
      SpreadsheetCell cell = g.getRows().get(r).get(column);
      if (cell.getColumnSpan() != 1 || cell.getText() == null) {
        continue;
      }
      double w = textWidth(cell.getText());
      if (valueColumn && r >= firstValueRow) {
        numbers = Math.max(numbers, w);
      } else {
        labels = Math.max(labels, w);
      }
    }
    double width = Math.max(numbers, Math.min(labels, LABEL_EMS * em)) + extra;
    return Math.ceil(width + padding());
  }

  /** True when a label is wider than its column leaves room for (it elides: give it a tooltip). */
  boolean elides(String text, double columnWidth) {
    return textWidth(text) + padding() > columnWidth;
  }
}
