package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1024x700 in presenter mode nothing is squeezed out of sight: the Cohorts tab's cohort and
 * spell controls scroll (at most a fifth and a seventh of the window's height) so the status chart,
 * heat map and message line stay on screen, and each drop zone is as tall as its wrapped title and
 * hint (the zones were squeezed to a fixed 34 px and "Wafers:" was drawn over the Rows zone's
 * hint). The import wizard's column type boxes show their whole choice (they read "auto…" in a
 * fixed 150 px column), the Fields tree shows at least five rows under the datasets list, and the
 * Joins form shows its split-rule box whole and its match report and buttons inside the window.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterSmallWindowTest {
  @TempDir Path home; // one per test: a demo workspace stays open in the previous test's window
  private final MainWindowFixture window = new MainWindowFixture();

  @Start
  void start(Stage stage) {
    window.open(stage, home, 1024, 700);
  }

  @AfterEach
  void backToNormal(FxRobot robot) {
    window.presenter(robot, false);
  }

  @Test
  void statusResultsStayOnScreenAt1024x700InPresenterMode(FxRobot robot) {
    window.loadDemo(robot);
    window.selectTab(robot, "cohorts");
    window.presenter(robot, true);
    robot.interact(
        () -> robot.lookup("#cohortModeStatus").queryAs(ToggleButton.class).setSelected(true));
    WaitForAsyncUtils.waitForFxEvents();
    window.layout(robot);
    Node tabs = window.view().tabs();
    Node body = robot.lookup("#statusBody").query();
    javafx.geometry.Bounds shown = tabs.localToScene(tabs.getLayoutBounds());
    javafx.geometry.Bounds b = body.localToScene(body.getLayoutBounds());
    double visible = Math.min(b.getMaxY(), shown.getMaxY()) - b.getMinY();
    // the chart and heat map must be on screen, not pushed below the window by the controls
    assertThat(visible)
        .as(
            "visible height of the status chart and heat map (body %.0f-%.0f, tabs end %.0f)",
            b.getMinY(), b.getMaxY(), shown.getMaxY())
        .isGreaterThanOrEqualTo(shown.getHeight() / 4);
    Node content = robot.lookup("#cohorts-content").query();
    assertThat(content.localToScene(content.getLayoutBounds()).getMaxY())
        .as("the tab's bottom line (messages) inside the window")
        .isLessThanOrEqualTo(shown.getMaxY() + 0.5);
  }

  @Test
  void everyDropZoneIsAsTallAsItsWrappedTextInPresenterModeAt1024x700(FxRobot robot) {
    window.presenter(robot, true);
    window.layout(robot);
    for (String zone : new String[] {"rows", "columns", "wafers", "filters"}) {
      Region z = robot.lookup("#zone-" + zone).queryAs(Region.class);
      double needed = z.prefHeight(z.getWidth());
      assertThat(z.getHeight())
          .as("height of the %s zone", zone)
          .isGreaterThanOrEqualTo(needed - 0.5);
    }
  }

  @Test
  void theImportWizardsTypeBoxesShowTheirWholeChoiceInPresenterModeAt1024x700(FxRobot robot)
      throws Exception {
    window.loadDemo(robot);
    window.presenter(robot, true);
    Path csv = home.resolve("people.csv");
    Files.writeString(
        csv,
        "id,region,age,visit_date,note\n1,North,34,2020-01-02,first\n2,South,41,2020-02-03,x\n");
    window.dialogs().files.add(csv);
    robot.interact(window.view()::openImportWizard);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.dialogs().errors).as("errors on opening the wizard").isEmpty();
    TableView<?> preview = robot.fromAll().lookup("#importPreview").queryAs(TableView.class);
    robot.interact(() -> preview.getScene().getRoot().layout());
    List<String> cut = new ArrayList<>();
    List<String> clipped = new ArrayList<>();
    robot.interact(
        () -> {
          for (Node n : preview.lookupAll(".combo-box")) {
            ComboBox<?> box = (ComboBox<?>) n;
            cut.addAll(Truncation.truncated(box));
            double columnWidth =
                preview.getColumns().stream()
                    .filter(c -> c.getGraphic().lookup("#" + box.getId()) != null)
                    .findFirst()
                    .orElseThrow()
                    .getWidth();
            if (columnWidth < box.getWidth()) {
              clipped.add(box.getId() + " " + box.getWidth() + " in a column of " + columnWidth);
            }
          }
        });
    robot.interact(() -> preview.getScene().getWindow().hide());
    assertThat(preview.getColumns()).hasSize(5);
    assertThat(cut).as("type boxes shown cut").isEmpty();
    assertThat(clipped).as("type boxes wider than their column").isEmpty();
  }

  @Test
  void theFieldsTreeShowsAtLeastFiveRowsInPresenterModeAt1024x700(FxRobot robot) {
    window.loadDemo(robot);
    window.presenter(robot, true);
    window.layout(robot);
    TreeView<?> tree = robot.lookup("#fieldTree").queryAs(TreeView.class);
    long[] whole = new long[1];
    StringBuilder seen = new StringBuilder();
    robot.interact(
        () -> {
          Bounds t = tree.localToScene(tree.getLayoutBounds());
          seen.append("tree ").append(t.getMinY()).append("-").append(t.getMaxY());
          tree.lookupAll(".tree-cell")
              .forEach(
                  n -> {
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    seen.append(", ")
                        .append(((TreeCell<?>) n).getText())
                        .append(n.isVisible() ? " " : " hidden ")
                        .append(b.getMinY())
                        .append("-")
                        .append(b.getMaxY());
                  });
          whole[0] =
              tree.lookupAll(".tree-cell").stream()
                  .filter(n -> n.isVisible() && ((TreeCell<?>) n).getItem() != null)
                  .map(n -> n.localToScene(n.getLayoutBounds()))
                  .filter(b -> b.getMinY() >= t.getMinY() - 0.5 && b.getMaxY() <= t.getMaxY() + 0.5)
                  .count();
        });
    assertThat(whole[0]).as("field rows shown whole (%s)", seen).isGreaterThanOrEqualTo(5);
    Node bar = robot.lookup("#statusBar").query();
    assertThat(bar.localToScene(bar.getLayoutBounds()).getMaxY())
        .as("the status bar's bottom, not pushed out of the window by the panel's minimums")
        .isLessThanOrEqualTo(window.stage().getScene().getHeight() + 0.5);
  }

  @Test
  void theJoinsFormFitsItsSplitRuleReportAndButtonsInPresenterModeAt1024x700(FxRobot robot) {
    window.loadDemo(robot);
    window.selectTab(robot, "joins");
    window.presenter(robot, true);
    window.layout(robot);
    Node split = robot.lookup("#joinSplit").query();
    List<String> cut = new ArrayList<>();
    robot.interact(() -> cut.addAll(Truncation.truncated(split)));
    assertThat(cut).as("the split-rule box").isEmpty();
    Node content = window.view().tabs();
    Bounds tabs = content.localToScene(content.getLayoutBounds());
    double bottom = Math.min(tabs.getMaxY(), window.stage().getScene().getHeight());
    for (String id : new String[] {"#joinSplit", "#joinExport", "#joinPreview", "#joinApply"}) {
      Node n = robot.lookup(id).query();
      Bounds b = n.localToScene(n.getLayoutBounds());
      assertThat(b.getMaxX()).as("right edge of %s", id).isLessThanOrEqualTo(tabs.getMaxX());
      if (!id.equals("#joinExport")) { // the report may be below the form, scrolled to
        assertThat(b.getMaxY()).as("bottom of %s", id).isLessThanOrEqualTo(bottom);
      }
    }
    robot.interact(() -> robot.lookup("#joinPreview").queryAs(Button.class).fire());
    WaitForAsyncUtils.waitForFxEvents();
    window.layout(robot);
    List<String> after = new ArrayList<>();
    robot.interact(
        () -> {
          after.addAll(Truncation.truncated(robot.lookup("#joins-content").query()));
          for (Node c : robot.lookup("#joinReport").query().lookupAll(".table-cell")) {
            TableCell<?, ?> cell = (TableCell<?, ?>) c;
            if (cell.isVisible()
                && cell.getText() != null
                && cell.prefHeight(cell.getWidth()) > cell.getHeight() + 0.5) {
              after.add(cell.getText() + " in a row " + cell.getHeight() + " px high");
            }
          }
        });
    assertThat(after).as("cut after a preview (the message and the report's rows)").isEmpty();
  }

  @Test
  void noLabelIsCutOnAnyTabAt1024x700InAnyLook(FxRobot robot) {
    window.loadDemo(robot);
    List<String> cut = new ArrayList<>();
    List<String> tall = new ArrayList<>();
    for (String look : List.of("light", "dark", "high-contrast", "presenter")) {
      window.look(robot, look.equals("presenter") ? "light" : look, look.equals("presenter"));
      for (String tab : List.of("table", "chart", "cohorts", "status", "joins", "linkage")) {
        window.selectTab(robot, tab.equals("status") ? "cohorts" : tab);
        robot.interact(
            () ->
                robot
                    .lookup("#cohortModeStatus")
                    .queryAs(ToggleButton.class)
                    .setSelected(tab.equals("status")));
        WaitForAsyncUtils.waitForFxEvents();
        window.layout(robot);
        robot.interact(
            () ->
                Truncation.truncated(window.stage().getScene().getRoot())
                    .forEach(c -> cut.add(look + " " + tab + ": " + c)));
        Node bar = robot.lookup("#statusBar").query();
        if (bar.localToScene(bar.getLayoutBounds()).getMaxY()
            > window.stage().getScene().getHeight() + 0.5) {
          cut.add(look + " " + tab + ": the status bar below the window");
        }
      }
      Labeled note = robot.lookup("#recordReleaseNote").queryAs(Labeled.class);
      double lines = note.getHeight() / (note.getFont().getSize() * 1.4);
      if (lines > 4) { // squeezed beside its buttons it was a column of single words
        tall.add(String.format("%.1f lines in %s", lines, look));
      }
    }
    window.look(robot, "light", false);
    assertThat(cut).as("labels cut").isEmpty();
    assertThat(tall).as("the Linkage tab's record release note").isEmpty();
  }

  @Test
  void theCohortCurvesAreFullWidthWithTheirHintOnALineInPresenterModeAt1024x700(FxRobot robot) {
    window.loadDemo(robot);
    window.selectTab(robot, "cohorts");
    robot.interact(
        () ->
            robot.lookup("#cohortDefinition").queryAs(MenuButton.class).getItems().stream()
                .filter(i -> i.getText() != null && i.getText().startsWith("Job outcome"))
                .findFirst()
                .orElseThrow()
                .fire());
    window.presenter(robot, true);
    window.layout(robot);
    Labeled hint = robot.lookup("#cohortCurveHint").queryAs(Labeled.class);
    assertThat(hint.getHeight() / (hint.getFont().getSize() * 1.4))
        .as("lines of the curves hint (squeezed beside the choice it was five)")
        .isLessThanOrEqualTo(2);
    Node scroll = robot.lookup("#cohortChartScroll").query();
    Node curves = robot.lookup("#cohortCurves").query();
    javafx.scene.layout.Region content =
        robot.lookup("#cohorts-content").queryAs(javafx.scene.layout.Region.class);
    double tabWidth = ((javafx.scene.layout.Region) window.view().tabs()).getWidth();
    assertThat(content.getWidth())
        .as(
            "the Cohorts tab's width (the horizon chart and the saved definitions' links made it wider)")
        .isLessThanOrEqualTo(tabWidth);
    assertThat(curves.localToScene(curves.getLayoutBounds()).getMaxX())
        .as("right edge of the curves chart, not scrolled out of sight")
        .isLessThanOrEqualTo(scroll.localToScene(scroll.getLayoutBounds()).getMaxX() + 0.5);
  }
}
