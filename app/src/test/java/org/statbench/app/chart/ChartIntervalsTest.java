package org.statbench.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.app.shell.CurrentTable;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.export.SurveyColumns;

/** Survey intervals of the current table become error bars. */
class ChartIntervalsTest {
  private static CurrentTable.SurveyCells cells(Table t, double[] lower, double[] upper) {
    String[] none = new String[t.cellCount()];
    return new CurrentTable.SurveyCells(
        t.hash(), new SurveyColumns("count", List.of(), null, none, none), lower, upper);
  }

  @Test
  void intervalsOfTheCurrentTableGoWithItsValuesAndAreDrawnAsErrorBars() {
    CurrentTable current = new CurrentTable();
    ChartViewModel vm = new ChartViewModel(current);
    Table t = ChartTables.table(TableSpec.of("people").withRows("region"));
    current.publish(t, List.of());
    double[] lower = new double[t.cellCount()];
    double[] upper = new double[t.cellCount()];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = t.value(i) - 1;
      upper[i] = t.value(i) + 2; // asymmetric, as a Woodruff interval may be
    }
    current.publishSurvey(cells(t, lower, upper));

    ChartData.Series s = vm.data().series().get(0);
    assertThat(s.hasIntervals()).isTrue();
    for (int c = 0; c < s.values().size(); c++) {
      assertThat(s.lower().get(c)).isEqualTo(s.values().get(c) - 1);
      assertThat(s.upper().get(c)).isEqualTo(s.values().get(c) + 2);
    }
    assertThat(ChartView.chart(vm.data(), ChartType.BAR).getCategoryPlot().getRenderer())
        .isInstanceOf(ErrorBarRenderer.class);
  }

  @Test
  void errorBarsTakeTheChartThemesTextColourSoTheyReadOnADarkChart() {
    CurrentTable current = new CurrentTable();
    ChartViewModel vm = new ChartViewModel(current);
    Table t = ChartTables.table(TableSpec.of("people").withRows("region"));
    current.publish(t, List.of());
    double[] lower = new double[t.cellCount()];
    double[] upper = new double[t.cellCount()];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = t.value(i) - 1;
      upper[i] = t.value(i) + 1;
    }
    current.publishSurvey(cells(t, lower, upper));

    // the themes' text colours: #1c2a38 on light, #e8ebee on dark, white on high contrast
    assertThat(whiskers(vm, ChartStyle.Theme.LIGHT)).isEqualTo(new java.awt.Color(0x1C2A38));
    assertThat(whiskers(vm, ChartStyle.Theme.DARK)).isEqualTo(new java.awt.Color(0xE8EBEE));
    assertThat(whiskers(vm, ChartStyle.Theme.HIGH_CONTRAST)).isEqualTo(java.awt.Color.WHITE);
  }

  private static java.awt.Color whiskers(ChartViewModel vm, ChartStyle.Theme theme) {
    return ((ErrorBarRenderer)
            ChartView.chart(vm.data(), ChartType.BAR, theme).getCategoryPlot().getRenderer())
        .whiskers();
  }

  @Test
  void intervalsOfAnotherTableAreIgnored() {
    CurrentTable current = new CurrentTable();
    ChartViewModel vm = new ChartViewModel(current);
    Table other = ChartTables.table(TableSpec.of("people").withRows("sex"));
    double[] nan = new double[other.cellCount()];
    Arrays.fill(nan, 1);
    current.publishSurvey(cells(other, nan, nan));
    current.publish(ChartTables.table(TableSpec.of("people").withRows("region")), List.of());

    assertThat(vm.data().series().get(0).hasIntervals()).isFalse();
  }
}
