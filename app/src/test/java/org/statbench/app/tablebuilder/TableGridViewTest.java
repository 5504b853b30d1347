package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TableGridViewTest {
  private TableGridView view;

  @Start
  void start(Stage stage) {
    view = new TableGridView();
    stage.setScene(new Scene(view, 600, 400));
    stage.show();
  }

  @Test
  void showsNestedHeadersWithSpansAndStylesTotals(FxRobot robot) {
    robot.interact(
        () ->
            view.show(
                new GridLayout(Tables.nestedWithWafer(), GridLayout.Options.defaults()), true));
    // 1 header row + 7 rows; 2 row-header columns + 1 value column.
    assertThat(view.gridRowCount()).isEqualTo(8);
    assertThat(view.gridColumnCount()).isEqualTo(3);
    assertThat(view.textAt(0, 0)).isEqualTo("region");
    assertThat(view.textAt(0, 1)).isEqualTo("sex");
    assertThat(view.textAt(1, 0)).isEqualTo("North");
    assertThat(view.textAt(1, 1)).isEqualTo("F");
    assertThat(view.textAt(7, 0)).isEqualTo("Total");
    assertThat(view.styleAt(3, 2)).contains("grid-total");
    assertThat(view.styleAt(1, 2)).doesNotContain("grid-total");
    assertThat(view.sheet().getGrid().getRows().get(1).get(0).getRowSpan()).isEqualTo(3);
    assertThat(view.sheet().getFixedRows()).containsExactly(0);
    assertThat(robot.lookup(".spreadsheet-cell").queryAll()).isNotEmpty();
  }

  @Test
  void showsAMessageWhenThereIsNoTable(FxRobot robot) {
    robot.interact(() -> view.showMessage("nothing"));
    assertThat(view.gridRowCount()).isZero();
    assertThat(robot.lookup("#tablePlaceholder").query().isVisible()).isTrue();
  }
}
