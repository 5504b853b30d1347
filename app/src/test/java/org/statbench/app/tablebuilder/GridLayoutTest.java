package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.app.tablebuilder.GridLayout.Options;
import org.statbench.app.tablebuilder.GridLayout.Sort;

class GridLayoutTest {
  private static List<String> rowLabels(GridLayout g, int level) {
    return g.rows().stream().map(k -> g.rowHeader(k, level)).toList();
  }

  @Test
  void listsCategoriesThenTotalWithFormattedValues() {
    GridLayout g = new GridLayout(Tables.regionBySex(), Options.defaults());
    assertThat(rowLabels(g, 0)).containsExactly("North", "South", "East", "Total");
    assertThat(g.columns().stream().map(k -> g.columnHeader(k, 0)))
        .containsExactly("F", "M", "Total");
    assertThat(g.text(g.rows().get(0), g.columns().get(2))).isEqualTo("30");
    assertThat(g.text(g.rows().get(3), g.columns().get(2))).isEqualTo("36");
    assertThat(g.isTotalRow(g.rows().get(3))).isTrue();
    assertThat(g.isTotalColumn(g.columns().get(0))).isFalse();
  }

  @Test
  void nestedRowsStopAtTheOuterTotal() {
    GridLayout g = new GridLayout(Tables.nestedWithWafer(), Options.defaults());
    assertThat(g.rowHeaderDepth()).isEqualTo(2);
    assertThat(rowLabels(g, 0))
        .containsExactly("North", "North", "North", "South", "South", "South", "Total");
    assertThat(rowLabels(g, 1)).containsExactly("F", "M", "Total", "F", "M", "Total", "Total");
  }

  @Test
  void waferDefaultsToItsTotalAndCanBeChosen() {
    GridLayout all = new GridLayout(Tables.nestedWithWafer(), Options.defaults());
    assertThat(all.options().wafer()).containsExactly(2);
    assertThat(all.value(all.rows().get(0), all.columns().get(0))).isEqualTo(2);
    GridLayout first =
        new GridLayout(
            Tables.nestedWithWafer(), new Options(List.of(0), Sort.DEFAULT, false, false));
    assertThat(first.value(first.rows().get(0), first.columns().get(0))).isEqualTo(1);
    assertThat(first.columns()).hasSize(1);
    assertThat(first.columnHeader(first.columns().get(0), 0)).isEqualTo("count");
  }

  @Test
  void sortsByValueKeepingTheTotalLast() {
    GridLayout g =
        new GridLayout(Tables.regionBySex(), new Options(List.of(), Sort.VALUE_DESC, false, false));
    assertThat(rowLabels(g, 0)).containsExactly("North", "East", "South", "Total");
    GridLayout asc =
        new GridLayout(Tables.regionBySex(), new Options(List.of(), Sort.VALUE_ASC, false, false));
    assertThat(rowLabels(asc, 0)).containsExactly("South", "East", "North", "Total");
    GridLayout label =
        new GridLayout(Tables.regionBySex(), new Options(List.of(), Sort.LABEL, false, false));
    assertThat(rowLabels(label, 0)).containsExactly("East", "North", "South", "Total");
  }

  @Test
  void hidesRowsWithoutRecords() {
    GridLayout g =
        new GridLayout(Tables.regionBySex(), new Options(List.of(), Sort.DEFAULT, true, false));
    assertThat(rowLabels(g, 0)).containsExactly("North", "East", "Total");
  }

  @Test
  void heatIsRelativeToDataCellsOnly() {
    GridLayout g = new GridLayout(Tables.regionBySex(), Options.defaults());
    assertThat(g.heat(g.rows().get(0), g.columns().get(1))).isEqualTo(1.0);
    assertThat(g.heat(g.rows().get(1), g.columns().get(0))).isEqualTo(0.0);
    assertThat(g.heat(g.rows().get(3), g.columns().get(0))).isEqualTo(-1);
  }

  @Test
  void formatsPercentagesDecimalsAndUndefinedValues() {
    GridLayout pct =
        new GridLayout(Tables.regionBySex(), new Options(List.of(), Sort.DEFAULT, false, true));
    assertThat(pct.format(12.345)).isEqualTo("12.3");
    GridLayout g = new GridLayout(Tables.regionBySex(), Options.defaults());
    assertThat(g.format(1234567)).isEqualTo("1,234,567");
    assertThat(g.format(2.5)).isEqualTo("2.50");
    assertThat(g.format(Double.NaN)).isEqualTo("..");
  }
}
