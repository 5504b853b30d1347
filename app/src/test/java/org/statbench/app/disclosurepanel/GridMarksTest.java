package org.statbench.app.disclosurepanel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.statbench.app.shell.CellMarks;
import org.statbench.app.tablebuilder.GridLayout;
import org.statbench.app.tablebuilder.TableGridView;
import org.statbench.core.table.Table;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class GridMarksTest {
  private TableGridView view;

  @Start
  void start(Stage stage) {
    view = new TableGridView();
    stage.setScene(new Scene(view, 600, 400));
    stage.show();
  }

  @Test
  void gridHighlightsTheFailingCellOfItsOwnTableOnly(FxRobot robot) {
    Table t = DisclosurePanelViewModelTest.table();
    int bf = t.index(1, 0); // B|F
    robot.interact(
        () -> {
          view.show(new GridLayout(t, GridLayout.Options.defaults()), false);
          view.setCellMarks(new CellMarks(t.hash(), Map.of(bf, "cell-failing")));
        });
    // header row, then A, B, C, Total; the row header column, then F, M, Total
    assertThat(view.textAt(2, 0)).isEqualTo("B");
    assertThat(view.styleAt(2, 1)).contains("cell-failing");
    assertThat(view.styleAt(1, 1)).doesNotContain("cell-failing");

    robot.interact(() -> view.setCellMarks(new CellMarks("another table", Map.of(bf, "x"))));
    assertThat(view.styleAt(2, 1)).doesNotContain("cell-failing", "x");
  }

  @Test
  void withheldCellsShowAsReleasedWithTheirKindOfSuppressionApart(FxRobot robot) {
    Table t = DisclosurePanelViewModelTest.table();
    int bf = t.index(1, 0); // B|F, primary
    int bm = t.index(1, 1); // B|M, secondary
    robot.interact(
        () -> {
          view.show(new GridLayout(t, GridLayout.Options.defaults()), false);
          view.setCellMarks(
              new CellMarks(
                  t.hash(),
                  Map.of(
                      bf, "cell-withheld cell-primary",
                      bm, "cell-withheld cell-secondary")));
        });
    assertThat(view.textAt(2, 1)).isEqualTo("x");
    assertThat(view.textAt(2, 2)).isEqualTo("x");
    assertThat(view.styleAt(2, 1)).contains("cell-primary").doesNotContain("cell-secondary");
    assertThat(view.styleAt(2, 2)).contains("cell-secondary").doesNotContain("cell-primary");
    assertThat(view.sheet().getGrid().getRows().get(2).get(1).getTooltip())
        .hasValueSatisfying(tip -> assertThat(tip).contains("primary"));
  }

  @Test
  void aCellChosenInTheDisclosureListIsSelectedInTheGrid(FxRobot robot) {
    Table t = DisclosurePanelViewModelTest.table();
    int cm = t.index(2, 1); // C|M: row 3 (after the header, A and B), column 2 (after F)
    robot.interact(
        () -> {
          view.show(new GridLayout(t, GridLayout.Options.defaults()), false);
          view.selectCell(cm);
        });
    var selected = view.sheet().getSelectionModel().getSelectedCells();
    assertThat(selected).hasSize(1);
    assertThat(selected.get(0).getRow()).isEqualTo(3);
    assertThat(selected.get(0).getColumn()).isEqualTo(2);
  }
}
