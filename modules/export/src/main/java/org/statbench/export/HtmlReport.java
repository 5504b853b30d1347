package org.statbench.export;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.statbench.core.data.NumericColumn;

/**
 * A saved report: one self-contained HTML file with the table (withheld cells shown as {@code x}),
 * an optional chart image, the disclosure summary, the table definition and any clearance.
 */
final class HtmlReport {
  private HtmlReport() {}

  static String of(Publication p, byte[] chartPng) {
    Layout l = new Layout(p.table());
    StringBuilder sb = new StringBuilder();
    String title =
        p.table().measure().label()
            + (p.table().dataset() == null ? "" : " — " + p.table().dataset());
    sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append("</title>\n<style>body{font-family:sans-serif}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #999;padding:2px 6px}td.n{text-align:right}")
        .append("td.x{background:#ddd;text-align:center}</style></head><body>\n<h1>")
        .append(esc(title))
        .append("</h1>\n");
    List<int[]> rows = l.combinations(l.rowDims);
    List<int[]> cols = l.combinations(l.colDims);
    for (int[] wafer : l.combinations(l.waferDims)) {
      if (!l.waferDims.isEmpty()) {
        sb.append("<h2>")
            .append(esc(String.join(", ", l.codes(l.waferDims, wafer))))
            .append("</h2>\n");
      }
      sb.append("<table>\n");
      int headers = Math.max(1, l.colDims.size());
      for (int h = 0; h < headers; h++) {
        sb.append("<tr>");
        for (int i = 0; i < l.rowDims.size(); i++) {
          sb.append("<th>")
              .append(h == headers - 1 ? esc(l.variable(l.rowDims.get(i))) : "")
              .append("</th>");
        }
        for (int[] col : cols) {
          sb.append("<th>")
              .append(
                  esc(
                      l.colDims.isEmpty()
                          ? p.table().measure().label()
                          : l.codes(l.colDims, col).get(h)))
              .append("</th>");
        }
        sb.append("</tr>\n");
      }
      for (int[] row : rows) {
        sb.append("<tr>");
        for (String code : l.codes(l.rowDims, row)) {
          sb.append("<th>").append(esc(code)).append("</th>");
        }
        for (int[] col : cols) {
          int idx = l.index(row, col, wafer);
          if (p.withheld(idx)) {
            sb.append("<td class=\"x\">x</td>");
          } else {
            double v = p.published(idx);
            sb.append("<td class=\"n\">")
                .append(Double.isNaN(v) ? "" : NumericColumn.formatNumber(v))
                .append("</td>");
          }
        }
        sb.append("</tr>\n");
      }
      sb.append("</table>\n");
    }
    sb.append("<p>x = withheld for confidentiality.</p>\n");
    if (chartPng != null && chartPng.length > 0) {
      sb.append("<h2>Chart</h2>\n<img alt=\"chart\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(chartPng))
          .append("\">\n");
    }
    ReportSnapshot r = p.report();
    sb.append("<h2>Disclosure control</h2>\n<ul>\n");
    item(sb, "Result: " + (r.passed() ? "passed" : "failed"));
    item(sb, "Policy: " + r.policy());
    item(sb, "Protection: " + r.protection());
    item(sb, "Cells withheld: " + r.suppressed().size());
    for (Map.Entry<String, Integer> e : r.failuresByRule().entrySet()) {
      item(sb, "Failing " + e.getKey() + ": " + e.getValue());
    }
    sb.append("</ul>\n<h2>Table definition</h2>\n<ul>\n");
    p.definition().forEach(line -> item(sb, line));
    sb.append("</ul>\n");
    if (p.clearance() != null) {
      sb.append("<h2>Clearance</h2>\n<p>").append(esc(p.clearance().summary())).append("</p>\n");
    }
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static void item(StringBuilder sb, String text) {
    sb.append("<li>").append(esc(text)).append("</li>\n");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
