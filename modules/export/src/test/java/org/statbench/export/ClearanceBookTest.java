package org.statbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.RefusedException;
import org.statbench.core.StatBenchException;
import org.statbench.core.table.Table;
import org.statbench.store.AuditEntry;
import org.statbench.store.AuditLog;
import org.statbench.store.Workspace;
import org.statbench.testsupport.TestData;

class ClearanceBookTest {
  @TempDir Path dir;

  private final Table table = TestData.regionBySex();
  private Workspace ws;
  private AuditLog log;
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  @BeforeEach
  void openWorkspace() {
    ws = Workspace.open(dir.resolve("ws"));
    log = ws.auditLog();
  }

  @AfterEach
  void closeWorkspace() {
    ws.close();
  }

  static final SigningKey SAM = SigningKey.create("sam");
  static final SigningKey TOM = SigningKey.create("tom");

  private ClearanceBook as(String user) {
    TrustFile trust = TrustFile.at(dir.resolve("home/trusted-statisticians"));
    trust.add(SAM.publicKey());
    trust.add(TOM.publicKey());
    return new ClearanceBook(ws.directory().resolve("clearance"), log, user, clock, trust);
  }

  private ExportGate gateAs(String user) {
    return new ExportGate(log, as(user), user);
  }

  @Test
  void submittedRequestIsPendingAndLogged() {
    ClearanceRequest r =
        as("ann").submit(table, Fixtures.failing(table), "needed for the minister");
    assertThat(r.id()).isEqualTo("CR-0001");
    assertThat(as("sam").pending()).extracting(ClearanceRequest::id).containsExactly("CR-0001");
    AuditEntry e = log.entries().get(0);
    assertThat(e.type()).isEqualTo("request");
    assertThat(e.user()).isEqualTo("ann");
    assertThat(e.subject()).isEqualTo("CR-0001");
    assertThat(e.details()).contains(table.hash());
    ClearanceRequest back = as("sam").request("CR-0001");
    assertThat(back.table()).isEqualTo(table);
    assertThat(back.table().hash()).isEqualTo(table.hash());
    assertThat(back.report()).isEqualTo(Fixtures.failing(table));
    assertThat(back.justification()).isEqualTo("needed for the minister");
  }

  @Test
  void requestNeedsAJustification() {
    assertThatThrownBy(() -> as("ann").submit(table, Fixtures.failing(table), "  "))
        .isInstanceOf(StatBenchException.class)
        .hasMessageContaining("justification");
  }

  @Test
  void approvalNeedsAComment() {
    as("ann").submit(table, Fixtures.failing(table), "why");
    assertThatThrownBy(() -> as("sam").approve("CR-0001", " ", SAM))
        .isInstanceOf(StatBenchException.class)
        .hasMessageContaining("comment is required");
    assertThatThrownBy(() -> as("sam").reject("CR-0001", null, SAM))
        .isInstanceOf(StatBenchException.class);
    assertThat(as("sam").pending()).hasSize(1);
  }

  @Test
  void approvedTableIsReleasedWithTheDecisionSummary() throws Exception {
    as("ann").submit(table, Fixtures.failing(table), "published elsewhere already");
    ClearanceDecision d = as("sam").approve("CR-0001", "A|F is public knowledge", SAM);
    assertThat(d.statistician()).isEqualTo("sam");
    assertThat(as("sam").pending()).isEmpty();

    Path out = gateAs("ann").admit(table, Fixtures.failing(table)).writeCsv(dir.resolve("t.csv"));
    assertThat(Files.readAllLines(out)).contains("A,F,count,7,primary:threshold");
    assertThat(Files.readString(dir.resolve("t.csv.clearance.txt")))
        .contains("CR-0001 approved by sam")
        .contains("A|F is public knowledge");
    assertThat(log.entries())
        .extracting(AuditEntry::type)
        .containsExactly("request", "approve", "export");
    assertThat(log.entries().get(2).details()).contains("\"clearance\":\"CR-0001\"");
  }

  @Test
  void xlsxOfAClearedTableNamesTheRequestAndDecisionInItsReportSheetAndAuditEntry()
      throws Exception {
    as("ann").submit(table, Fixtures.failing(table), "published elsewhere already");
    as("sam").approve("CR-0001", "A|F is public knowledge", SAM);

    Path out = gateAs("ann").admit(table, Fixtures.failing(table)).writeXlsx(dir.resolve("t.xlsx"));

    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(out))) {
      List<String> lines = new java.util.ArrayList<>();
      for (var row : wb.getSheet(XlsxWriter.REPORT)) {
        if (row.getLastCellNum() >= 2) {
          lines.add(
              row.getCell(0).getStringCellValue() + " = " + row.getCell(1).getStringCellValue());
        }
      }
      assertThat(lines)
          .contains("Clearance request = CR-0001")
          .anyMatch(l -> l.startsWith("Clearance decision = approved by sam on "));
    }
    String audit = log.entries().get(log.entries().size() - 1).details();
    assertThat(audit).contains("\"clearance\":\"CR-0001\"", "\"decision\":\"approved by sam\"");
  }

  @Test
  void rejectedTableStaysRefused() {
    as("ann").submit(table, Fixtures.failing(table), "why");
    ClearanceDecision d = as("sam").reject("CR-0001", "cell A|F is a single family", SAM);
    assertThatThrownBy(() -> gateAs("ann").admit(table, Fixtures.failing(table)))
        .isInstanceOf(RefusedException.class);
    assertThatThrownBy(() -> gateAs("ann").admit(table, Fixtures.failing(table), d))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("rejected");
  }

  @Test
  void approvalClearsOnlyExactlyThatTable() {
    as("ann").submit(table, Fixtures.failing(table), "why");
    as("sam").approve("CR-0001", "ok", SAM);
    Table changed = table.withValues(new double[] {8, 31, 39, 20, 25, 45, 28, 56, 84});
    assertThatThrownBy(() -> gateAs("ann").admit(changed, Fixtures.failing(changed)))
        .isInstanceOf(RefusedException.class);
  }

  @Test
  void aDecisionCannotBeMadeTwice() {
    as("ann").submit(table, Fixtures.failing(table), "why");
    as("sam").reject("CR-0001", "no", SAM);
    assertThatThrownBy(() -> as("sam").approve("CR-0001", "yes after all", SAM))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("already decided");
  }

  @Test
  void editedRequestFileIsReportedAsTamperedAndClearsNothing() throws Exception {
    as("ann").submit(table, Fixtures.failing(table), "why");
    as("sam").approve("CR-0001", "ok", SAM);
    Path f = ws.directory().resolve("clearance/CR-0001.json");
    Files.writeString(f, Files.readString(f).replace("\"why\"", "\"because\""));
    List<ClearanceItem> items = as("sam").items();
    assertThat(items.get(0).problem()).contains("tampered");
    assertThatThrownBy(() -> gateAs("ann").admit(table, Fixtures.failing(table)))
        .isInstanceOf(RefusedException.class);
  }

  @Test
  void forgedDecisionFileWithoutAuditEntryClearsNothing() throws Exception {
    as("ann").submit(table, Fixtures.failing(table), "why");
    Files.writeString(
        ws.directory().resolve("clearance/CR-0001.decision.json"),
        "{\"requestId\":\"CR-0001\",\"tableHash\":\""
            + table.hash()
            + "\",\"outcome\":\"APPROVED\",\"statistician\":\"sam\",\"comment\":\"x\","
            + "\"decided\":\"2026-11-26T10:00:00Z\"}");
    assertThatThrownBy(() -> gateAs("ann").admit(table, Fixtures.failing(table)))
        .isInstanceOf(RefusedException.class);
  }

  @Test
  void passedTableNeedsNoClearance() {
    assertThatThrownBy(
            () -> as("ann").submit(table, Fixtures.protectedReport(table), "just in case"))
        .isInstanceOf(StatBenchException.class)
        .hasMessageContaining("no clearance is needed");
  }

  @Test
  void everyRequestAndDecisionKeepsTheHashChainIntact() {
    as("ann").submit(table, Fixtures.failing(table), "why");
    as("sam").approve("CR-0001", "ok", SAM);
    assertThat(log.verify().ok()).isTrue();
    assertThat(log.verify().entries()).isEqualTo(2);
  }
}
