package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.TestFixtures;
import org.statbench.app.shell.DialogService.Refusal;
import org.statbench.app.shell.DialogService.RefusalChoice;
import org.statbench.app.shell.DialogService.UnsavedChoice;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's dialogs on a small screen (1024x700): the refusal dialog fits with its buttons
 * visible, and New table asks before it throws unsaved work away (issue 16, items 2 and 3).
 */
@ExtendWith(ApplicationExtension.class)
class WindowDialogsGuiTest {
  @TempDir Path dir;
  private Stage stage;
  private Workspace ws;
  private MainViewModel main;
  private RecordingDialogService dialogs;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    ws = Workspace.open(dir.resolve("ws"));
    ws.importCsv(
        ImportRequest.of("people", TestFixtures.csv("people.csv")),
        ProgressListener.NONE,
        CancellationToken.NONE);
    dialogs = new RecordingDialogService();
    StatBenchApp.createMainView(
        stage, new SameThreadTaskRunner(), dialogs, new WorkspacePreferences(dir.resolve("home")));
    main = (MainViewModel) stage.getUserData();
    main.context().workspace().use(ws, ws.datasets());
    stage.setX(0);
    stage.setY(0);
    stage.setWidth(1024);
    stage.setHeight(700);
    stage.show();
  }

  @AfterEach
  void close() {
    new FxRobot().interact(() -> main.context().workspace().close());
  }

  @Test
  void theRefusalDialogFitsA1024x700ScreenWithItsButtonsVisible(FxRobot robot) {
    // 400 failing cells with long labels: the old dialog put them on one 3,400 px line
    List<String> cells =
        IntStream.range(0, 400)
            .mapToObj(
                i -> "(E0600" + i + ", Hartlepool and district " + i + ", F) primary:threshold")
            .toList();
    Refusal refusal =
        new Refusal(
            "400 cells fail the disclosure rules: threshold (380 cells), dominance (20 cells).",
            cells,
            true,
            true);
    AtomicReference<RefusalChoice> answer = new AtomicReference<>();
    Platform.runLater(() -> answer.set(new FxDialogService(() -> stage).askAboutRefusal(refusal)));
    WaitForAsyncUtils.waitForFxEvents();

    Node pane = robot.lookup("#refusalDialog").query();
    Window dialog = pane.getScene().getWindow();
    assertThat(dialog.getWidth()).isLessThanOrEqualTo(1024);
    assertThat(dialog.getHeight()).isLessThanOrEqualTo(700);
    for (String id : List.of("#refusal-protect", "#refusal-request", "#refusal-cancel")) {
      Node button = robot.lookup(id).query();
      assertThat(button.isVisible()).as(id).isTrue();
      Bounds b = button.localToScreen(button.getBoundsInLocal());
      assertThat(b.getMinX()).as(id).isGreaterThanOrEqualTo(dialog.getX());
      assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(dialog.getX() + dialog.getWidth());
      assertThat(b.getMaxY()).as(id).isLessThanOrEqualTo(dialog.getY() + dialog.getHeight());
    }
    assertThat(robot.lookup("#refusal-request").queryButton().getText())
        .isEqualTo("Request clearance…");

    robot.clickOn("#refusal-cancel");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(answer.get()).isEqualTo(RefusalChoice.CANCEL);
  }

  @Test
  void newTableWithUnsavedChangesAsksFirstAndCancelKeepsTheTable(FxRobot robot) {
    robot.drag("#field-region").dropTo("#zone-rows");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#chip-region").tryQuery()).isPresent();

    dialogs.unsavedAnswer = UnsavedChoice.CANCEL;
    robot.clickOn("#menu-table").clickOn("#menuNewTable");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(dialogs.unsavedQuestions)
        .singleElement()
        .asString()
        .isEqualTo("The new table has unsaved changes. Save them before starting a new table?");
    assertThat(robot.lookup("#chip-region").tryQuery()).isPresent();

    dialogs.unsavedAnswer = UnsavedChoice.DISCARD;
    robot.clickOn("#menu-table").clickOn("#menuNewTable");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(dialogs.unsavedQuestions).hasSize(2);
    assertThat(robot.lookup("#chip-region").tryQuery()).isEmpty();
    // nothing left to lose: a second New table does not ask
    robot.clickOn("#menu-table").clickOn("#menuNewTable");
    assertThat(dialogs.unsavedQuestions).hasSize(2);
  }

  @Test
  void theSaveDialogsSuggestTheTablesNameWithItsExtension(FxRobot robot) {
    robot.drag("#field-region").dropTo("#zone-rows");
    WaitForAsyncUtils.waitForFxEvents();

    fire(robot, "menuSaveTableAs");
    fire(robot, "menu-export-table");

    // the table of region (no saved file yet) is called after its variable
    assertThat(dialogs.suggestedNames).containsExactly("region.table.json", "region.xlsx");
  }

  @Test
  void closingTheWindowWithUnsavedWorkAsksAndCancelKeepsItOpen(FxRobot robot) {
    javafx.event.EventHandler<javafx.stage.WindowEvent> guard = stage.getOnCloseRequest();
    javafx.stage.WindowEvent nothingToLose = closeRequest();
    robot.interact(() -> guard.handle(nothingToLose));
    assertThat(dialogs.unsavedQuestions).isEmpty();
    assertThat(nothingToLose.isConsumed()).isFalse();

    robot.drag("#field-region").dropTo("#zone-rows");
    WaitForAsyncUtils.waitForFxEvents();
    dialogs.unsavedAnswer = UnsavedChoice.CANCEL;
    javafx.stage.WindowEvent cancelled = closeRequest();
    robot.interact(() -> guard.handle(cancelled));

    assertThat(dialogs.unsavedQuestions)
        .singleElement()
        .asString()
        .isEqualTo("The new table has unsaved changes. Save them before closing StatBench?");
    assertThat(cancelled.isConsumed()).as("the window stays open").isTrue();

    dialogs.unsavedAnswer = UnsavedChoice.DISCARD;
    javafx.stage.WindowEvent discarded = closeRequest();
    robot.interact(() -> guard.handle(discarded));
    assertThat(dialogs.unsavedQuestions).hasSize(2);
    assertThat(discarded.isConsumed()).as("the window closes").isFalse();
  }

  private javafx.stage.WindowEvent closeRequest() {
    return new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
  }

  private static void fire(FxRobot robot, String id) {
    javafx.scene.control.MenuItem item =
        robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
            .flatMap(m -> m.getItems().stream())
            .filter(i -> id.equals(i.getId()))
            .findFirst()
            .orElseThrow();
    robot.interact(item::fire);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
