package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.statbench.testsupport.TestData.dim;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.controlsfx.control.spreadsheet.SpreadsheetCell;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presenter mode's larger text never hides a number, in any theme, whenever the table is shown. */
@ExtendWith(ApplicationExtension.class)
class GridPresenterFitTest {
  private static final String BASE = "/org/statbench/app/shell/statbench.css";
  private static final String THEMES = "/org/statbench/app/theme/";
  private TableGridView view;
  private Scene scene;

  @Start
  void start(Stage stage) {
    view = new TableGridView();
    scene = new Scene(view, 1000, 600);
    scene.getStylesheets().add(css(BASE));
    stage.setScene(scene);
    stage.show();
  }

  /** Wide counts (eight digits with separators) under one-digit column headers. */
  private static Table wideCounts() {
    Dimension region =
        dim("region", DimensionRole.ROW, "North", "South", "A region with a very long name");
    Dimension year = dim("year", DimensionRole.COLUMN, "1", "2");
    long[] counts = new long[4 * 3];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 2; c++) {
        long n = 12_999_999L - 1_000_001L * (r + c);
        counts[r * 3 + c] = n;
        counts[r * 3 + 2] += n;
        counts[3 * 3 + c] += n;
        counts[3 * 3 + 2] += n;
      }
    }
    return Table.ofCounts("people", List.of(region, year), counts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "dark.css", "high-contrast.css"})
  void presenterModeShowsEveryNumberInFull(String theme, FxRobot robot) {
    GridLayout layout = new GridLayout(wideCounts(), GridLayout.Options.defaults());
    robot.interact(() -> view.show(layout, false));
    // switching after the table is shown re-fits it ...
    robot.interact(
        () -> {
          if (!theme.isEmpty()) {
            scene.getStylesheets().add(css(THEMES + theme));
          }
          scene.getStylesheets().add(css(THEMES + "presenter.css"));
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertNoNumberElided(robot);
    // ... and a table opened after switching fits too
    robot.interact(
        () ->
            view.show(
                new GridLayout(wideCounts(), GridLayout.Options.defaults().withPercent(true)),
                false));
    WaitForAsyncUtils.waitForFxEvents();
    assertNoNumberElided(robot);
  }

  private void assertNoNumberElided(FxRobot robot) {
    List<String> shown = new ArrayList<>();
    List<String> full = new ArrayList<>();
    for (Node n : robot.lookup(".grid-value").queryAll()) {
      if (n instanceof TableCell<?, ?> tc
          && tc.isVisible()
          && tc.getItem() instanceof SpreadsheetCell sc
          && n.lookup(".text") instanceof Text rendered) {
        shown.add(rendered.getText());
        full.add(sc.getText());
      }
    }
    assertThat(full).isNotEmpty().allMatch(t -> t.matches("[0-9,.]+%?"));
    assertThat(shown).isEqualTo(full);
    assertThat(view.styleAt(1, 1)).contains("grid-value");
  }

  private static String css(String path) {
    return GridPresenterFitTest.class.getResource(path).toExternalForm();
  }
}
