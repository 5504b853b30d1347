package org.statbench.app.cohort.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.cohort.CohortView;
import org.statbench.app.cohort.CohortViewModel;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
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
 * The "Status over time" mode of the Cohorts tab, headless, on the hand-worked case of the engine's
 * golden test: cohort 2020-01 (P1, P2) is half JSA and half ESA at duration 0; cohort 2020-02 (P3,
 * P4) is all off benefit at 0 and half on UC at 1; as of 2020-04-29 duration 3 is censored.
 */
@ExtendWith(ApplicationExtension.class)
class StatusModeViewTest {
  @TempDir static Path shared;
  static Workspace ws;

  private CohortViewModel vm;
  private RecordingDialogService dialogs;

  @BeforeAll
  static void importPeopleAndSpells() throws Exception {
    Path people = shared.resolve("people.csv");
    Files.writeString(
        people,
        "id,entry,outcome,g\n"
            + "P1,2020-01-31,,A\nP2,2020-01-15,2020-03-20,B\nP3,2020-02-10,,A\n"
            + "P4,2020-02-29,,B\n");
    Path spells = shared.resolve("spells.csv");
    Files.writeString(
        spells,
        "pid,benefit,start,end\n"
            + "P1,JSA,2020-01-01,2020-02-28\nP1,ESA,2020-02-29,\nP2,ESA,2020-01-10,2020-03-14\n"
            + "P2,JSA,2020-02-01,2020-02-20\nP4,UC,2020-03-29,2020-04-28\nP9,JSA,2020-01-01,\n");
    ws = Workspace.open(shared.resolve("ws"));
    for (Path f : List.of(people, spells)) {
      String name = f.getFileName().toString().replace(".csv", "");
      ws.importCsv(ImportRequest.of(name, f), ProgressListener.NONE, CancellationToken.NONE);
    }
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  @Start
  void start(Stage stage) {
    SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    dialogs = new RecordingDialogService();
    WorkspaceModel model =
        new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(shared.resolve("home")));
    model.use(ws, ws.datasets());
    vm = new CohortViewModel(tasks, dialogs, model);
    vm.datasetProperty().set("people");
    vm.entryProperty().set("entry");
    vm.eventProperty().set("outcome");
    vm.horizonProperty().set(3);
    vm.asOfProperty().set(LocalDate.parse("2020-04-29"));
    stage.setScene(
        new Scene(new javafx.scene.layout.BorderPane(new CohortView(vm).node()), 1300, 850));
    stage.show();
  }

  private void statusMode(FxRobot robot) {
    robot.clickOn("#cohortModeStatus");
    robot.interact(() -> vm.status().spellsProperty().set("spells"));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static String heatCell(FxRobot robot, int row, int column) {
    GridPane grid = robot.lookup("#statusHeatMap").queryAs(GridPane.class);
    for (Node n : grid.getChildren()) {
      Integer r = GridPane.getRowIndex(n);
      Integer c = GridPane.getColumnIndex(n);
      if (r != null && c != null && r == row && c == column) {
        return ((Label) n).getText();
      }
    }
    throw new AssertionError("no heat-map cell " + row + "," + column);
  }

  @Test
  void statusModeGuessesTheSpellColumnsAndDrawsTheStatesAndOneStatesHeatMap(FxRobot robot) {
    statusMode(robot);

    StatusViewModel s = vm.status();
    assertThat(s.idProperty().get()).isEqualTo("id");
    assertThat(s.spellIdProperty().get()).isEqualTo("pid");
    assertThat(s.stateProperty().get()).isEqualTo("benefit");
    assertThat(List.of(s.startProperty().get(), s.endProperty().get()))
        .containsExactly("start", "end");
    assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText())
        .contains("4 people in 2 cohorts")
        .contains("1 spell of people outside the cohort ignored");
    @SuppressWarnings("unchecked")
    StackedAreaChart<Number, Number> chart =
        robot.lookup("#statusChart").queryAs(StackedAreaChart.class);
    assertThat(chart.getData())
        .extracting(x -> x.getName())
        .containsExactly("JSA", "ESA", "UC", "Off benefit");
    // All cohorts pooled: at duration 1, UC is P4 of 4 people; duration 3 is censored for both.
    assertThat(chart.getData().get(2).getData())
        .extracting(p -> p.getXValue().intValue() + "=" + p.getYValue().doubleValue())
        .containsExactly("0=0.0", "1=25.0", "2=0.0");
    // Heat map of JSA: row 1 is cohort 2020-01 (column 1 = duration 0): 1 of 2.
    assertThat(heatCell(robot, 1, 1)).isEqualTo("50");
    assertThat(heatCell(robot, 1, 4)).isEmpty();

    robot.interact(() -> s.heatStateProperty().set("Off benefit"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(heatCell(robot, 2, 1)).isEqualTo("100");
  }

  @Test
  void exportReleasesTheProtectedCountsThroughTheGate(FxRobot robot) throws Exception {
    statusMode(robot);
    Path file = shared.resolve("status-export.csv");
    dialogs.files.add(file);

    robot.clickOn("#statusExportTable");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(dialogs.errors).isEmpty();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("cohort,duration,state,measure,value,status");
    // Every non-zero count here is below the threshold of 10: none is published.
    assertThat(lines).noneMatch(l -> l.matches(".*,count,[1-9],ok.*"));
    assertThat(lines).anyMatch(l -> l.contains(",count,,primary"));
  }

  @Test
  void aSavedStatusDefinitionReopensInStatusMode(FxRobot robot) {
    statusMode(robot);
    robot.interact(() -> vm.status().priorityProperty().set("ESA,JSA"));
    Path file = shared.resolve("status.cohort.json");
    dialogs.files.add(file);
    robot.clickOn("#statusSave");
    robot.clickOn("#cohortModeCurves");
    assertThat(vm.status().activeProperty().get()).isFalse();

    robot.interact(() -> vm.open(file));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(dialogs.errors).isEmpty();
    assertThat(vm.status().activeProperty().get()).isTrue();
    assertThat(vm.status().priorityProperty().get()).isEqualTo("ESA,JSA");
    assertThat(vm.status().resultProperty().get().states())
        .containsExactly("ESA", "JSA", "UC", "Off benefit");
  }
}
