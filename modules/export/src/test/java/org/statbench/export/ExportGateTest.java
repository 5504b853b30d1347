package org.statbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.RefusedException;
import org.statbench.core.table.Table;
import org.statbench.testsupport.TestData;

class ExportGateTest {
  @TempDir Path dir;

  private final ExportGate gate = ExportGate.detached();
  private final Table table = TestData.regionBySex();

  @Test
  void refusesATableWithoutAReport() {
    assertThatThrownBy(() -> gate.admit(table, null))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("no disclosure report");
  }

  @Test
  void refusesAStaleReport() {
    Table other = table.withValues(new double[] {8, 31, 39, 20, 25, 45, 28, 56, 84});
    ReportSnapshot report = Fixtures.protectedReport(table);
    assertThatThrownBy(() -> gate.admit(other, report))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("stale");
  }

  @Test
  void refusesAFailedTableNamingTheCellsAndRules() {
    assertThatThrownBy(() -> gate.admit(table, Fixtures.failing(table)))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("1 cell fails")
        .hasMessageContaining("threshold: 1 cell")
        .hasMessageContaining("(A, F) primary:threshold")
        .hasMessageContaining("request clearance");
  }

  @Test
  void refusesAPassedReportThatLeavesAFailingCellPublished() {
    ReportSnapshot inconsistent =
        Fixtures.report(table, true, java.util.Set.of(), "none"); // says passed, A|F not withheld
    assertThatThrownBy(() -> gate.admit(table, inconsistent)).isInstanceOf(RefusedException.class);
  }

  @Test
  void detachedGateRefusesAnApprovalItCannotVerify() {
    ClearanceDecision forged =
        new ClearanceDecision(
            "CR-0001",
            table.hash(),
            ClearanceOutcome.APPROVED,
            "someone",
            "looks fine",
            java.time.Instant.EPOCH);
    assertThatThrownBy(() -> gate.admit(table, Fixtures.failing(table), forged))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("not recorded");
  }

  @Test
  void refusesEveryWriterWhenTheCheckFailed() {
    // nothing is written: admission is the only way to a writer
    Path out = dir.resolve("t.csv");
    assertThatThrownBy(() -> gate.admit(table, Fixtures.failing(table)).writeCsv(out))
        .isInstanceOf(RefusedException.class);
    assertThat(out).doesNotExist();
  }

  @Test
  void csvOfAProtectedTableWritesWithheldValuesEmpty() throws Exception {
    Path out = gate.admit(table, Fixtures.protectedReport(table)).writeCsv(dir.resolve("t.csv"));
    List<String> lines = Files.readAllLines(out);
    assertThat(lines)
        .containsExactly(
            "region,sex,measure,value,status",
            "A,F,count,,primary:threshold",
            "A,M,count,,secondary",
            "A,Total,count,38,ok",
            "B,F,count,,secondary",
            "B,M,count,,secondary",
            "B,Total,count,45,ok",
            "Total,F,count,27,ok",
            "Total,M,count,56,ok",
            "Total,Total,count,83,ok");
    assertThat(dir.resolve("t.csv.clearance.txt")).doesNotExist();
  }

  @Test
  void xlsxHasNumericCellsAndTheReportAndDefinitionSheets() throws Exception {
    Path out = gate.admit(table, Fixtures.protectedReport(table)).writeXlsx(dir.resolve("t.xlsx"));
    try (InputStream in = Files.newInputStream(out);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertThat(wb.getSheet(XlsxWriter.TABLE)).isNotNull();
      assertThat(wb.getSheet(XlsxWriter.REPORT)).isNotNull();
      assertThat(wb.getSheet(XlsxWriter.DEFINITION)).isNotNull();
      Sheet cells = wb.getSheet(XlsxWriter.CELLS);
      // row 3 = A|Total = 38, numeric
      assertThat(cells.getRow(3).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(cells.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(38.0);
      // row 1 = A|F withheld: blank, never 7
      assertThat(cells.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.BLANK);
      assertThat(cells.getRow(1).getCell(4).getStringCellValue()).isEqualTo("primary:threshold");
      Sheet grid = wb.getSheet(XlsxWriter.TABLE);
      boolean seven = false;
      for (var row : grid) {
        for (var c : row) {
          seven |= c.getCellType() == CellType.NUMERIC && c.getNumericCellValue() == 7.0;
        }
      }
      assertThat(seven).as("true value of the withheld cell").isFalse();
      assertThat(wb.getSheet(XlsxWriter.REPORT).getRow(1).getCell(1).getStringCellValue())
          .isEqualTo("passed");
    }
  }

  @Test
  void clipboardTextShowsWithheldCellsAsX() {
    String text = gate.admit(table, Fixtures.protectedReport(table)).clipboardText();
    assertThat(text)
        .startsWith("region\tF\tM\tTotal\nA\tx\tx\t38\nB\tx\tx\t45\nTotal\t27\t56\t83\n");
    assertThat(text).contains("x = withheld");
  }

  @Test
  void pngWriterRejectsBytesThatAreNotAPng() {
    Release r = gate.admit(table, Fixtures.protectedReport(table));
    assertThatThrownBy(() -> r.writePng(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, dir.resolve("c.png")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void savedReportHoldsTheTableWithoutWithheldValues() throws Exception {
    Path out =
        gate.admit(table, Fixtures.protectedReport(table)).writeReport(dir.resolve("r.html"), null);
    String html = Files.readString(out);
    assertThat(html).contains("<td class=\"x\">x</td>").contains("<td class=\"n\">83</td>");
    assertThat(html).doesNotContain(">7<").contains("Table hash: " + table.hash());
  }

  @Test
  void everyReleaseIsLoggedWithItsFormatAndFileHash() throws Exception {
    try (org.statbench.store.Workspace ws = org.statbench.store.Workspace.open(dir.resolve("ws"))) {
      ExportGate logged = ExportGate.of(ws);
      ReportSnapshot report = Fixtures.protectedReport(table);
      logged.recordCheck(table, report);
      Release r = logged.admit(table, report);
      Path csv = r.writeCsv(dir.resolve("t.csv"));
      r.writeXlsx(dir.resolve("t.xlsx"));
      r.clipboardText();
      var entries = ws.auditLog().entries();
      assertThat(entries)
          .extracting(org.statbench.store.AuditEntry::type)
          .containsExactly("check", "export", "export", "export");
      assertThat(entries).allMatch(e -> e.subject().equals(table.hash()));
      assertThat(entries.get(1).details())
          .contains("\"format\":\"csv\"")
          .contains(ClearanceBook.sha256(Files.readAllBytes(csv)));
      assertThat(entries.get(3).details()).contains("\"format\":\"clipboard\"");
      assertThat(ws.auditLog().verify().ok()).isTrue();
    }
  }

  @Test
  void refusalWritesNothingAndLogsNoExport() {
    try (org.statbench.store.Workspace ws = org.statbench.store.Workspace.open(dir.resolve("ws"))) {
      assertThatThrownBy(() -> ExportGate.of(ws).admit(table, Fixtures.failing(table)))
          .isInstanceOf(RefusedException.class);
      assertThat(ws.auditLog().entries()).isEmpty();
    }
  }
}
