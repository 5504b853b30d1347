package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.MainViewModel;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.shell.StatBenchApp;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.geo.GeoJoins;
import org.statbench.geo.JoinSpec;
import org.statbench.sampledata.SampleData;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Roll-up through a join, as the analyst does it: an extract of output areas joined to the sample
 * geography lookup, msoa on the rows, and "Roll up to la > region" from the chip's menu.
 */
@ExtendWith(ApplicationExtension.class)
class HierarchyRollUpGuiTest {
  @TempDir Path dir;
  private MainViewModel main;

  @Start
  void start(Stage stage) throws Exception {
    Path files = dir.resolve("files");
    SampleData.copyTo(files);
    // 15 matched records in 2 regions, 3 LAs, 5 MSOAs, and one area the lookup does not know
    StringBuilder csv = new StringBuilder("id,oa_code\n");
    Map<String, Integer> records = new LinkedHashMap<>();
    records.put("E00900001", 3); // msoa E02900001, la E06900001, region E12900001
    records.put("E00900024", 2); // msoa E02900002, la E06900001, region E12900001
    records.put("E00900075", 4); // msoa E02900004, la E07900001, region E12900001
    records.put("E00900300", 5); // msoa E02900013, la E07900002, region E12900002
    records.put("E00900330", 1); // msoa E02900014, la E07900002, region E12900002
    records.put("E00999998", 1); // unknown code: no msoa
    int id = 0;
    for (Map.Entry<String, Integer> e : records.entrySet()) {
      for (int k = 0; k < e.getValue(); k++) {
        csv.append(++id).append(',').append(e.getKey()).append('\n');
      }
    }
    Path extract = dir.resolve("areas.csv");
    Files.writeString(extract, csv);
    Workspace ws = Workspace.open(dir.resolve("ws"));
    ws.importCsv(ImportRequest.of("areas", extract), ProgressListener.NONE, CancellationToken.NONE);
    GeoJoins geo = new GeoJoins(ws);
    geo.importLookup(
        ImportRequest.of(
            SampleData.GEOGRAPHY.datasetName(), files.resolve(SampleData.GEOGRAPHY.fileName())),
        "2011",
        null,
        ProgressListener.NONE,
        CancellationToken.NONE);
    geo.join(
        "areas",
        SampleData.GEOGRAPHY.datasetName(),
        null,
        JoinSpec.of("oa_code").withLevels(List.of("msoa", "la", "region")),
        CancellationToken.NONE);
    StatBenchApp.createMainView(
        stage,
        new SameThreadTaskRunner(),
        new RecordingDialogService(),
        new WorkspacePreferences(dir.resolve("home")));
    main = (MainViewModel) stage.getUserData();
    main.context().workspace().use(ws, ws.datasets());
    main.context().workspace().selectedDatasetProperty().set(ws.dataset("areas"));
    stage.setWidth(1240);
    stage.setHeight(780);
    stage.show();
  }

  @AfterEach
  void close() {
    new FxRobot().interact(() -> main.context().workspace().close());
  }

  @Test
  void rollingMsoaUpToLaAndRegionFromTheChipMenuNestsSubtotalsThatAddUp(FxRobot robot) {
    robot
        .clickOn("#field-msoa")
        .press(KeyCode.CONTROL, KeyCode.DIGIT1)
        .release(KeyCode.DIGIT1, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#zone-rows #chip-msoa", MouseButton.SECONDARY);
    robot.clickOn("Roll up to la > region");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(robot.lookup("#zone-rows #chip-msoa").queryLabeled().getText())
        .isEqualTo("msoa > la > region");
    TableGridView g = grid(robot);
    assertThat(rowTotals(g)).containsExactlyEntriesOf(expectedRollUp());
    // subtotals are styled as totals; each level is indented one step further
    assertThat(g.styleAt(1, 0)).contains("grid-total-header");
    assertThat(g.styleAt(2, 0)).contains("grid-total-header");
    assertThat(g.styleAt(3, 0)).doesNotContain("grid-total-header");
    assertThat(inlineStyle(g, 1)).isEmpty();
    assertThat(inlineStyle(g, 2)).contains("-fx-padding: 0 0 0 22px");
    assertThat(inlineStyle(g, 3)).contains("-fx-padding: 0 0 0 38px");
  }

  @Test
  void theRollUpDialogBuildsTheSameChainLevelByLevel(FxRobot robot) {
    msoaOnRowsAndOpenTheRollUpDialog(robot);
    ChoiceBox<String> parent = choice(robot, "#rollUpLevel1");
    ChoiceBox<String> grandparent = choice(robot, "#rollUpLevel2");
    robot.interact(
        () -> {
          parent.setValue("la");
          grandparent.setValue("region");
        });
    robot.clickOn(okButton(robot));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(robot.lookup("#zone-rows #chip-msoa").queryLabeled().getText())
        .isEqualTo("msoa > la > region");
    assertThat(rowTotals(grid(robot))).containsExactlyEntriesOf(expectedRollUp());
  }

  @Test
  void aLevelChosenAfterAnEmptyOneIsExplainedAndLeavesTheTableAlone(FxRobot robot) {
    msoaOnRowsAndOpenTheRollUpDialog(robot);
    Map<String, String> before = rowTotals(grid(robot));
    ChoiceBox<String> grandparent = choice(robot, "#rollUpLevel2");
    robot.interact(() -> grandparent.setValue("region"));
    robot.clickOn(okButton(robot));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(robot.lookup("#rollUpError").queryLabeled().getText())
        .contains("region comes after a level left at (none)");
    robot.clickOn(
        (Button)
            robot
                .lookup("#rollUpDialog")
                .queryAs(DialogPane.class)
                .lookupButton(ButtonType.CANCEL));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#zone-rows #chip-msoa").queryLabeled().getText()).isEqualTo("msoa");
    assertThat(rowTotals(grid(robot))).isEqualTo(before);
  }

  private static void msoaOnRowsAndOpenTheRollUpDialog(FxRobot robot) {
    robot
        .clickOn("#field-msoa")
        .press(KeyCode.CONTROL, KeyCode.DIGIT1)
        .release(KeyCode.DIGIT1, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#zone-rows #chip-msoa", MouseButton.SECONDARY);
    robot.clickOn("Roll up to…");
    WaitForAsyncUtils.waitForFxEvents();
  }

  @SuppressWarnings("unchecked")
  private static ChoiceBox<String> choice(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(ChoiceBox.class);
  }

  private static Button okButton(FxRobot robot) {
    return (Button)
        robot.lookup("#rollUpDialog").queryAs(DialogPane.class).lookupButton(ButtonType.OK);
  }

  private static TableGridView grid(FxRobot robot) {
    return robot.lookup("#table-content").queryAs(TableBuilderView.class).grid();
  }

  /** Row label to the last column's value, top to bottom. */
  private static Map<String, String> rowTotals(TableGridView g) {
    Map<String, String> rows = new LinkedHashMap<>();
    for (int r = 1; r < g.gridRowCount(); r++) {
      rows.put(g.textAt(r, 0), g.textAt(r, g.gridColumnCount() - 1));
    }
    return rows;
  }

  /** msoa under la under region, counted by hand from the records written in start(). */
  private static Map<String, String> expectedRollUp() {
    Map<String, String> want = new LinkedHashMap<>();
    want.put("E12900001", "9");
    want.put("E06900001", "5");
    want.put("E02900001", "3");
    want.put("E02900002", "2");
    want.put("E07900001", "4");
    want.put("E02900004", "4");
    want.put("E12900002", "6");
    want.put("E07900002", "6");
    want.put("E02900013", "5");
    want.put("E02900014", "1");
    want.put("Missing", "1");
    want.put("Total", "16");
    return want;
  }

  private static String inlineStyle(TableGridView g, int row) {
    String s = g.sheet().getGrid().getRows().get(row).get(0).getStyle();
    return s == null ? "" : s;
  }
}
