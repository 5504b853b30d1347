package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.store.Workspace;
import picocli.CommandLine;

class AuditVerifyCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = StatBenchCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private Path workspaceWithThreeEntries() {
    Path ws = dir.resolve("ws");
    try (Workspace w = Workspace.open(ws)) {
      w.auditLog().append("check", "ann", "hash1", "{\"passed\":false}");
      w.auditLog().append("export", "ann", "hash1", "{\"justification\":\"why\"}");
      w.auditLog().append("check", "sam", "hash2", "{\"comment\":\"ok\"}");
    }
    return ws;
  }

  @Test
  void intactLogIsReportedOk() {
    Path ws = workspaceWithThreeEntries();
    assertThat(run("audit", "verify", "--db", ws.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("3 entries checked, OK");
  }

  @Test
  void tamperedRowIsNamedAndExitsThree() throws Exception {
    Path ws = workspaceWithThreeEntries();
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + ws.resolve("catalogue"), "sa", "");
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE sb_audit SET details = '{\"justification\":\"other\"}' WHERE seq = 2");
    }
    assertThat(run("audit", "verify", "--db", ws.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("BROKEN at entry 2");
  }

  @Test
  void deletedRowIsDetected() throws Exception {
    Path ws = workspaceWithThreeEntries();
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + ws.resolve("catalogue"), "sa", "");
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM sb_audit WHERE seq = 2");
    }
    assertThat(run("audit", "verify", "--db", ws.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("BROKEN at entry");
  }

  @Test
  void missingWorkspaceIsBadInput() {
    assertThat(run("audit", "verify", "--db", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no workspace folder");
  }
}
