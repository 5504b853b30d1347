package org.statbench.app.tablebuilder.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.MainViewModel;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.shell.StatBenchApp;
import org.statbench.app.tablebuilder.TableBuilderView;
import org.statbench.app.tablebuilder.TableGridView;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.store.Workspace;
import org.statbench.tabulate.survey.SurveyDesign;
import org.statbench.tabulate.survey.SurveyDesigns;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The survey design dialog and the survey grid in the real main window. */
@ExtendWith(ApplicationExtension.class)
class SurveyGuiTest {
  @TempDir Path dir;
  private Workspace ws;
  private MainViewModel main;
  private final RecordingDialogService dialogs = new RecordingDialogService();

  @Start
  void start(Stage stage) {
    ws = SurveyTestData.workspace(dir.resolve("ws"));
    StatBenchApp.createMainView(
        stage, new SameThreadTaskRunner(), dialogs, new WorkspacePreferences(dir.resolve("home")));
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

  @SuppressWarnings("unchecked")
  private static void pick(FxRobot robot, String id, String text) {
    ComboBox<String> box = robot.lookup(id).queryAs(ComboBox.class);
    robot.interact(() -> box.getEditor().setText(text));
  }

  @Test
  void designDialogKeepsTheDesignOrNamesTheBadVariable(FxRobot robot) {
    // offered in the datasets list's context menu and in the Datasets menu
    javafx.scene.control.TableRow<?> row =
        robot
            .lookup("#datasetList .table-row-cell")
            .nth(0)
            .queryAs(javafx.scene.control.TableRow.class);
    assertThat(row.getContextMenu().getItems())
        .extracting(javafx.scene.control.MenuItem::getText)
        .contains("Survey design…");
    robot.clickOn("#menu-datasets").clickOn("Survey design…");
    pick(robot, "#surveyWeight", "w");
    pick(robot, "#surveyStrata", "stratum_typo");
    robot.clickOn("#surveyDesignOk");

    assertThat(robot.lookup("#surveyMessage").queryAs(Label.class).getText())
        .contains("'stratum_typo'");
    assertThat(SurveyDesigns.of(ws, SurveyTestData.DATASET)).isEmpty();

    pick(robot, "#surveyStrata", "stratum");
    pick(robot, "#surveyPsu", "psu");
    robot.interact(
        () ->
            robot
                .lookup("#surveyLonely")
                .queryAs(ComboBox.class)
                .setValue(SurveyDesign.LonelyPsu.CERTAINTY));
    robot.clickOn("#surveyDesignOk");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(SurveyDesigns.of(ws, SurveyTestData.DATASET).orElseThrow().toText())
        .isEqualTo("weight=w;strata=stratum;psu=psu;lonely=certainty");
    assertThat(robot.lookup("#surveyDesignDialog").tryQuery()).isEmpty();
    assertThat(dialogs.customDialogs).containsExactly("surveyDesignDialog");
    // shown in the dataset's properties
    assertThat(robot.lookup(".muted").queryAllAs(Label.class))
        .anyMatch(l -> l.getText() != null && l.getText().contains("survey design: weight w"));
  }

  @Test
  void showSelectorTurnsTheGridIntoStandardErrorsAndFlaggedCellsGiveTheirReason(FxRobot robot) {
    robot.interact(
        () -> {
          SurveyDesigns.set(ws, SurveyTestData.DATASET, SurveyDesign.weightOnly("w"));
          main.context().workspace().propertiesChanged();
        });
    robot.drag("#field-region").dropTo("#zone-rows");
    WaitForAsyncUtils.waitForFxEvents();
    TableGridView g = robot.lookup("#table-content").queryAs(TableBuilderView.class).grid();
    // rows: header, North, South, Total; North (20 of 40 records) is withheld: base under 30
    assertThat(g.textAt(1, 0)).isEqualTo("North");
    assertThat(g.textAt(1, 1)).isEqualTo("[20]");
    assertThat(g.tooltipAt(1, 1))
        .isEqualTo("unweighted base 20 is under 30: withheld as unreliable");
    assertThat(g.styleAt(1, 1)).contains("survey-withheld");

    robot.interact(() -> robot.lookup("#surveyShow").queryAs(ComboBox.class).setValue(Show.SE));

    // count SE with weight 1, each record its own PSU: sqrt(n/(n-1) * n p (1-p)), n = 40, p = 1/2
    double se = Math.sqrt(40.0 / 39 * 40 * 0.25);
    assertThat(g.textAt(1, 1)).isEqualTo(String.format(Locale.ROOT, "[%,.2f]", se));
    assertThat(robot.lookup("#surveyLegend").queryAs(Label.class).getText())
        .contains("withheld")
        .contains("hover");
  }

  @Test
  @SuppressWarnings("unchecked")
  void distributionInTheMeasureListAsksForTheGroupsAndGivesSharesMeansAndGini(FxRobot robot) {
    robot.interact(
        () -> {
          SurveyDesigns.set(ws, SurveyTestData.DATASET, SurveyDesign.weightOnly("w"));
          main.context().workspace().propertiesChanged();
        });
    ComboBox<Object> measures = robot.lookup("#measureKind").queryAs(ComboBox.class);
    robot.interact(
        () ->
            measures.getItems().stream()
                .filter(
                    o -> measures.getConverter().toString(o).equals(SurveyDisplay.MEASURE_CHOICE))
                .findFirst()
                .ifPresent(measures::setValue));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(
        () -> {
          robot.lookup("#distributionVariable").queryAs(ComboBox.class).setValue("income");
          robot
              .lookup("#distributionGroups")
              .queryAs(ComboBox.class)
              .setValue(QuantileGroupChoice.QUARTILES);
        });
    robot.clickOn("OK");
    WaitForAsyncUtils.waitForFxEvents();

    TableGridView g = robot.lookup("#table-content").queryAs(TableBuilderView.class).grid();
    // four quartiles of 10 records each, equal weights: each holds a quarter of the records
    assertThat(g.textAt(5, 0)).isEqualTo("Total");
    assertThat(robot.lookup("#surveyGini").queryAs(Label.class).getText())
        .startsWith("Gini coefficient of income: ")
        .contains("Mean of each group");
    assertThat(measures.getConverter().toString(measures.getValue())).isEqualTo("sum");
    assertThat(dialogs.customDialogs).containsExactly("distributionDialog");
  }
}
