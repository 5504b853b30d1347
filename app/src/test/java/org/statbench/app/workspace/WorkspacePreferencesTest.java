package org.statbench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacePreferencesTest {
  @TempDir Path home;

  @Test
  void remembersTheLastWorkspaceWhileItExists() throws Exception {
    WorkspacePreferences p = new WorkspacePreferences(home.resolve(".statbench"));
    assertThat(p.lastWorkspace()).isEmpty();
    Path ws = Files.createDirectories(home.resolve("ws"));
    p.rememberWorkspace(ws);
    assertThat(new WorkspacePreferences(home.resolve(".statbench")).lastWorkspace()).contains(ws);
    Files.delete(ws);
    assertThat(p.lastWorkspace()).isEmpty();
  }

  @Test
  void keepsRecentTablesNewestFirstWithoutDuplicates() throws Exception {
    WorkspacePreferences p = new WorkspacePreferences(home);
    Path a = Files.writeString(home.resolve("a.json"), "{}");
    Path b = Files.writeString(home.resolve("b.json"), "{}");
    p.rememberTable(a);
    p.rememberTable(b);
    p.rememberTable(a);
    assertThat(p.recentTables()).containsExactly(a, b);
  }
}
