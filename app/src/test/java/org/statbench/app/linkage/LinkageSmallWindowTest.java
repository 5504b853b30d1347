package org.statbench.app.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.MainWindowFixture;
import org.statbench.app.shell.Truncation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Linkage tab's set-up at 1024x700 in presenter mode, where trainers run demos: side by side
 * with the results it had 190 px, its dataset boxes, field table and rule buttons ran off under a
 * sideways scroll and Train was below the window. Now it is the first of the results' tabs at the
 * tab's full width, every control whole inside it, the tables without a sideways scroll bar, and
 * Train in sight below the sections without scrolling; in a wide window it is beside the results.
 */
@ExtendWith(ApplicationExtension.class)
class LinkageSmallWindowTest {
  @TempDir Path home; // one per test: a demo workspace stays open in the previous test's window
  private final MainWindowFixture window = new MainWindowFixture();

  @Start
  void start(Stage stage) {
    window.open(stage, home, 1024, 700);
  }

  @AfterEach
  void backToNormal(FxRobot robot) {
    window.look(robot, "light", false);
  }

  @Test
  void everySetUpControlIsWholeAndTrainInSightAt1024x700InPresenterModeInEveryTheme(FxRobot robot) {
    window.loadDemo(robot);
    window.selectTab(robot, "linkage");
    List<String> wrong = new ArrayList<>();
    for (String theme : List.of("light", "dark", "high-contrast")) {
      window.look(robot, theme, true);
      window.layout(robot);
      robot.interact(() -> wrong.addAll(problems(robot, theme)));
    }
    assertThat(wrong).as("set-up controls cut, squeezed or out of sight").isEmpty();
  }

  @Test
  void theSetUpIsBesideTheResultsInAWideWindowAndATabInANarrowOne(FxRobot robot) {
    window.loadDemo(robot);
    window.selectTab(robot, "linkage");
    TabPane results = robot.lookup("#linkTabs").queryAs(TabPane.class);
    window.resize(robot, 1600, 1000);
    window.layout(robot);
    assertThat(results.getTabs()).extracting(t -> t.getText()).doesNotContain("Set-up");
    Bounds setup = bounds(robot.lookup("#linkSetup").query());
    Bounds shown = bounds(results);
    assertThat(setup.getMaxX()).as("the set-up left of the results").isLessThan(shown.getMinX());
    assertThat(setup.getWidth()).as("the set-up's width").isGreaterThan(350);

    window.resize(robot, 1024, 700);
    window.layout(robot);
    assertThat(results.getTabs()).extracting(t -> t.getText()).first().isEqualTo("Set-up");
    assertThat(results.getSelectionModel().getSelectedIndex()).isZero();
    assertThat(bounds(robot.lookup("#linkSetup").query()).getWidth())
        .as("the set-up as wide as the results' tabs")
        .isGreaterThan(results.getWidth() - 30);

    window.resize(robot, 1600, 1000);
    window.layout(robot);
    assertThat(results.getTabs()).extracting(t -> t.getText()).doesNotContain("Set-up");
    assertThat(robot.lookup("#linkSetup").query().getParent()).isNotNull();
  }

  @Test
  void noLabelOrButtonOfTheResultsTabsIsCutAt1024x700InPresenterMode(FxRobot robot) {
    window.loadDemo(robot);
    window.selectTab(robot, "linkage");
    window.look(robot, "light", true);
    TabPane results = robot.lookup("#linkTabs").queryAs(TabPane.class);
    List<String> cut = new ArrayList<>();
    for (javafx.scene.control.Tab tab : List.copyOf(results.getTabs())) {
      robot.interact(() -> results.getSelectionModel().select(tab));
      window.layout(robot);
      robot.interact(
          () -> {
            Truncation.truncated(tab.getContent()).forEach(c -> cut.add(tab.getText() + ": " + c));
            // the tables' column headers too (their cells may be cut: a tooltip shows them)
            for (Node header : tab.getContent().lookupAll(".column-header .label")) {
              Truncation.truncated(header)
                  .forEach(c -> cut.add(tab.getText() + ", column header: " + c));
            }
          });
    }
    // e.g. "Review ban…" and "review from p = …" beside the review slider, "Save as linked da…",
    // "Match ra…" and "Accept…": rows of fixed widths in a tab 440 px wide
    assertThat(cut).as("labels and buttons cut on the results' tabs").isEmpty();
  }

  /** What is wrong with the set-up as shown now, each with the theme. */
  private static List<String> problems(FxRobot robot, String theme) {
    List<String> out = new ArrayList<>();
    ScrollPane scroll = robot.lookup("#linkSetupScroll").queryAs(ScrollPane.class);
    Node train = robot.lookup("#linkTrain").query();
    for (Node n : List.of(scroll, train.getParent())) {
      Truncation.truncated(n).forEach(t -> out.add(theme + ": cut " + t));
    }
    Bounds room = bounds(scroll);
    for (Node n : shownControls(scroll.getContent())) {
      Bounds b = bounds(n);
      String name = theme + ": " + describe(n);
      if (b.getMinX() < room.getMinX() - 0.5 || b.getMaxX() > room.getMaxX() + 0.5) {
        out.add(
            String.format(
                "%s from x=%.0f to %.0f, set-up %.0f-%.0f",
                name, b.getMinX(), b.getMaxX(), room.getMinX(), room.getMaxX()));
      }
      // a combo box's preferred width is its widest choice: its shown value is checked whole
      // above, and its list opens as wide as the choices need
      if (n instanceof Button && ((Control) n).getWidth() < ((Control) n).prefWidth(-1) - 0.5) {
        out.add(
            String.format(
                "%s %.0f px wide of its %.0f",
                name, ((Control) n).getWidth(), ((Control) n).prefWidth(-1)));
      }
      if (n instanceof TableView<?> t) {
        for (Node bar : t.lookupAll(".scroll-bar")) {
          if (bar instanceof ScrollBar s
              && s.getOrientation() == Orientation.HORIZONTAL
              && s.isVisible()) {
            out.add(name + " scrolls sideways");
          }
        }
      }
    }
    Bounds b = bounds(train);
    Bounds tab = bounds(robot.lookup("#linkTabs").query());
    if (!train.isVisible() || b.getMaxY() > tab.getMaxY() + 0.5 || b.getMinY() < tab.getMinY()) {
      out.add(
          String.format(
              "%s: Train at y=%.0f-%.0f, tab %.0f-%.0f",
              theme, b.getMinY(), b.getMaxY(), tab.getMinY(), tab.getMaxY()));
    }
    for (Parent p = train.getParent(); p != null; p = p.getParent()) {
      if (p instanceof ScrollPane) {
        out.add(theme + ": Train inside a scroll pane (in sight only when scrolled to)");
      }
    }
    return out;
  }

  /** Controls shown in the set-up (in open sections), not looking inside tables and lists. */
  private static List<Node> shownControls(Node root) {
    List<Node> out = new ArrayList<>();
    if (!root.isVisible()) {
      return out;
    }
    if (root instanceof Control c && !(root instanceof javafx.scene.control.TitledPane)) {
      if (c.getStyleClass().contains("scroll-bar")) {
        return out;
      }
      out.add(c);
      if (root instanceof TableView<?> || root instanceof javafx.scene.control.ListView<?>) {
        return out;
      }
    }
    if (root instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        out.addAll(shownControls(child));
      }
    }
    return out;
  }

  private static String describe(Node n) {
    String text = n instanceof javafx.scene.control.Labeled l ? " '" + l.getText() + "'" : "";
    return (n.getId() == null ? n.getClass().getSimpleName() : "#" + n.getId()) + text;
  }

  private static Bounds bounds(Node n) {
    return n.localToScene(n.getLayoutBounds());
  }
}
