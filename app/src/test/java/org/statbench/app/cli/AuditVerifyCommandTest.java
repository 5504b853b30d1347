package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.store.Workspace;

class AuditVerifyCommandTest {
  @TempDir Path dir;

  private final CliRun cli = CliRun.accumulating();

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
    assertThat(cli.run("audit", "verify", "--db", ws.toString())).isEqualTo(0);
    assertThat(cli.out()).contains("3 entries checked, OK");
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
    assertThat(cli.run("audit", "verify", "--db", ws.toString())).isEqualTo(3);
    assertThat(cli.err()).contains("BROKEN at entry 2");
  }

  @Test
  void deletedRowIsDetected() throws Exception {
    Path ws = workspaceWithThreeEntries();
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + ws.resolve("catalogue"), "sa", "");
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM sb_audit WHERE seq = 2");
    }
    assertThat(cli.run("audit", "verify", "--db", ws.toString())).isEqualTo(3);
    assertThat(cli.err()).contains("BROKEN at entry");
  }

  @Test
  void missingWorkspaceIsBadInput() {
    assertThat(cli.run("audit", "verify", "--db", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(cli.err()).contains("no workspace folder");
  }
}
