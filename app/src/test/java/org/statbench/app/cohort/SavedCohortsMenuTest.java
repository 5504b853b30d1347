package org.statbench.app.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.MainViewModel;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.shell.StatBenchApp;
import org.statbench.app.workspace.SampleWorkspace;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.sampledata.SampleData;
import org.statbench.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Cohort definitions saved in the workspace are listed like saved tables (Table > Saved cohort
 * definitions): one click brings the Cohorts tab to the front and computes the definition.
 */
@ExtendWith(ApplicationExtension.class)
class SavedCohortsMenuTest {
  private static final String TITLE = "Job outcome within 12 months by monthly referral cohort";

  @TempDir static Path shared;
  static Workspace ws;

  private RecordingDialogService dialogs;
  private MainViewModel main;

  @BeforeAll
  static void workspaceWithTheShippedDefinition() throws Exception {
    ws = SampleReferralsWorkspace.create(shared);
    Path cohorts = Files.createDirectories(ws.directory().resolve(SavedCohorts.COHORTS_DIR));
    try (InputStream in =
        SampleData.class
            .getClassLoader()
            .getResourceAsStream(SampleData.RESOURCE_DIR + SampleWorkspace.COHORT_DEFINITION)) {
      Files.copy(in, cohorts.resolve(SampleWorkspace.COHORT_DEFINITION));
    }
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  @Start
  void start(Stage stage) {
    dialogs = new RecordingDialogService();
    StatBenchApp.createMainView(
        stage, new SameThreadTaskRunner(), dialogs, new WorkspacePreferences(shared.resolve("h")));
    main = (MainViewModel) stage.getUserData();
    main.context().workspace().use(ws, ws.datasets());
    stage.show();
  }

  @Test
  void oneClickOnASavedDefinitionShowsTheCohortsTabWithItsTriangle(FxRobot robot) {
    TabPane tabs = robot.lookup("#featureTabs").queryAs(TabPane.class);
    robot.interact(() -> tabs.getSelectionModel().select(0));
    Menu saved = (Menu) menuItem(robot, "menuSavedCohorts");
    assertThat(saved.getItems()).extracting(MenuItem::getText).containsExactly(TITLE);

    robot.clickOn("#menu-table").clickOn("Saved cohort definitions").clickOn(TITLE);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(dialogs.errors).isEmpty();
    assertThat(tabs.getSelectionModel().getSelectedItem())
        .extracting(Tab::getId)
        .isEqualTo("cohorts-tab");
    TableView<?> triangle = robot.lookup("#cohortTriangle").queryAs(TableView.class);
    // As of 31 March 2015: 43 monthly cohorts from June 2011; June 2011 reaches 25.1% (162 of 646)
    // within 12 months.
    assertThat(triangle.getItems()).hasSize(43);
    TriangleRow june = (TriangleRow) triangle.getItems().get(0);
    assertThat(june.label()).isEqualTo("2011-06");
    assertThat(june.size()).isEqualTo(646);
    assertThat(june.cells().get(12).cumulative()).isEqualTo(162.0 / 646);
    assertThat(robot.lookup("#cohortMessage").queryAs(Label.class).getText())
        .contains("as of 2015-03-31");
    // and it is now the first recent definition
    Menu recent = (Menu) menuItem(robot, "menuRecentCohorts");
    assertThat(recent.getItems()).extracting(MenuItem::getText).first().isEqualTo(TITLE);
  }

  @Test
  void theEmptyCohortsTabOffersTheSavedDefinitionsAsLinks(FxRobot robot) {
    TabPane tabs = robot.lookup("#featureTabs").queryAs(TabPane.class);
    robot.interact(
        () ->
            tabs.getTabs().stream()
                .filter(t -> "cohorts-tab".equals(t.getId()))
                .findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
    // without an entry date there is no triangle: the placeholder lists the saved definitions
    javafx.scene.control.ComboBox<?> entry =
        robot.lookup("#cohortEntry").queryAs(javafx.scene.control.ComboBox.class);
    robot.interact(() -> entry.setValue(null));
    TableView<?> triangle = robot.lookup("#cohortTriangle").queryAs(TableView.class);
    assertThat(triangle.getItems()).isEmpty();
    assertThat(robot.lookup("#cohortOpenLinks").tryQuery()).isPresent();

    robot.clickOn(TITLE);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(dialogs.errors).isEmpty();
    assertThat(triangle.getItems()).hasSize(43);
    assertThat(((TriangleRow) triangle.getItems().get(0)).size()).isEqualTo(646);
  }

  @Test
  void theDisclosurePanelChecksTheCohortTableWhileTheCohortsTabShows(FxRobot robot) {
    TabPane tabs = robot.lookup("#featureTabs").queryAs(TabPane.class);
    robot.interact(() -> tabs.getSelectionModel().select(0));
    WaitForAsyncUtils.waitForFxEvents();
    Label headline = robot.lookup("#disclosure-headline").queryAs(Label.class);
    // the builder has no table yet: that is what the panel says while its tab is in front
    assertThat(headline.getText()).isEqualTo("No table");

    robot.clickOn("#menu-table").clickOn("Saved cohort definitions").clickOn(TITLE);
    WaitForAsyncUtils.waitForFxEvents();

    // the cohort count table: its cells are counted and checked (43 cohorts, so many cells)
    assertThat(headline.getText()).matches("(All )?[0-9,]+ cells? (pass|fails?)");
    robot.interact(() -> tabs.getSelectionModel().select(0));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(headline.getText()).isEqualTo("No table");
  }

  private static MenuItem menuItem(FxRobot robot, String id) {
    return robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
        .flatMap(m -> m.getItems().stream())
        .filter(i -> id.equals(i.getId()))
        .findFirst()
        .orElseThrow();
  }
}
