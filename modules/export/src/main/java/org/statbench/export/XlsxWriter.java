package org.statbench.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.statbench.core.table.Table;

/**
 * Writes a released table as an XLSX workbook: sheet {@value #TABLE} (cross-tab layout with real
 * numeric cells, withheld cells empty and shaded), {@value #CELLS} (the long form with status),
 * {@value #REPORT} (the disclosure report), {@value #DEFINITION} (the table definition) and, for a
 * release that rests on a clearance decision, {@value #CLEARANCE}.
 */
final class XlsxWriter {
  static final String TABLE = "Table";
  static final String CELLS = "Cells";
  static final String REPORT = "Disclosure report";
  static final String DEFINITION = "Table definition";
  static final String CLEARANCE = "Clearance";

  private XlsxWriter() {}

  static void write(Publication p, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle bold = wb.createCellStyle();
      Font f = wb.createFont();
      f.setBold(true);
      bold.setFont(f);
      CellStyle withheld = wb.createCellStyle();
      withheld.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      withheld.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      tableSheet(wb.createSheet(TABLE), p, bold, withheld);
      cellsSheet(wb.createSheet(CELLS), p, bold);
      reportSheet(wb.createSheet(REPORT), p, bold);
      lines(wb.createSheet(DEFINITION), "Table definition", p.definition(), bold);
      if (p.clearance() != null) {
        ClearanceDecision d = p.clearance();
        lines(
            wb.createSheet(CLEARANCE),
            "Released under a clearance decision",
            List.of(
                "Request: " + d.requestId(),
                "Outcome: " + d.outcome().name().toLowerCase(java.util.Locale.ROOT),
                "Statistician: " + d.statistician(),
                "Decided: " + d.decided().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                "Comment: " + d.comment(),
                "Table hash: " + d.tableHash()),
            bold);
      }
      wb.write(out);
    }
  }

  private static void tableSheet(Sheet s, Publication p, CellStyle bold, CellStyle withheld) {
    Layout l = new Layout(p.table());
    List<int[]> rows = l.combinations(l.rowDims);
    List<int[]> cols = l.combinations(l.colDims);
    int r = 0;
    text(s.createRow(r++), 0, p.measureLabel(), bold);
    for (int[] wafer : l.combinations(l.waferDims)) {
      if (!l.waferDims.isEmpty()) {
        Row wr = s.createRow(r++);
        List<String> codes = l.codes(l.waferDims, wafer);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codes.size(); i++) {
          sb.append(i == 0 ? "" : ", ").append(l.variable(l.waferDims.get(i))).append(" = ");
          sb.append(codes.get(i));
        }
        text(wr, 0, sb.toString(), bold);
      }
      // one header row per column dimension; the row-dimension names head the first columns
      for (int h = 0; h < Math.max(1, l.colDims.size()); h++) {
        Row hr = s.createRow(r++);
        if (h == Math.max(1, l.colDims.size()) - 1) {
          for (int i = 0; i < l.rowDims.size(); i++) {
            text(hr, i, l.variable(l.rowDims.get(i)), bold);
          }
        }
        for (int c = 0; c < cols.size(); c++) {
          String label =
              l.colDims.isEmpty()
                  ? p.table().measure().label()
                  : l.codes(l.colDims, cols.get(c)).get(h);
          text(hr, l.rowDims.size() + c, label, bold);
        }
      }
      for (int[] row : rows) {
        Row dr = s.createRow(r++);
        List<String> codes = l.codes(l.rowDims, row);
        for (int i = 0; i < codes.size(); i++) {
          text(dr, i, codes.get(i), null);
        }
        for (int c = 0; c < cols.size(); c++) {
          int idx = l.index(row, cols.get(c), wafer);
          Cell cell = dr.createCell(l.rowDims.size() + c);
          double v = p.published(idx);
          if (!Double.isNaN(v)) {
            cell.setCellValue(v);
          }
          if (p.withheld(idx)) {
            cell.setCellStyle(withheld);
          }
          if (p.survey() != null && p.survey().reasons()[idx] != null) {
            note(s, cell, p.survey().reasons()[idx]);
          }
        }
      }
      r++;
    }
    Row note = s.createRow(r);
    text(note, 0, "Empty shaded cells are withheld by disclosure control.", null);
    if (p.survey() != null) {
      text(
          s.createRow(r + 1),
          0,
          "Cells with a note are flagged by the survey quality rules (the note gives the reason).",
          null);
    }
  }

  /** Attaches a note (an Excel comment) to a cell. */
  private static void note(Sheet s, Cell cell, String text) {
    org.apache.poi.ss.usermodel.CreationHelper helper = s.getWorkbook().getCreationHelper();
    org.apache.poi.ss.usermodel.Drawing<?> drawing = s.createDrawingPatriarch();
    org.apache.poi.ss.usermodel.ClientAnchor anchor = helper.createClientAnchor();
    anchor.setCol1(cell.getColumnIndex() + 1);
    anchor.setCol2(cell.getColumnIndex() + 4);
    anchor.setRow1(cell.getRowIndex());
    anchor.setRow2(cell.getRowIndex() + 3);
    org.apache.poi.ss.usermodel.Comment c = drawing.createCellComment(anchor);
    c.setString(helper.createRichTextString(text));
    c.setAuthor("StatBench");
    cell.setCellComment(c);
  }

  private static void cellsSheet(Sheet s, Publication p, CellStyle bold) {
    Table t = p.table();
    Row h = s.createRow(0);
    int n = t.dimensions().size();
    for (int d = 0; d < n; d++) {
      text(h, d, t.dimensions().get(d).variable(), bold);
    }
    text(h, n, "measure", bold);
    text(h, n + 1, "value", bold);
    text(h, n + 2, "status", bold);
    SurveyColumns sc = p.survey();
    List<String> extra = sc == null ? List.of() : sc.headers();
    for (int e = 0; e < extra.size(); e++) {
      text(h, n + 3 + e, extra.get(e), bold);
    }
    if (sc != null) {
      text(h, n + 3 + extra.size(), "reason", bold);
    }
    String measure = p.measureLabel();
    for (int i = 0; i < t.cellCount(); i++) {
      Row row = s.createRow(i + 1);
      String[] codes = t.codes(i);
      for (int d = 0; d < n; d++) {
        text(row, d, codes[d], null);
      }
      text(row, n, measure, null);
      Cell v = row.createCell(n + 1);
      double pv = p.published(i);
      if (!Double.isNaN(pv)) {
        v.setCellValue(pv);
      }
      text(row, n + 2, p.status(i), null);
      if (sc != null) {
        for (int e = 0; e < extra.size(); e++) {
          String field = p.withheld(i) || sc.fields() == null ? "" : sc.fields()[i][e];
          if (!field.isEmpty()) {
            row.createCell(n + 3 + e).setCellValue(Double.parseDouble(field));
          }
        }
        if (sc.reasons()[i] != null) {
          text(row, n + 3 + extra.size(), sc.reasons()[i], null);
        }
      }
    }
  }

  private static void reportSheet(Sheet s, Publication p, CellStyle bold) {
    ReportSnapshot rep = p.report();
    Table t = p.table();
    int r = 0;
    text(s.createRow(r++), 0, "Disclosure report", bold);
    pair(s.createRow(r++), "Result", rep.passed() ? "passed" : "failed", bold);
    pair(s.createRow(r++), "Policy", rep.policy(), bold);
    pair(s.createRow(r++), "Protection", rep.protection(), bold);
    pair(s.createRow(r++), "Table hash", rep.tableHash(), bold);
    pair(s.createRow(r++), "Cells withheld", Integer.toString(rep.suppressed().size()), bold);
    for (Map.Entry<String, Integer> e : rep.failuresByRule().entrySet()) {
      pair(s.createRow(r++), "Failing " + e.getKey(), e.getValue() + " cells", bold);
    }
    for (String note : rep.notes()) {
      pair(s.createRow(r++), "Note", note, bold);
    }
    if (p.clearance() != null) {
      // the reference a reader needs to find the decision in the workspace's audit log
      ClearanceDecision d = p.clearance();
      pair(s.createRow(r++), "Clearance request", d.requestId(), bold);
      pair(
          s.createRow(r++),
          "Clearance decision",
          d.outcome().name().toLowerCase(java.util.Locale.ROOT)
              + " by "
              + d.statistician()
              + " on "
              + d.decided().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
          bold);
    }
    r++;
    Row h = s.createRow(r++);
    int n = t.dimensions().size();
    for (int d = 0; d < n; d++) {
      text(h, d, t.dimensions().get(d).variable(), bold);
    }
    text(h, n, "status", bold);
    text(h, n + 1, "audit lower", bold);
    text(h, n + 2, "audit upper", bold);
    // Only statuses and audit intervals: reasons may quote true values of withheld cells.
    for (CellVerdict c : rep.cells()) {
      if (c.status().equals("ok")) {
        continue;
      }
      Row row = s.createRow(r++);
      String[] codes = t.codes(c.index());
      for (int d = 0; d < n; d++) {
        text(row, d, codes[d], null);
      }
      text(row, n, c.status(), null);
      if (c.suppressed() && !Double.isNaN(c.lower())) {
        row.createCell(n + 1).setCellValue(c.lower());
      }
      if (c.suppressed() && !Double.isNaN(c.upper())) {
        row.createCell(n + 2).setCellValue(c.upper());
      }
    }
  }

  private static void lines(Sheet s, String title, List<String> lines, CellStyle bold) {
    int r = 0;
    text(s.createRow(r++), 0, title, bold);
    for (String line : lines) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        pair(s.createRow(r++), line.substring(0, colon), line.substring(colon + 2), bold);
      } else {
        text(s.createRow(r++), 0, line, null);
      }
    }
  }

  private static void pair(Row row, String key, String value, CellStyle bold) {
    text(row, 0, key, bold);
    text(row, 1, value, null);
  }

  private static void text(Row row, int col, String value, CellStyle style) {
    Cell c = row.createCell(col);
    c.setCellValue(value);
    if (style != null) {
      c.setCellStyle(style);
    }
  }
}
