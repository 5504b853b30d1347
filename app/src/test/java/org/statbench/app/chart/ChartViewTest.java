package org.statbench.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.statbench.app.shell.CurrentTable;
import org.statbench.core.spec.TableSpec;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ChartViewTest {
  private final CurrentTable current = new CurrentTable();

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new ChartView(new ChartViewModel(current)), 800, 500));
    stage.show();
  }

  private CategoryPlot plot(FxRobot robot) {
    return robot.lookup("#chartViewer").queryAs(ChartViewer.class).getChart().getCategoryPlot();
  }

  @Test
  void showsOneSeriesPerColumnCategoryForTheCurrentTable(FxRobot robot) {
    assertThat(robot.lookup("#chartEmpty").query().isVisible()).isTrue();
    robot.interact(
        () ->
            current.publish(
                ChartTables.table(TableSpec.of("people").withRows("region").withColumns("sex")),
                List.of()));
    CategoryPlot plot = plot(robot);
    assertThat(plot.getDataset().getRowCount()).isEqualTo(2); // series F, M
    assertThat(plot.getDataset().getColumnCount()).isEqualTo(3); // E, N, S
    assertThat(plot.getDataset().getValue(0, 1)).isEqualTo(2.0); // F in N
    assertThat(robot.lookup("#chartEmpty").query().isVisible()).isFalse();
  }

  @Test
  void switchingTheChartTypeRedraws(FxRobot robot) {
    robot.interact(
        () ->
            current.publish(
                ChartTables.table(TableSpec.of("people").withRows("region").withColumns("sex")),
                List.of()));
    @SuppressWarnings("unchecked")
    ChoiceBox<ChartType> type = robot.lookup("#chartType").queryAs(ChoiceBox.class);
    robot.interact(() -> type.setValue(ChartType.STACKED_BAR));
    assertThat(plot(robot).getRenderer()).isInstanceOf(StackedBarRenderer.class);
    robot.interact(() -> type.setValue(ChartType.LINE));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(plot(robot).getRenderer()).isInstanceOf(LineAndShapeRenderer.class);
  }

  @Test
  void totalsCheckboxAddsTheTotalCategory(FxRobot robot) {
    robot.interact(
        () ->
            current.publish(
                ChartTables.table(TableSpec.of("people").withRows("region")), List.of()));
    assertThat(plot(robot).getDataset().getColumnCount()).isEqualTo(3);
    robot.clickOn("#chartTotals");
    assertThat(plot(robot).getDataset().getColumnCount()).isEqualTo(4);
  }
}
