package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.store.AuditEntry;
import org.statbench.store.Workspace;

class DisclosureCommandsTest {
  @TempDir Path tmp;

  private final CliRun cli = CliRun.accumulating();

  /** region x sex with margins; N|F = 3 fails the threshold. */
  private static final String RISKY =
      """
      region,sex,measure,value
      N,F,count,3
      N,M,count,40
      N,Total,count,43
      S,F,count,25
      S,M,count,31
      S,Total,count,56
      E,F,count,50
      E,M,count,70
      E,Total,count,120
      Total,F,count,78
      Total,M,count,141
      Total,Total,count,219
      """;

  private static final String SAFE =
      """
      region,sex,measure,value
      N,F,count,30
      N,M,count,40
      N,Total,count,70
      Total,F,count,30
      Total,M,count,40
      Total,Total,count,70
      """;

  @Test
  void checkPassesASafeTable() throws Exception {
    Path t = CliRun.file(tmp, "safe.csv", SAFE);
    assertThat(cli.run("check", "--table", t.toString())).isZero();
    assertThat(cli.out()).contains("passed");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void checkExitsWith3AndNamesTheFailingCell() throws Exception {
    Path t = CliRun.file(tmp, "risky.csv", RISKY);
    Path report = tmp.resolve("r.json");
    int code = cli.run("check", "--table", t.toString(), "--report", report.toString());
    assertThat(code).isEqualTo(3);
    assertThat(cli.out()).contains("primary:threshold").contains("region=N, sex=F");
    assertThat(cli.err()).contains("refused").contains("1 primary:threshold");
    String json = Files.readString(report);
    assertThat(json).contains("\"outcome\" : \"failed\"").contains("\"threshold\" : 10");
    // The report never carries the true value of a failing cell.
    assertThat(json)
        .containsPattern(
            "\"N\", \"F\" \\],\\s+\"kind\" : \"data\",\\s+\"status\" : \"primary:threshold\",\\s+\"published\" : null");
  }

  @Test
  void checkWithAPolicyFileUsesItsThreshold() throws Exception {
    Path t = CliRun.file(tmp, "risky.csv", RISKY);
    Path rules = CliRun.file(tmp, "p.json", "{\"threshold\": 3}");
    assertThat(cli.run("check", "--table", t.toString(), "--rules", rules.toString())).isZero();
  }

  @Test
  void badPolicyIsExit2NamingTheKey() throws Exception {
    Path t = CliRun.file(tmp, "risky.csv", RISKY);
    Path rules = CliRun.file(tmp, "p.json", "{\"treshold\": 3}");
    assertThat(cli.run("check", "--table", t.toString(), "--rules", rules.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("p.json").contains("unknown key 'treshold'");
    assertThat(cli.err()).doesNotContain("Exception");
  }

  @Test
  void checkRefusesATableOfSums() throws Exception {
    Path t =
        CliRun.file(
            tmp, "sum.csv", "sex,measure,value\nF,sum:amount,12.5\nTotal,sum:amount,12.5\n");
    assertThat(cli.run("check", "--table", t.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("sum.csv").contains("counts");
  }

  @Test
  void protectWritesSuppressedValuesEmptyAndTrueValuesElsewhere() throws Exception {
    Path t = CliRun.file(tmp, "risky.csv", RISKY);
    Path o = tmp.resolve("out.csv");
    int code = cli.run("protect", "--table", t.toString(), "--out", o.toString());
    assertThat(code).as(cli.err()).isZero();
    List<String> lines = Files.readAllLines(o);
    assertThat(lines.get(0)).isEqualTo("region,sex,measure,value,status");
    assertThat(lines).contains("N,F,count,,primary:threshold");
    List<String> original = RISKY.lines().toList();
    int suppressed = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      String status = f[4];
      if (f[3].isEmpty()) {
        suppressed++;
        assertThat(status).isIn("primary:threshold", "secondary");
      } else {
        assertThat(status).isEqualTo("ok");
        // Published values are the true values.
        assertThat(original).contains(f[0] + "," + f[1] + "," + f[2] + "," + f[3]);
      }
    }
    assertThat(suppressed).isEqualTo(4);
    // The written table passes a re-check of the audit: N|F is not derivable.
    assertThat(cli.out()).contains("audit: passed");
  }

  @Test
  void protectRoundsWithTheRoundingProfile() throws Exception {
    Path t = CliRun.file(tmp, "risky.csv", RISKY);
    Path rules = CliRun.file(tmp, "p.json", "{\"profile\": \"round5\"}");
    Path o = tmp.resolve("out.csv");
    assertThat(
            cli.run(
                "protect",
                "--table",
                t.toString(),
                "--rules",
                rules.toString(),
                "--out",
                o.toString()))
        .isZero();
    assertThat(Files.readAllLines(o))
        .contains("N,F,count,5,rounded", "Total,Total,count,220,rounded");
    assertThat(cli.out()).contains("totals rounded independently");
  }

  @Test
  void protectRefusesWhenNothingCanBeProtectedAndWritesNothing() throws Exception {
    Path t = CliRun.file(tmp, "risky.csv", RISKY);
    Path rules = CliRun.file(tmp, "p.json", "{\"method\": \"none\"}");
    Path o = tmp.resolve("out.csv");
    assertThat(
            cli.run(
                "protect",
                "--table",
                t.toString(),
                "--rules",
                rules.toString(),
                "--out",
                o.toString()))
        .isEqualTo(3);
    assertThat(o).doesNotExist();
    assertThat(cli.err()).contains("refused");
  }

  @Test
  void checkAndProtectAppendToTheWorkspaceAuditLog() throws Exception {
    Path t = CliRun.file(tmp, "risky.csv", RISKY);
    Path db = tmp.resolve("ws");
    assertThat(cli.run("check", "--table", t.toString(), "--db", db.toString())).isEqualTo(3);
    assertThat(
            cli.run(
                "protect",
                "--table",
                t.toString(),
                "--out",
                tmp.resolve("o.csv").toString(),
                "--db",
                db.toString()))
        .isZero();
    try (Workspace ws = Workspace.open(db)) {
      List<AuditEntry> entries = ws.auditLog().entries();
      assertThat(entries).extracting(AuditEntry::type).containsExactly("check", "protect");
      assertThat(entries.get(0).details()).contains("\"outcome\":\"failed\"");
      assertThat(entries.get(1).details()).contains("\"outcome\":\"protected\"");
      assertThat(ws.auditLog().verify().ok()).isTrue();
    }
  }

  @Test
  void missingTableIsExit2() {
    assertThat(cli.run("check", "--table", tmp.resolve("none.csv").toString())).isEqualTo(2);
    assertThat(cli.err()).contains("none.csv");
  }

  @Test
  void benchDisclosurePrintsFiguresForASmallTable() {
    assertThat(cli.run("bench", "disclosure", "--rows", "1000")).isZero();
    assertThat(cli.out())
        .contains("table: 3-D 9x9x9 with totals = 1,000 cells, 50 primary")
        .contains("protect (suppression + audit): median")
        .contains("audit: passed");
  }

  @Test
  void everyDisclosureCommandHasHelp() {
    assertThat(cli.run("check", "--help")).isZero();
    assertThat(cli.run("protect", "--help")).isZero();
    assertThat(cli.run("bench", "disclosure", "--help")).isZero();
    assertThat(cli.out()).contains("--table").contains("--out").contains("--rows");
  }
}
