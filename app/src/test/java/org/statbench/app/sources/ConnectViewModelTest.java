package org.statbench.app.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.tabulate.sql.Dialect;

/** The connect dialog's model without a toolkit: templates, table picker, naming, errors. */
class ConnectViewModelTest {
  @TempDir Path dir;

  private ConnectViewModel model() {
    SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    RecordingDialogService dialogs = new RecordingDialogService();
    WorkspaceModel ws = new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(dir));
    return new ConnectViewModel(new AppContext(tasks, dialogs, ws));
  }

  @Test
  void choosingAnEngineFillsInItsUrlTemplate() {
    ConnectViewModel m = model();
    Dialect pg = m.engines().get(0);
    m.engineProperty().set(pg);
    assertThat(m.urlProperty().get()).isEqualTo("jdbc:postgresql://HOST:5432/DATABASE");
  }

  @Test
  void testConnectionListsTablesAndPickingOneNamesTheDataset() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("server").toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE claims (region VARCHAR(5))");
    }
    ConnectViewModel m = model();
    m.urlProperty().set(url);
    m.userProperty().set("sa");
    m.testConnection();
    assertThat(m.tables()).contains("PUBLIC.CLAIMS");
    assertThat(m.statusProperty().get()).startsWith("Connected");
    m.tableProperty().set("PUBLIC.CLAIMS");
    assertThat(m.nameProperty().get()).isEqualTo("CLAIMS");
  }

  @Test
  void aMissingDriverIsExplainedInTheStatus() {
    ConnectViewModel m = model();
    m.urlProperty().set("jdbc:nosuch://h/d");
    m.testConnection();
    assertThat(m.statusProperty().get()).contains("No JDBC driver").contains("drivers");
  }
}
