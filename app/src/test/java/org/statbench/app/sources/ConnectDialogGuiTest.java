package org.statbench.app.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.FxDialogService;
import org.statbench.app.shell.FxTaskRunner;
import org.statbench.app.shell.MainViewModel;
import org.statbench.app.shell.StatBenchApp;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.tabulate.Tabulator;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Datasets > Connect to database… against an H2 file as the server. */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogGuiTest {
  @TempDir Path dir;
  private FxTaskRunner tasks;
  private AppContext context;

  @Start
  void start(Stage stage) {
    FxDialogService dialogs = new FxDialogService(() -> stage);
    tasks = new FxTaskRunner(e -> dialogs.showError("Unexpected", e));
    StatBenchApp.createMainView(
        stage, tasks, dialogs, new WorkspacePreferences(dir.resolve("home")));
    context = ((MainViewModel) stage.getUserData()).context();
    context.workspace().open(dir.resolve("ws"));
    stage.show();
  }

  @AfterEach
  void closeWorkspace() {
    SourceSessions.shared().closeAll();
    new FxRobot().interact(() -> context.workspace().close());
    tasks.close();
  }

  @Test
  void testsTheConnectionPicksATableAndAddsTheSourceToTheDatasets(FxRobot robot) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("server").toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE \"claims\" (\"region\" VARCHAR(5), \"sex\" VARCHAR(1))");
      st.execute("INSERT INTO \"claims\" VALUES ('N', 'F'), ('N', 'M'), ('S', 'F')");
    }
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> context.workspace().workspace() != null);
    robot.clickOn("#menu-datasets").clickOn("#menuConnectDatabase");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> robot.lookup("#connectUrl").tryQuery().isPresent());
    robot.interact(
        () -> {
          robot.lookup("#connectEngine").queryAs(ComboBox.class).getSelectionModel().select(3);
        });
    assertThat(robot.lookup("#connectUrl").queryAs(TextField.class).getText())
        .isEqualTo("jdbc:h2:file:/PATH/TO/DATABASE");
    robot.interact(() -> robot.lookup("#connectUrl").queryAs(TextField.class).setText(url));
    robot.clickOn("#connectUser").write("sa");
    robot.clickOn("#connectTest");
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            robot.lookup("#connectStatus").queryAs(Label.class).getText().startsWith("Connected"));
    @SuppressWarnings("unchecked")
    ComboBox<String> table = robot.lookup("#connectTable").queryAs(ComboBox.class);
    assertThat(table.getItems()).contains("PUBLIC.claims");
    robot.interact(() -> table.setValue("PUBLIC.claims"));
    snapshot(robot, robot.lookup("#connectUrl").query().getScene(), "connect-dialog.png");
    assertThat(robot.lookup("#connectName").queryAs(TextField.class).getText()).isEqualTo("claims");
    robot.clickOn("#connectAdd");
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> context.workspace().dataset("claims").isPresent());
    @SuppressWarnings("unchecked")
    TableView<DatasetInfo> list = robot.lookup("#datasetList").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> list.getItems().stream().anyMatch(d -> d.name().equals("claims")));
    DatasetInfo info = context.workspace().dataset("claims").orElseThrow();
    assertThat(info.kind()).isEqualTo(DatasetKind.SOURCE);
    assertThat(info.rows()).isEqualTo(3);
    // the table builder's path: computed on the server through the program's sessions
    Table t =
        SourceSessions.shared()
            .tabulate(
                new Tabulator(),
                TableSpec.of("claims").withRows("region").withColumns("sex"),
                context.workspace().workspace(),
                CancellationToken.NONE);
    assertThat(t.value(t.index(0, 0))).isEqualTo(1); // N, F
    assertThat(t.value(t.index(2, 2))).isEqualTo(3); // Total, Total
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> robot.lookup("#sourceState").queryAs(Label.class).getText().contains("connected"));
    snapshot(robot, list.getScene(), "datasets-with-source.png");
  }

  /** Writes a picture of a scene when statbench.screenshots.dir is set (to look at the GUI). */
  private static void snapshot(FxRobot robot, javafx.scene.Scene scene, String file)
      throws Exception {
    String out = System.getProperty("statbench.screenshots.dir");
    if (out == null || out.isBlank()) {
      return;
    }
    java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> img =
        new java.util.concurrent.atomic.AtomicReference<>();
    robot.interact(() -> img.set(scene.snapshot(null)));
    java.nio.file.Files.createDirectories(Path.of(out));
    javax.imageio.ImageIO.write(
        javafx.embed.swing.SwingFXUtils.fromFXImage(img.get(), null),
        "png",
        Path.of(out, file).toFile());
  }
}
