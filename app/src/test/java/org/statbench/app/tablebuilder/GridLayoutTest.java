package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.app.tablebuilder.GridLayout.AxisSort;
import org.statbench.app.tablebuilder.GridLayout.Options;

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
        new GridLayout(Tables.nestedWithWafer(), Options.defaults().withWafer(List.of(0)));
    assertThat(first.value(first.rows().get(0), first.columns().get(0))).isEqualTo(1);
    assertThat(first.columns()).hasSize(1);
    assertThat(first.columnHeader(first.columns().get(0), 0)).isEqualTo("Count");
  }

  @Test
  void sortsByValueKeepingTheTotalLast() {
    GridLayout g =
        new GridLayout(
            Tables.regionBySex(),
            Options.defaults().withRowSort(AxisSort.byValue(List.of(), true)));
    assertThat(rowLabels(g, 0)).containsExactly("North", "East", "South", "Total");
    GridLayout asc =
        new GridLayout(
            Tables.regionBySex(),
            Options.defaults().withRowSort(AxisSort.byValue(List.of(), false)));
    assertThat(rowLabels(asc, 0)).containsExactly("South", "East", "North", "Total");
    GridLayout label =
        new GridLayout(
            Tables.regionBySex(), Options.defaults().withRowSort(AxisSort.byLabel(false)));
    assertThat(rowLabels(label, 0)).containsExactly("East", "North", "South", "Total");
  }

  @Test
  void hidesRowsWithoutRecords() {
    GridLayout g = new GridLayout(Tables.regionBySex(), Options.defaults().withHideEmpty(true));
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
    GridLayout pct = new GridLayout(Tables.regionBySex(), Options.defaults().withPercent(true));
    assertThat(pct.format(12.345)).isEqualTo("12.3%");
    GridLayout g = new GridLayout(Tables.regionBySex(), Options.defaults());
    assertThat(g.format(1234567)).isEqualTo("1,234,567");
    // a count table: no decimals anywhere
    assertThat(g.format(2.5)).isEqualTo("3");
    assertThat(g.format(Double.NaN)).isEqualTo("..");
  }

  private static List<String> rowTitles(GridLayout g) {
    return g.rows().stream().map(g::rowTitle).toList();
  }

  private static List<String> columnTitles(GridLayout g) {
    return g.columns().stream().map(g::columnTitle).toList();
  }

  @Test
  void nestedRowsSortWithinTheirParentAndKeepSubtotalsAtTheEndOfTheGroup() {
    GridLayout g =
        new GridLayout(
            Tables.nestedRowsByYear(),
            Options.defaults().withRowSort(AxisSort.byValue(List.of("Total"), true)));
    // South (17) before North (13); within South M (11) before F (6); within North M 8, F 5.
    assertThat(rowTitles(g))
        .containsExactly(
            "South › M", "South › F", "South", "North › M", "North › F", "North", "Total");
    assertThat(rowLabels(g, 1)).containsExactly("M", "F", "Total", "M", "F", "Total", "Total");
  }

  @Test
  void rowsSortByAChosenColumnAndAscending() {
    GridLayout g =
        new GridLayout(
            Tables.nestedRowsByYear(),
            Options.defaults().withRowSort(AxisSort.byValue(List.of("2023"), false)));
    // 2023: North 7, South 5; North F 1, M 6; South F 3, M 2.
    assertThat(rowTitles(g))
        .containsExactly(
            "South › M", "South › F", "South", "North › F", "North › M", "North", "Total");
    assertThat(g.sortsRowsBy(g.columns().get(0))).isTrue();
    assertThat(g.sortsRowsBy(g.columns().get(2))).isFalse();
  }

  @Test
  void aSortColumnTheTableNoLongerHasFallsBackToTheTotalColumn() {
    GridLayout g =
        new GridLayout(
            Tables.regionBySex(),
            Options.defaults().withRowSort(AxisSort.byValue(List.of("X"), true)));
    assertThat(rowLabels(g, 0)).containsExactly("North", "East", "South", "Total");
    assertThat(g.sortsRowsBy(g.columns().get(2))).isTrue();
  }

  @Test
  void columnsSortByTheValuesOfAChosenRow() {
    GridLayout byTotal =
        new GridLayout(
            Tables.regionBySex(),
            Options.defaults().withColumnSort(AxisSort.byValue(List.of("Total"), true)));
    // Total row: F 15, M 21.
    assertThat(columnTitles(byTotal)).containsExactly("M", "F", "Total");
    GridLayout byEast =
        new GridLayout(
            Tables.regionBySex(),
            Options.defaults().withColumnSort(AxisSort.byValue(List.of("East"), true)));
    // East: F 5, M 1.
    assertThat(columnTitles(byEast)).containsExactly("F", "M", "Total");
    assertThat(byEast.sortsColumnsBy(byEast.rows().get(2))).isTrue();
    // The rows keep their order when only the columns are sorted.
    assertThat(rowLabels(byEast, 0)).containsExactly("North", "South", "East", "Total");
  }

  @Test
  void labelSortReversesEveryLevelWithinItsParent() {
    GridLayout g =
        new GridLayout(
            Tables.nestedWithWafer(), Options.defaults().withRowSort(AxisSort.byLabel(true)));
    assertThat(rowTitles(g))
        .containsExactly(
            "South › M", "South › F", "South", "North › M", "North › F", "North", "Total");
  }

  @Test
  void labelsSortCaseInsensitiveWithNumbersAsNumbers() {
    assertThat(GridLayout.compareLabels("5-15", "16-24")).isNegative();
    assertThat(GridLayout.compareLabels("10", "9")).isPositive();
    assertThat(GridLayout.compareLabels("east", "North")).isNegative();
    assertThat(GridLayout.compareLabels("a", "a")).isZero();
  }

  @Test
  void aHierarchySortsSiblingsAndKeepsEachSubtotalAheadOfItsChildren() {
    GridLayout natural = new GridLayout(Tables.hierarchy(), Options.defaults());
    assertThat(rowLabels(natural, 0)).containsExactly("R1", "a", "b", "R2", "c", "Total");
    GridLayout asc =
        new GridLayout(
            Tables.hierarchy(),
            Options.defaults().withRowSort(AxisSort.byValue(List.of("Total"), false)));
    // R2 (5) before R1 (9); inside R1, a (2) before b (7).
    assertThat(rowLabels(asc, 0)).containsExactly("R2", "c", "R1", "a", "b", "Total");
    GridLayout desc =
        new GridLayout(
            Tables.hierarchy(),
            Options.defaults().withRowSort(AxisSort.byValue(List.of("Total"), true)));
    assertThat(rowLabels(desc, 0)).containsExactly("R1", "b", "a", "R2", "c", "Total");
  }

  @Test
  void hidingEmptyRowsWorksWithSorting() {
    GridLayout g =
        new GridLayout(
            Tables.regionBySex(),
            Options.defaults()
                .withHideEmpty(true)
                .withRowSort(AxisSort.byValue(List.of("Total"), false)));
    assertThat(rowLabels(g, 0)).containsExactly("East", "North", "Total");
  }

  @Test
  void headersStandForTheirSubtotalLine() {
    GridLayout g = new GridLayout(Tables.nestedRowsByYear(), Options.defaults());
    int[] northF = g.rows().get(0);
    assertThat(g.rowCodesAt(northF, 0)).containsExactly("North", "Total");
    assertThat(g.rowCodesAt(northF, 1)).containsExactly("North", "F");
    assertThat(g.columnCodesAt(g.columns().get(1), 0)).containsExactly("2024");
  }
}
