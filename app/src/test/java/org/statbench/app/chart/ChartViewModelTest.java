package org.statbench.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.app.shell.CurrentTable;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Measure;
import org.statbench.core.table.Table;

class ChartViewModelTest {
  private static final TableSpec REGION_BY_SEX =
      TableSpec.of("people").withRows("region").withColumns("sex");

  @Test
  void rowsBecomeCategoriesAndColumnsBecomeSeriesWithoutTotals() {
    ChartViewModel vm = new ChartViewModel();
    vm.show(ChartTables.table(REGION_BY_SEX), List.of());
    ChartData d = vm.data();
    assertThat(d.categories()).containsExactly("E", "N", "S");
    assertThat(d.series()).extracting(ChartData.Series::name).containsExactly("F", "M");
    assertThat(d.series().get(0).values()).containsExactly(1.0, 2.0, 1.0);
    assertThat(d.title()).isEqualTo("Count by region and sex");
  }

  @Test
  void totalsAreChartedOnRequest() {
    ChartViewModel vm = new ChartViewModel();
    vm.show(ChartTables.table(REGION_BY_SEX), List.of());
    vm.includeTotalsProperty().set(true);
    assertThat(vm.data().categories()).containsExactly("E", "N", "S", "Total");
    assertThat(vm.data().series()).extracting(ChartData.Series::name).contains("Total");
    assertThat(vm.data().series().get(2).values()).containsExactly(2.0, 3.0, 3.0, 8.0);
  }

  @Test
  void followsTheCurrentTableItsWaferAndMeasure() {
    CurrentTable current = new CurrentTable();
    ChartViewModel vm = new ChartViewModel(current);
    assertThat(vm.data().isEmpty()).isTrue();
    Table t =
        ChartTables.table(
            TableSpec.of("people")
                .withRows("region")
                .withWafers("year")
                .withMeasure(Measure.parse("sum:amount")));
    current.publish(t, List.of(0));
    assertThat(vm.data().series())
        .singleElement()
        .extracting(ChartData.Series::name)
        .isEqualTo("Sum of amount");
    assertThat(vm.data().series().get(0).values()).containsExactly(70.0, 40.0, 50.0); // 2023
    assertThat(vm.data().title()).isEqualTo("Sum of amount by region, year: 2023");
    current.describeFilters(List.of("sex in F"));
    assertThat(vm.data().title())
        .isEqualTo("Sum of amount by region, year: 2023, filter: sex in F");
    current.selectWafer(List.of(2));
    assertThat(vm.data().series().get(0).values()).containsExactly(150.0, 60.0, 150.0); // Total
    current.publish(null, List.of());
    assertThat(vm.data()).isEqualTo(ChartData.EMPTY);
  }

  @Test
  void nestedRowsAreJoinedInCategoryLabels() {
    ChartViewModel vm = new ChartViewModel();
    vm.show(ChartTables.table(TableSpec.of("people").withRows("region", "sex")), List.of());
    assertThat(vm.data().categories())
        .containsExactly("E / F", "E / M", "N / F", "N / M", "S / F", "S / M");
  }

  @Test
  void stackedBarsAreOfferedForCountsAndSumsButNotForMedians() {
    ChartViewModel vm = new ChartViewModel();
    vm.show(ChartTables.table(REGION_BY_SEX), List.of());
    vm.chartTypeProperty().set(ChartType.STACKED_BAR);
    assertThat(vm.chartTypes()).contains(ChartType.STACKED_BAR);

    vm.show(
        ChartTables.table(REGION_BY_SEX.withMeasure(Measure.parse("median:amount"))), List.of());
    assertThat(vm.chartTypes()).containsExactly(ChartType.BAR, ChartType.LINE);
    assertThat(vm.chartTypeProperty().get()).isEqualTo(ChartType.BAR);
    vm.chartTypeProperty().set(ChartType.STACKED_BAR);
    assertThat(vm.chartTypeProperty().get()).isEqualTo(ChartType.BAR);
    assertThat(vm.data().title()).isEqualTo("Median of amount by region and sex");
  }
}
