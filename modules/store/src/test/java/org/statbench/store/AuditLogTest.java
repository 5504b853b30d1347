package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path tmp;

  @Test
  void appendsChainedEntriesThatSurviveReopen() {
    AuditEntry first;
    AuditEntry second;
    try (Workspace ws = Workspace.open(tmp)) {
      first = ws.auditLog().append("check", "ana", "table:abc", "{\"failed\": 3}");
      second = ws.auditLog().append("export", "ana", "table:abc", null);
    }
    assertThat(first.seq()).isEqualTo(1);
    assertThat(first.previousHash()).isEqualTo("0".repeat(64));
    assertThat(second.seq()).isEqualTo(2);
    assertThat(second.previousHash()).isEqualTo(first.hash());
    try (Workspace ws = Workspace.open(tmp)) {
      assertThat(ws.auditLog().entries()).containsExactly(first, second);
      AuditVerification v = ws.auditLog().verify();
      assertThat(v.ok()).isTrue();
      assertThat(v.entries()).isEqualTo(2);
      assertThat(v.firstBroken()).isEqualTo(-1);
    }
  }

  @Test
  void verifyNamesTheFirstEditedEntry() throws Exception {
    try (Workspace ws = Workspace.open(tmp)) {
      for (int i = 0; i < 5; i++) {
        ws.auditLog().append("approve", "stat", "request " + i, "ok");
      }
      try (PreparedStatement ps =
          ws.connection().prepareStatement("UPDATE sb_audit SET details = ? WHERE seq = 3")) {
        ps.setString(1, "rejected, actually");
        ps.executeUpdate();
        ws.connection().commit();
      }
      AuditVerification v = ws.auditLog().verify();
      assertThat(v.ok()).isFalse();
      assertThat(v.firstBroken()).isEqualTo(3);
      assertThat(v.message()).contains("entry 3");
    }
  }

  @Test
  void verifyNamesADeletedEntry() throws Exception {
    try (Workspace ws = Workspace.open(tmp)) {
      for (int i = 0; i < 4; i++) {
        ws.auditLog().append("request", "ana", "r" + i, null);
      }
      ws.connection().createStatement().executeUpdate("DELETE FROM sb_audit WHERE seq = 2");
      ws.connection().commit();
      AuditVerification v = ws.auditLog().verify();
      assertThat(v.ok()).isFalse();
      assertThat(v.firstBroken()).isEqualTo(2);
    }
  }

  @Test
  void emptyLogVerifies() {
    try (Workspace ws = Workspace.open(tmp)) {
      assertThat(ws.auditLog().verify().ok()).isTrue();
    }
  }
}
