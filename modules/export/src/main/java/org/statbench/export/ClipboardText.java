package org.statbench.export;

import java.util.List;
import org.statbench.core.data.NumericColumn;

/**
 * Tab-separated cross-tab text for the clipboard (pastes into a spreadsheet or a document),
 * withheld cells shown as {@code x}, followed by a footer naming the check and any clearance. Text
 * a spreadsheet would run as a formula is neutralised ({@link FormulaGuard}).
 */
final class ClipboardText {
  private ClipboardText() {}

  static String of(Publication p) {
    Layout l = new Layout(p.table());
    StringBuilder sb = new StringBuilder();
    List<int[]> rows = l.combinations(l.rowDims);
    List<int[]> cols = l.combinations(l.colDims);
    boolean anyWithheld = false;
    for (int[] wafer : l.combinations(l.waferDims)) {
      if (!l.waferDims.isEmpty()) {
        List<String> codes = l.codes(l.waferDims, wafer);
        for (int i = 0; i < codes.size(); i++) {
          sb.append(i == 0 ? "" : ", ")
              .append(FormulaGuard.neutralise(l.variable(l.waferDims.get(i))))
              .append(" = ")
              .append(FormulaGuard.neutralise(codes.get(i)));
        }
        sb.append('\n');
      }
      int headers = Math.max(1, l.colDims.size());
      for (int h = 0; h < headers; h++) {
        for (int i = 0; i < l.rowDims.size(); i++) {
          sb.append(h == headers - 1 ? FormulaGuard.neutralise(l.variable(l.rowDims.get(i))) : "")
              .append('\t');
        }
        for (int c = 0; c < cols.size(); c++) {
          sb.append(c == 0 ? "" : "\t")
              .append(
                  FormulaGuard.neutralise(
                      l.colDims.isEmpty()
                          ? p.table().measure().label()
                          : l.codes(l.colDims, cols.get(c)).get(h)));
        }
        sb.append('\n');
      }
      for (int[] row : rows) {
        for (String code : l.codes(l.rowDims, row)) {
          sb.append(FormulaGuard.neutralise(code)).append('\t');
        }
        for (int c = 0; c < cols.size(); c++) {
          int idx = l.index(row, cols.get(c), wafer);
          double v = p.published(idx);
          boolean withheld = p.withheld(idx);
          anyWithheld |= withheld;
          sb.append(c == 0 ? "" : "\t")
              .append(withheld ? "x" : Double.isNaN(v) ? "" : NumericColumn.formatNumber(v));
        }
        sb.append('\n');
      }
      sb.append('\n');
    }
    sb.append(p.table().measure().label());
    if (p.table().dataset() != null) {
      sb.append(" from ").append(p.table().dataset());
    }
    sb.append(". Disclosure checked by StatBench (table ")
        .append(p.table().hash(), 0, 12)
        .append(").");
    if (anyWithheld) {
      sb.append(" x = withheld for confidentiality.");
    }
    if (p.clearance() != null) {
      sb.append(' ').append(p.clearance().summary());
    }
    sb.append('\n');
    return sb.toString();
  }
}
