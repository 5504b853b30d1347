package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.app.tablebuilder.GridLayout.AxisSort;

class SortCycleTest {
  @Test
  void clickingTheSameValueHeaderGoesLargestFirstThenSmallestFirstThenTableOrder() {
    List<String> f = List.of("F");
    AxisSort first = SortCycle.byValue(AxisSort.NATURAL, f);
    AxisSort second = SortCycle.byValue(first, f);
    AxisSort third = SortCycle.byValue(second, f);

    assertThat(first).isEqualTo(AxisSort.byValue(f, true));
    assertThat(second).isEqualTo(AxisSort.byValue(f, false));
    assertThat(third).isEqualTo(AxisSort.NATURAL);
  }

  @Test
  void clickingAnotherValueHeaderStartsAgainLargestFirst() {
    AxisSort byF = SortCycle.byValue(AxisSort.NATURAL, List.of("F"));

    assertThat(SortCycle.byValue(byF, List.of("M")))
        .isEqualTo(AxisSort.byValue(List.of("M"), true));
  }

  @Test
  void clickingADimensionNameCyclesLabelsAToZThenZToAThenTableOrder() {
    AxisSort a = SortCycle.byLabel(AxisSort.NATURAL);
    AxisSort z = SortCycle.byLabel(a);

    assertThat(a).isEqualTo(AxisSort.byLabel(false));
    assertThat(z).isEqualTo(AxisSort.byLabel(true));
    assertThat(SortCycle.byLabel(z)).isEqualTo(AxisSort.NATURAL);
  }

  @Test
  void anOrderSurvivesSavingAndReading() {
    AxisSort s = AxisSort.byValue(List.of("North", "F"), false);

    assertThat(SortCycle.fromSaved(SortCycle.toSaved(s))).isEqualTo(s);
  }
}
