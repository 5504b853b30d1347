package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
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
 * Presenter mode at the small window sizes: the counts in the datasets list and the pairs of the
 * Linkage tab's blocking rules are shown whole (not elided, not behind the scroll bar), and the
 * datasets list shows more than one row.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterNumbersFitTest {
  @TempDir static Path home;
  private final MainWindowFixture window = new MainWindowFixture();

  @Start
  void start(Stage stage) {
    window.open(stage, home, 1280, 800);
  }

  @AfterEach
  void backToNormal(FxRobot robot) {
    window.presenter(robot, false);
  }

  @Test
  void countsOfTheDatasetsListAndTheBlockingRulesAreWholeInPresenterModeAtSmallSizes(FxRobot robot)
      throws Exception {
    window.loadDemo(robot);
    window.selectTab(robot, "linkage");
    for (int[] size : new int[][] {{1024, 700}, {1280, 800}}) {
      window.presenter(robot, false);
      window.resize(robot, size[0], size[1]);
      window.presenter(robot, true);
      window.layout(robot);
      TableView<?> rules = robot.lookup("#linkRules").queryAs(TableView.class);
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !numberCells(rules, "Pairs").isEmpty());
      String at = size[0] + "x" + size[1];
      for (String[] table :
          new String[][] {
            {"#datasetList", "Rows"}, {"#datasetList", "Vars"}, {"#linkRules", "Pairs"}
          }) {
        TableView<?> view = robot.lookup(table[0]).queryAs(TableView.class);
        List<String> cut = new ArrayList<>();
        StringBuilder widths = new StringBuilder();
        robot.interact(
            () -> {
              view.layout();
              widths.append("table ").append(view.getWidth());
              view.getColumns().forEach(c -> widths.append(", ").append(c.getWidth()));
              List<TableCell<?, ?>> cells = numberCells(view, table[1]);
              assertThat(cells).as("%s %s at %s", table[0], table[1], at).isNotEmpty();
              for (TableCell<?, ?> c : cells) {
                if (!shownWhole(view, c)) {
                  cut.add(
                      c.getText()
                          + " (cell to x="
                          + c.localToScene(c.getLayoutBounds()).getMaxX()
                          + ", rows to "
                          + visibleRight(view)
                          + ")");
                }
              }
            });
        assertThat(cut)
            .as("%s %s cut at %s in presenter mode (%s)", table[0], table[1], at, widths)
            .isEmpty();
      }
      TableView<?> datasets = robot.lookup("#datasetList").queryAs(TableView.class);
      List<TableCell<?, ?>> rows = new ArrayList<>();
      robot.interact(() -> rows.addAll(numberCells(datasets, "Rows")));
      long whole = rows.stream().filter(c -> fullyInside(datasets, c)).count();
      assertThat(whole).as("dataset rows shown at %s", at).isGreaterThanOrEqualTo(3);
    }
  }

  /** The visible cells of a column that hold a number (digits, group separators, a point). */
  private static List<TableCell<?, ?>> numberCells(TableView<?> table, String column) {
    List<TableCell<?, ?>> out = new ArrayList<>();
    for (Node n : table.lookupAll(".table-cell")) {
      if (n instanceof TableCell<?, ?> c
          && c.isVisible()
          && c.getTableColumn() != null
          && column.equals(c.getTableColumn().getText())
          && c.getText() != null
          && c.getText().matches("[0-9][0-9,.]*")) {
        out.add(c);
      }
    }
    return out;
  }

  /** The cell's text is not elided and ends left of the vertical scroll bar. */
  private static boolean shownWhole(TableView<?> table, TableCell<?, ?> cell) {
    for (Node child : cell.getChildrenUnmodifiable()) {
      if (child instanceof Text t
          && (!cell.getText().equals(t.getText())
              || t.localToScene(t.getBoundsInLocal()).getMaxX() > visibleRight(table) + 0.5)) {
        return false;
      }
    }
    return true;
  }

  private static boolean fullyInside(TableView<?> table, TableCell<?, ?> cell) {
    Bounds b = cell.localToScene(cell.getLayoutBounds());
    Bounds t = table.localToScene(table.getLayoutBounds());
    return b.getMinY() >= t.getMinY() && b.getMaxY() <= t.getMaxY() - scrollBarHeight(table);
  }

  /** The right edge of the table's rows in the scene: left of a shown vertical scroll bar. */
  private static double visibleRight(TableView<?> table) {
    Bounds t = table.localToScene(table.getLayoutBounds());
    double right = t.getMaxX();
    for (Node n : table.lookupAll(".scroll-bar")) {
      if (n instanceof ScrollBar s && s.isVisible() && s.getOrientation() == Orientation.VERTICAL) {
        right = Math.min(right, s.localToScene(s.getLayoutBounds()).getMinX());
      }
    }
    return right;
  }

  private static double scrollBarHeight(TableView<?> table) {
    for (Node n : table.lookupAll(".scroll-bar")) {
      if (n instanceof ScrollBar s
          && s.isVisible()
          && s.getOrientation() == Orientation.HORIZONTAL) {
        return s.getHeight();
      }
    }
    return 0;
  }
}
