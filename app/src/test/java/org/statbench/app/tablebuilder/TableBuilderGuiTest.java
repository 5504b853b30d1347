package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.TestFixtures;
import org.statbench.app.shell.MainViewModel;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.shell.StatBenchApp;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.table.Table;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drags fields onto the zones of the real main window and reads the grid. */
@ExtendWith(ApplicationExtension.class)
class TableBuilderGuiTest {
  @TempDir Path dir;
  private Workspace ws;
  private MainViewModel main;

  @Start
  void start(Stage stage) {
    ws = Workspace.open(dir.resolve("ws"));
    ws.importCsv(
        ImportRequest.of("people", TestFixtures.csv("people.csv")),
        ProgressListener.NONE,
        CancellationToken.NONE);
    StatBenchApp.createMainView(
        stage,
        new SameThreadTaskRunner(),
        new RecordingDialogService(),
        new WorkspacePreferences(dir.resolve("home")));
    main = (MainViewModel) stage.getUserData();
    main.context().workspace().use(ws, ws.datasets());
    stage.setWidth(1300);
    stage.setHeight(850);
    stage.show();
  }

  @AfterEach
  void close() {
    new FxRobot().interact(() -> main.context().workspace().close());
  }

  private TableGridView grid(FxRobot robot) {
    return robot.lookup("#table-content").queryAs(TableBuilderView.class).grid();
  }

  @Test
  void draggingFieldsToRowsAndColumnsShowsTheCrossTab(FxRobot robot) {
    robot.drag("#field-region").dropTo("#zone-rows");
    robot.drag("#field-sex").dropTo("#zone-columns");
    WaitForAsyncUtils.waitForFxEvents();
    TableGridView g = grid(robot);
    // One header row, East/North/South/Total; region header column, F, M, Total.
    assertThat(g.gridRowCount()).isEqualTo(5);
    assertThat(g.gridColumnCount()).isEqualTo(4);
    assertThat(g.textAt(0, 0)).isEqualTo("region");
    assertThat(g.textAt(0, 1)).isEqualTo("F");
    assertThat(g.textAt(0, 3)).isEqualTo("Total");
    assertThat(g.textAt(1, 0)).isEqualTo("East");
    assertThat(g.textAt(4, 0)).isEqualTo("Total");
    assertThat(g.textAt(4, 3)).isEqualTo("60");
    assertThat(g.styleAt(4, 3)).contains("grid-total");
    Table shared = main.context().currentTable().table();
    assertThat(shared.dimensions()).extracting(d -> d.variable()).containsExactly("region", "sex");
  }

  @Test
  void draggingAChipBetweenZonesNestsItAndDraggingItOutRemovesIt(FxRobot robot) {
    robot.drag("#field-region").dropTo("#zone-rows");
    robot.drag("#field-sex").dropTo("#zone-columns");
    robot.drag("#chip-sex").dropTo("#zone-rows");
    WaitForAsyncUtils.waitForFxEvents();
    TableGridView g = grid(robot);
    assertThat(g.textAt(0, 0)).isEqualTo("region");
    assertThat(g.textAt(0, 1)).isEqualTo("sex");
    assertThat(g.textAt(1, 1)).isEqualTo("F");
    assertThat(robot.lookup("#zone-columns").lookup("#chip-sex").tryQuery()).isEmpty();

    robot.drag("#chip-sex").dropTo("#tableGrid");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#chip-sex").tryQuery()).isEmpty();
    assertThat(grid(robot).textAt(0, 1)).isEqualTo("Count");
  }

  @Test
  void keyboardShortcutsAddTheSelectedFieldWithoutDragging(FxRobot robot) {
    robot
        .clickOn("#field-region")
        .press(KeyCode.CONTROL, KeyCode.DIGIT1)
        .release(KeyCode.DIGIT1, KeyCode.CONTROL);
    robot
        .clickOn("#field-sex")
        .press(KeyCode.CONTROL, KeyCode.DIGIT2)
        .release(KeyCode.DIGIT2, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(grid(robot).textAt(4, 3)).isEqualTo("60");
    robot.clickOn("#chip-sex").type(KeyCode.ESCAPE);
    robot.interact(() -> robot.lookup("#chip-sex").query().requestFocus());
    robot.type(KeyCode.DELETE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#chip-sex").tryQuery()).isEmpty();
  }
}
