package org.statbench.tabulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.statbench.tabulate.Cells.codesOf;
import static org.statbench.tabulate.Cells.count;
import static org.statbench.tabulate.Cells.value;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.statbench.core.CancellationToken;
import org.statbench.core.CancelledException;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.CodeGroup;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.spec.RollUp;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.CellKind;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;
import org.statbench.testsupport.TestData;

class TabulatorTest {
  private final Tabulator tabulator = new Tabulator();

  // 10 records; sex has one missing, age one missing.
  private static final DatasetColumns PEOPLE =
      TestData.dataset(
          "d",
          TestData.cat("sex", "M", "F", "F", "M", "F", null, "M", "F", "M", "F"),
          TestData.cat("region", "S", "N", "S", "S", "N", "S", "N", "S", "S", "N"),
          TestData.num("age", 16.0, 24.0, 25.0, 49.0, 50.0, 70.0, null, 17.0, 30.0, 18.0),
          TestData.num("amount", 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, -5.0),
          TestData.num("w", 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, null),
          TestData.num("kids", 2.0, 1.0, 1.0, 3.0, 2.0, 1.0, 10.0, 1.0, 2.0, 1.0),
          TestData.date(
              "start",
              "2024-01-15",
              "2024-03-31",
              "2024-04-01",
              "2024-12-31",
              "2025-01-01",
              "2025-03-31",
              "2025-04-01",
              null,
              "2023-06-30",
              "2024-02-29"));

  private Table run(TableSpec spec) {
    return tabulator.tabulate(spec, PEOPLE, CancellationToken.NONE);
  }

  private static TableSpec spec() {
    return TableSpec.of("d");
  }

  @Test
  void countsByTwoDimensionsWithTypedMargins() {
    Table t = run(spec().withRows("region").withColumns("sex"));
    assertThat(codesOf(t, 0)).containsExactly("N", "S");
    assertThat(codesOf(t, 1)).containsExactly("F", "M", "Missing");
    assertThat(value(t, "N", "F")).isEqualTo(3);
    assertThat(value(t, "S", "M")).isEqualTo(3);
    assertThat(value(t, "S", "Missing")).isEqualTo(1);
    assertThat(value(t, "Total", "F")).isEqualTo(5);
    assertThat(value(t, "S", "Total")).isEqualTo(6);
    assertThat(value(t, "Total", "Total")).isEqualTo(10);
    assertThat(t.kind(Cells.at(t, "N", "Total"))).isEqualTo(CellKind.TOTAL);
    assertThat(t.kind(Cells.at(t, "N", "F"))).isEqualTo(CellKind.DATA);
    assertThat(count(t, "N", "F")).isEqualTo(3);
    assertThat(t.top(Cells.at(t, "N", "F"))).isEmpty();
  }

  @Test
  void nullsFormTheMissingCategoryAndTotalsIncludeThem() {
    Table t = run(spec().withRows("sex"));
    assertThat(codesOf(t, 0)).containsExactly("F", "M", "Missing");
    assertThat(value(t, "Missing")).isEqualTo(1);
    assertThat(value(t, "Total")).isEqualTo(10);
  }

  @Test
  void integerColumnKeepsItsValuesAsCodesInNumericOrder() {
    Table t = run(spec().withRows("kids"));
    assertThat(codesOf(t, 0)).containsExactly("1", "2", "3", "10");
    assertThat(value(t, "1")).isEqualTo(5);
  }

  @Test
  void sumsCarryRecordCountsTopContributionsAndNegativeFlag() {
    Table t = run(spec().withRows("region").withMeasure(Measure.parse("sum:amount")));
    // N: 20, 50, 70, -5 ; S: 10, 30, 40, 60, 80, 90
    assertThat(value(t, "N")).isEqualTo(135);
    assertThat(value(t, "S")).isEqualTo(310);
    assertThat(value(t, "Total")).isEqualTo(445);
    assertThat(count(t, "N")).isEqualTo(4);
    assertThat(t.top(Cells.at(t, "N"))).containsExactly(70, 50, 20, 5);
    assertThat(t.top(Cells.at(t, "Total"))).containsExactly(90, 80, 70, 60, 50);
    assertThat(t.hasNegative(Cells.at(t, "N"))).isTrue();
    assertThat(t.hasNegative(Cells.at(t, "S"))).isFalse();
    assertThat(t.hasNegative(Cells.at(t, "Total"))).isTrue();
  }

  @Test
  void meansIgnoreMissingValues() {
    Table t = run(spec().withRows("sex").withMeasure(Measure.parse("mean:age")));
    // F: 24, 25, 50, 17, 18 ; M: 16, 49, (missing), 30 ; Missing: 70
    assertThat(value(t, "F")).isCloseTo(134 / 5.0, within(1e-12));
    assertThat(value(t, "M")).isCloseTo(95 / 3.0, within(1e-12));
    assertThat(count(t, "M")).isEqualTo(3);
    assertThat(value(t, "Total")).isCloseTo(299 / 9.0, within(1e-12));
  }

  @Test
  void medianOfOddCountIsTheMiddleValue() {
    Table t = run(spec().withRows("sex").withMeasure(Measure.parse("median:age")));
    assertThat(value(t, "F")).isEqualTo(24); // 17 18 24 25 50
    assertThat(value(t, "M")).isEqualTo(30); // 16 30 49
  }

  @Test
  void medianOfEvenCountIsTheMidpointOfTheTwoMiddleValues() {
    Table t = run(spec().withRows("region").withMeasure(Measure.parse("median:amount")));
    assertThat(value(t, "N")).isEqualTo(35); // -5 20 50 70
    assertThat(value(t, "S")).isEqualTo(50); // 10 30 40 60 80 90
    assertThat(value(t, "Total")).isEqualTo(45); // 10 values: (40+50)/2
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 10, 25, 33.3, 50, 75, 90, 99, 100})
  void percentilesFollowTheAveragedDistributionDefinition(double p) {
    Table t = run(spec().withRows("region").withMeasure(Measure.parse("p" + p + ":amount")));
    double[] all = {10, 20, 30, 40, 50, 60, 70, 80, 90, -5};
    Percentile r2 = new Percentile().withEstimationType(Percentile.EstimationType.R_2);
    assertThat(value(t, "Total")).isCloseTo(r2.evaluate(all, p), within(1e-9));
    assertThat(value(t, "N"))
        .isCloseTo(r2.evaluate(new double[] {20, 50, 70, -5}, p), within(1e-9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"median:x", "p10:x", "p90:x", "p100:x", "p0.5:x", "distinct:x"})
  void orderStatisticsBySortingEqualThoseByHistogram(String measure) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    int n = 5000;
    String[] g = new String[n];
    String[] h = new String[n];
    Double[] x = new Double[n];
    for (int i = 0; i < n; i++) {
      g[i] = r.nextInt(20) == 0 ? null : "g" + r.nextInt(7);
      h[i] = "h" + r.nextInt(3);
      x[i] = r.nextInt(10) == 0 ? null : r.nextInt(-50, 300) / 4.0;
    }
    DatasetColumns data =
        TestData.dataset("d", TestData.cat("g", g), TestData.cat("h", h), TestData.num("x", x));
    TableSpec s = spec().withRows("g").withColumns("h").withMeasure(Measure.parse(measure));
    Table byHistogram = new Tabulator().tabulate(s, data, CancellationToken.NONE);
    Table bySorting = new Tabulator(0).tabulate(s, data, CancellationToken.NONE);
    assertThat(byHistogram).isEqualTo(bySorting);
    assertThat(byHistogram.value(byHistogram.cellCount() - 1)).isNotNaN();
  }

  @Test
  void minMaxAndDistinctCount() {
    Table min = run(spec().withRows("region").withMeasure(Measure.parse("min:amount")));
    Table max = run(spec().withRows("region").withMeasure(Measure.parse("max:amount")));
    Table distinct = run(spec().withRows("region").withMeasure(Measure.parse("distinct:kids")));
    assertThat(value(min, "N")).isEqualTo(-5);
    assertThat(value(max, "Total")).isEqualTo(90);
    assertThat(value(distinct, "N")).isEqualTo(3); // 1, 2, 10
    assertThat(value(distinct, "Total")).isEqualTo(4);
  }

  @Test
  void distinctCountOfACategoricalVariable() {
    Table t = run(spec().withRows("sex").withMeasure(Measure.parse("distinct:region")));
    assertThat(value(t, "F")).isEqualTo(2);
    assertThat(value(t, "Missing")).isEqualTo(1);
  }

  @Test
  void weightedCountSumAndMeanKeepRecordCountsUnweighted() {
    TableSpec s = spec().withRows("region").withWeight("w");
    Table count = run(s);
    // N: w 2,1,1,(missing=0) ; S: 1,1,2,2,2,1
    assertThat(value(count, "N")).isEqualTo(4);
    assertThat(count(count, "N")).isEqualTo(4);
    assertThat(value(count, "Total")).isEqualTo(13);
    assertThat(count.isWeighted()).isTrue();
    Table sum = run(s.withMeasure(Measure.parse("sum:amount")));
    assertThat(value(sum, "N")).isEqualTo(20 * 2 + 50 + 70 + 0);
    Table mean = run(s.withMeasure(Measure.parse("mean:amount")));
    assertThat(value(mean, "N")).isCloseTo(160 / 4.0, within(1e-12));
    assertThat(value(mean, "S")).isCloseTo((10 + 30 + 80 + 120 + 160 + 90) / 9.0, within(1e-12));
  }

  @Test
  void weightedMeanContributionsAreInTheUnitsOfMeanTimesRecordCount() {
    // The disclosure rules take a mean's total as mean x record count: a weighted mean's
    // contributions (value x weight) must be put in those units, or a cell of many records
    // looks dominated by its largest weighted value.
    Table mean =
        run(spec().withRows("region").withWeight("w").withMeasure(Measure.parse("mean:amount")));
    int s = mean.index(1); // S: 10x1 30x1 40x2 60x2 80x2 90x1, weight sum 9, 6 records
    double total = mean.value(s) * mean.count(s);
    assertThat(total).isCloseTo(490 * 6 / 9.0, within(1e-9));
    double[] top = mean.top(s);
    assertThat(top[0] / total).isCloseTo(160 / 490.0, within(1e-12));
    assertThat(top[1] / total).isCloseTo(120 / 490.0, within(1e-12));
    Table unweighted = run(spec().withRows("region").withMeasure(Measure.parse("mean:amount")));
    assertThat(unweighted.top(s)[0]).isEqualTo(90);
  }

  @Test
  void bandsIncludeBothEndsAndOpenEnds() {
    TableSpec s =
        spec().withRows(List.of(DimensionSpec.of("age", Bands.parse("-17,18-24,25-49,50+"))));
    Table t = run(s);
    assertThat(codesOf(t, 0)).containsExactly("-17", "18-24", "25-49", "50+", "Missing");
    assertThat(value(t, "-17")).isEqualTo(2); // 16, 17
    assertThat(value(t, "18-24")).isEqualTo(2); // 24, 18
    assertThat(value(t, "25-49")).isEqualTo(3); // 25, 49, 30
    assertThat(value(t, "50+")).isEqualTo(2);
    assertThat(value(t, "Missing")).isEqualTo(1);
  }

  @Test
  void valuesOutsideEveryBandFormOtherAndEmptyBandsStay() {
    Table t = run(spec().withRows(List.of(DimensionSpec.of("age", Bands.parse("0-15,18-24,90+")))));
    assertThat(codesOf(t, 0)).containsExactly("0-15", "18-24", "90+", "Other", "Missing");
    assertThat(value(t, "0-15")).isZero();
    assertThat(value(t, "Other")).isEqualTo(7);
    assertThat(value(t, "Total")).isEqualTo(10);
  }

  @Test
  void equalWidthAndQuantileBandBuilders() {
    assertThat(Bands.equalWidth(0, 99, 4).format()).isEqualTo("0-24,25-49,50-74,75-99");
    Bands q = Bands.quantiles(new double[] {1, 2, 3, 4, 5, 6, 7, 8, Double.NaN}, 2);
    assertThat(q.format()).isEqualTo("1-4,5+");
  }

  @Test
  void builtBandsNeverOverlapAndTabulateAsLabelled() {
    // real cut points: half-open bands, a value on a cut point goes to the band above
    Bands w = Bands.equalWidth(0, 1, 4);
    assertThat(w.format()).isEqualTo("0-<0.25,0.25-<0.5,0.5-<0.75,0.75-1");
    DatasetColumns data =
        TestData.dataset("d", TestData.num("x", 0.0, 0.24, 0.25, 0.5, 0.749, 0.75, 1.0, 1.1));
    Table t =
        tabulator.tabulate(
            spec().withRows(List.of(DimensionSpec.of("x", w))), data, CancellationToken.NONE);
    assertThat(codesOf(t, 0))
        .containsExactly("0-<0.25", "0.25-<0.5", "0.5-<0.75", "0.75-1", "Other");
    assertThat(value(t, "0-<0.25")).isEqualTo(2);
    assertThat(value(t, "0.25-<0.5")).isEqualTo(1);
    assertThat(value(t, "0.5-<0.75")).isEqualTo(2);
    assertThat(value(t, "0.75-1")).isEqualTo(2);
    assertThat(value(t, "Other")).isEqualTo(1);
    // the labels read back as the same bands
    assertThat(Bands.parse(w.format())).isEqualTo(w);
  }

  @Test
  void codeGroupsMergeCodesAndKeepTheOthers() {
    DatasetColumns data =
        TestData.dataset("d", TestData.cat("provider", "P3", "P1", "P2", "P4", "P1", "P5", null));
    CodeGroups g = new CodeGroups(List.of(new CodeGroup("Big", List.of("P2", "P4"))));
    Table t =
        tabulator.tabulate(
            spec().withRows(List.of(DimensionSpec.of("provider", g))),
            data,
            CancellationToken.NONE);
    assertThat(codesOf(t, 0)).containsExactly("P1", "Big", "P3", "P5", "Missing");
    assertThat(value(t, "Big")).isEqualTo(2);
    assertThat(value(t, "P1")).isEqualTo(2);
  }

  @Test
  void datesGroupByMonthQuarterFinancialYearAndYear() {
    Table month =
        run(spec().withRows(List.of(DimensionSpec.of("start", new DateGrouping(DateUnit.MONTH)))));
    assertThat(codesOf(month, 0))
        .containsExactly(
            "2023-06", "2024-01", "2024-02", "2024-03", "2024-04", "2024-12", "2025-01", "2025-03",
            "2025-04", "Missing");
    Table quarter =
        run(
            spec()
                .withRows(List.of(DimensionSpec.of("start", new DateGrouping(DateUnit.QUARTER)))));
    assertThat(codesOf(quarter, 0))
        .containsExactly(
            "2023-Q2", "2024-Q1", "2024-Q2", "2024-Q4", "2025-Q1", "2025-Q2", "Missing");
    assertThat(value(quarter, "2024-Q1")).isEqualTo(3);
    Table fy =
        run(
            spec()
                .withRows(
                    List.of(DimensionSpec.of("start", new DateGrouping(DateUnit.FINANCIAL_YEAR)))));
    assertThat(codesOf(fy, 0)).containsExactly("2023/24", "2024/25", "2025/26", "Missing");
    assertThat(value(fy, "2023/24")).isEqualTo(4); // 2023-06-30, 2024-01-15, 2024-02-29, 2024-03-31
    assertThat(value(fy, "2024/25")).isEqualTo(4);
    Table year =
        run(spec().withRows(List.of(DimensionSpec.of("start", new DateGrouping(DateUnit.YEAR)))));
    assertThat(codesOf(year, 0)).containsExactly("2023", "2024", "2025", "Missing");
    assertThat(value(year, "2024")).isEqualTo(5);
  }

  @Test
  void filtersKeepEveryCategoryOfTheFullColumn() {
    Table t =
        run(
            spec()
                .withRows("sex")
                .withColumns("region")
                .withFilter(CodeFilter.include("region", "N")));
    assertThat(codesOf(t, 1)).containsExactly("N", "S");
    assertThat(codesOf(t, 0)).containsExactly("F", "M", "Missing");
    assertThat(value(t, "Missing", "Total")).isZero();
    assertThat(value(t, "Total", "S")).isZero();
    assertThat(value(t, "Total", "Total")).isEqualTo(4);
  }

  @Test
  void excludeRangeAndDateRangeFilters() {
    assertThat(
            value(
                run(spec().withRows("sex").withFilter(CodeFilter.exclude("sex", "Missing", "M"))),
                "Total"))
        .isEqualTo(5);
    assertThat(
            value(run(spec().withRows("sex").withFilter(new RangeFilter("age", 18, 49))), "Total"))
        .isEqualTo(5); // 24 25 49 30 18
    assertThat(
            value(
                run(
                    spec()
                        .withRows("sex")
                        .withFilter(DateRangeFilter.parse("start=2024-01-01..2024-12-31"))),
                "Total"))
        .isEqualTo(5);
  }

  @Test
  void emptyCodelistEntriesAppearWithZero() {
    DatasetColumns data =
        TestData.dataset(
            "d",
            TestData.catWithCodelist("benefit", List.of("UC", "JSA", "ESA"), "UC", "JSA", "UC"));
    Table t = tabulator.tabulate(spec().withRows("benefit"), data, CancellationToken.NONE);
    assertThat(codesOf(t, 0)).containsExactly("ESA", "JSA", "UC");
    assertThat(value(t, "ESA")).isZero();
  }

  @Test
  void totalsCanBeSwitchedOffPerDimension() {
    Table t = run(spec().withRows("region").withColumns("sex").withTotal("sex", false));
    assertThat(t.dimensions().get(1).total()).isFalse();
    assertThat(t.dimensions().get(0).total()).isTrue();
    assertThat(t.cellCount()).isEqualTo(3 * 3);
    assertThat(value(t, "Total", "F")).isEqualTo(5);
  }

  @Test
  void percentagesOfRowColumnTotalAndWafer() {
    TableSpec s = spec().withRows("region").withColumns("sex");
    Table row = run(s.withPercentage(Percentage.ROW));
    assertThat(value(row, "N", "F")).isCloseTo(75, within(1e-12));
    assertThat(value(row, "N", "Total")).isEqualTo(100);
    assertThat(count(row, "N", "F")).isEqualTo(3);
    Table col = run(s.withPercentage(Percentage.COLUMN));
    assertThat(value(col, "N", "F")).isCloseTo(60, within(1e-12));
    Table total = run(s.withPercentage(Percentage.TOTAL));
    assertThat(value(total, "N", "F")).isCloseTo(30, within(1e-12));
    Table wafer = run(spec().withRows("sex").withWafers("region").withPercentage(Percentage.WAFER));
    assertThat(value(wafer, "F", "N")).isCloseTo(75, within(1e-12));
    assertThat(value(wafer, "F", "Total")).isCloseTo(50, within(1e-12));
  }

  @Test
  void rollUpToAParentVariableAddsSubtotals() {
    DatasetColumns data =
        TestData.dataset(
            "d",
            TestData.cat("la", "L2", "L1", "L3", "L1", null),
            TestData.cat("region", "R1", "R1", "R2", "R1", null));
    Table t =
        tabulator.tabulate(
            spec().withRows(List.of(DimensionSpec.of("la", RollUp.toVariable("region")))),
            data,
            CancellationToken.NONE);
    assertThat(codesOf(t, 0)).containsExactly("R1", "L1", "L2", "R2", "L3", "Missing");
    assertThat(value(t, "R1")).isEqualTo(3);
    assertThat(value(t, "L1")).isEqualTo(2);
    assertThat(value(t, "Total")).isEqualTo(5);
    assertThat(t.kind(Cells.at(t, "R1"))).isEqualTo(CellKind.TOTAL);
    assertThat(t.dimensions().get(0).children(0)).containsExactly(1, 2);
  }

  @Test
  void rollUpByMappingWorksWithMedians() {
    DatasetColumns data =
        TestData.dataset(
            "d", TestData.cat("la", "L2", "L1", "L3", "L1"), TestData.num("x", 1.0, 2.0, 3.0, 4.0));
    Table t =
        tabulator.tabulate(
            spec()
                .withRows(
                    List.of(DimensionSpec.of("la", RollUp.byMapping(Map.of("L1", "R", "L2", "R")))))
                .withMeasure(Measure.parse("median:x")),
            data,
            CancellationToken.NONE);
    assertThat(codesOf(t, 0)).containsExactly("R", "L1", "L2", "L3");
    assertThat(value(t, "R")).isEqualTo(2); // 1 2 4
    assertThat(value(t, "Total")).isEqualTo(2.5);
  }

  @Test
  void rollUpThroughTwoParentLevelsNestsSubtotalsAtEveryLevel() {
    DatasetColumns data =
        TestData.dataset(
            "d",
            TestData.cat("oa", "O3", "O1", "O2", "O4", "O1", "O5", null),
            TestData.cat("la", "L2", "L1", "L1", "L3", "L1", null, null),
            TestData.cat("region", "R1", "R1", "R1", "R2", "R1", null, null),
            TestData.num("x", 30.0, 10.0, 20.0, 40.0, 11.0, 50.0, 60.0));
    TableSpec s =
        spec()
            .withRows(List.of(DimensionSpec.of("oa", RollUp.toVariables(List.of("la", "region")))));
    Table t = tabulator.tabulate(s, data, CancellationToken.NONE);
    // parents first, each followed by its children; O5 has no LA, so it sits under the total
    assertThat(codesOf(t, 0))
        .containsExactly("R1", "L1", "O1", "O2", "L2", "O3", "R2", "L3", "O4", "O5", "Missing");
    var dim = t.dimensions().get(0);
    assertThat(dim.categories().stream().map(c -> c.parent()).toList())
        .containsExactly(-1, 0, 1, 1, 0, 4, -1, 6, 7, -1, -1);
    assertThat(dim.children(dim.totalIndex())).containsExactly(0, 6, 9, 10);
    assertThat(value(t, "L1")).isEqualTo(3);
    assertThat(value(t, "L2")).isEqualTo(1);
    assertThat(value(t, "R1")).isEqualTo(4);
    assertThat(value(t, "R2")).isEqualTo(1);
    assertThat(value(t, "Total")).isEqualTo(7);
    for (String margin : List.of("R1", "L1", "L2", "R2", "L3", "Total")) {
      assertThat(t.kind(Cells.at(t, margin))).as(margin).isEqualTo(CellKind.TOTAL);
    }
    assertThat(t.kind(Cells.at(t, "O1"))).isEqualTo(CellKind.DATA);
    assertThat(t.kind(Cells.at(t, "O5"))).isEqualTo(CellKind.DATA);
    Table sums =
        tabulator.tabulate(s.withMeasure(Measure.parse("sum:x")), data, CancellationToken.NONE);
    assertThat(value(sums, "R1")).isEqualTo(71);
    assertThat(value(sums, "L1")).isEqualTo(41);
    Table medians =
        tabulator.tabulate(s.withMeasure(Measure.parse("median:x")), data, CancellationToken.NONE);
    assertThat(value(medians, "R1")).isEqualTo(15.5); // 10 11 20 30
    assertThat(value(medians, "L1")).isEqualTo(11);
  }

  @Test
  void rollUpByMappingsPerLevelStopsWhereAChainEnds() {
    DatasetColumns data = TestData.dataset("d", TestData.cat("oa", "O1", "O2", "O3", "O4", "O4"));
    Table t =
        tabulator.tabulate(
            spec()
                .withRows(
                    List.of(
                        DimensionSpec.of(
                            "oa",
                            RollUp.byMappings(
                                List.of(
                                    Map.of("O1", "L1", "O2", "L1", "O3", "L2", "O4", "L3"),
                                    Map.of("L1", "R", "L2", "R")))))),
            data,
            CancellationToken.NONE);
    // L3 has no region: it sits under the total after the region
    assertThat(codesOf(t, 0)).containsExactly("R", "L1", "O1", "O2", "L2", "O3", "L3", "O4");
    assertThat(value(t, "R")).isEqualTo(3);
    assertThat(value(t, "L3")).isEqualTo(2);
    assertThat(value(t, "Total")).isEqualTo(5);
  }

  @Test
  void rollUpTreatsAParentAtAnotherLevelSpelledAlikeAsADifferentNode() {
    DatasetColumns data = TestData.dataset("d", TestData.cat("a", "x", "y"));
    Table t =
        tabulator.tabulate(
            spec()
                .withRows(
                    List.of(
                        DimensionSpec.of(
                            "a",
                            RollUp.byMappings(
                                List.of(Map.of("x", "E", "y", "F"), Map.of("E", "E", "F", "E")))))),
            data,
            CancellationToken.NONE);
    assertThat(codesOf(t, 0)).containsExactly("E", "E", "x", "F", "y");
    assertThat(t.dimensions().get(0).categories().get(1).parent()).isEqualTo(0);
    assertThat(t.value(t.index(0))).isEqualTo(2);
    assertThat(t.value(t.index(1))).isEqualTo(1);
  }

  @Test
  void rollUpRejectsAParentWithTwoGrandparents() {
    DatasetColumns data =
        TestData.dataset(
            "d",
            TestData.cat("oa", "O1", "O2"),
            TestData.cat("la", "L1", "L1"),
            TestData.cat("region", "R1", "R2"));
    assertThatThrownBy(
            () ->
                tabulator.tabulate(
                    spec()
                        .withRows(
                            List.of(
                                DimensionSpec.of(
                                    "oa", RollUp.toVariables(List.of("la", "region"))))),
                    data,
                    CancellationToken.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Cannot roll 'la' up to 'region'")
        .hasMessageContaining("'L1' has two parents");
  }

  /** Hand-computed weighted percentiles: ties, zero and missing weights, missing values. */
  private static final DatasetColumns WEIGHTED =
      TestData.dataset(
          "d",
          TestData.cat("g", "A", "A", "A", "B", "B", "B", "C", "C", "C", "C", "D", "D", "E", "E"),
          TestData.num(
              "x", 1.0, 2.0, 3.0, 5.0, 5.0, 7.0, 1.0, 100.0, 4.0, 6.0, 9.0, 10.0, null, 8.0),
          TestData.num("w", 1.0, 1.0, 2.0, 1.0, 1.0, 2.0, 0.0, 0.0, 1.0, 3.0, 0.0, null, 5.0, 1.0));

  private Table weighted(String measure) {
    return tabulator.tabulate(
        spec().withRows("g").withMeasure(Measure.parse(measure)).withWeight("w"),
        WEIGHTED,
        CancellationToken.NONE);
  }

  @Test
  void weightedMediansInvertTheWeightedDistributionWithTheMidpointConvention() {
    Table t = weighted("median:x");
    // A: 1(1) 2(1) 3(2), W=4, t=2: C reaches 2 exactly at 2, so the midpoint of 2 and 3
    assertThat(value(t, "A")).isEqualTo(2.5);
    // B: ties 5(1) 5(1) 7(2): as if 5 5 7 7, the midpoint of 5 and 7
    assertThat(value(t, "B")).isEqualTo(6);
    // C: zero weights drop 1 and 100; 4(1) 6(3), t=2 is passed at 6
    assertThat(value(t, "C")).isEqualTo(6);
    // D: weights 0 and missing (= 0): no weight, so empty, although two records contribute
    assertThat(value(t, "D")).isNaN();
    assertThat(count(t, "D")).isEqualTo(2);
    // E: the record without a value does not contribute, whatever its weight
    assertThat(value(t, "E")).isEqualTo(8);
    // Total: 1 2 3 3 4 5 5 6 6 6 7 7 8 by weight, W=13, t=6.5 is passed at the second 5
    assertThat(value(t, "Total")).isEqualTo(5);
    assertThat(t.isWeighted()).isTrue();
  }

  @Test
  void aMissingWeightCountsAsZeroWithoutChangingTheColumnAndACleanWeightAsItIs() {
    // weighted counts, summed by hand from WEIGHTED's w: A 1+1+2, C 0+0+1+3, D 0 + missing
    Table t = weighted("count");
    assertThat(value(t, "A")).isEqualTo(4);
    assertThat(value(t, "C")).isEqualTo(4);
    assertThat(value(t, "D")).isEqualTo(0);
    assertThat(value(t, "Total")).isEqualTo(4 + 4 + 4 + 0 + 6);
    // the zero stood in for the missing weight in a copy: the column still says missing
    assertThat(((NumericColumn) WEIGHTED.column("w")).values()[11]).isNaN();
    // without a missing weight the column is read as it is, and still not changed
    DatasetColumns clean =
        TestData.dataset("d", TestData.cat("g", "A", "A", "B"), TestData.num("w", 1.5, 2.0, 0.5));
    Table c =
        tabulator.tabulate(spec().withRows("g").withWeight("w"), clean, CancellationToken.NONE);
    assertThat(value(c, "A")).isEqualTo(3.5);
    assertThat(value(c, "Total")).isEqualTo(4);
    assertThat(((NumericColumn) clean.column("w")).values()).containsExactly(1.5, 2.0, 0.5);
  }

  @Test
  void weightedPercentilesUseTheSameRule() {
    Table p25 = weighted("p25:x");
    assertThat(value(p25, "A")).isEqualTo(1.5); // t=1 reached exactly at 1
    assertThat(value(p25, "C")).isEqualTo(5); // t=1 reached exactly at 4, next is 6
    Table p90 = weighted("p90:x");
    assertThat(value(p90, "A")).isEqualTo(3); // t=3.6
    Table p100 = weighted("p100:x");
    assertThat(value(p100, "C")).isEqualTo(6); // zero-weight 100 is not the maximum
  }

  @Test
  void unitWeightsGiveTheUnweightedPercentiles() {
    double[] ones = new double[PEOPLE.rows()];
    java.util.Arrays.fill(ones, 1.0);
    java.util.Map<String, org.statbench.core.data.Column> cols =
        new java.util.LinkedHashMap<>(PEOPLE.columns());
    cols.put(
        "one",
        new org.statbench.core.data.NumericColumn(
            "one", org.statbench.core.data.VariableType.DECIMAL, ones));
    DatasetColumns data = new DatasetColumns(PEOPLE.dataset(), PEOPLE.rows(), cols);
    for (String m : List.of("median:amount", "p10:amount", "p25:amount", "p90:amount")) {
      TableSpec s = spec().withRows("region").withColumns("sex").withMeasure(Measure.parse(m));
      Table plain = tabulator.tabulate(s, data, CancellationToken.NONE);
      Table w = tabulator.tabulate(s.withWeight("one"), data, CancellationToken.NONE);
      for (int i = 0; i < plain.cellCount(); i++) {
        assertThat(Double.compare(w.value(i), plain.value(i))).as(m + " cell " + i).isZero();
      }
    }
  }

  @Test
  void weightedPercentilesRefuseNegativeWeights() {
    DatasetColumns data =
        TestData.dataset(
            "d",
            TestData.cat("g", "A", "A"),
            TestData.num("x", 1.0, 2.0),
            TestData.num("w", 1.0, -1.0));
    assertThatThrownBy(
            () ->
                tabulator.tabulate(
                    spec().withRows("g").withMeasure(Measure.parse("median:x")).withWeight("w"),
                    data,
                    CancellationToken.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'w' has -1");
  }

  @Test
  void rollUpRejectsACodeWithTwoParents() {
    DatasetColumns data =
        TestData.dataset("d", TestData.cat("la", "L1", "L1"), TestData.cat("region", "R1", "R2"));
    assertThatThrownBy(
            () ->
                tabulator.tabulate(
                    spec().withRows(List.of(DimensionSpec.of("la", RollUp.toVariable("region")))),
                    data,
                    CancellationToken.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'L1' has two parents");
  }

  @Test
  void nestedDimensionsAndWafers() {
    Table t =
        run(
            spec()
                .withRows("region", "sex")
                .withWafers(List.of(DimensionSpec.of("age", Bands.parse("-29,30+")))));
    assertThat(t.dimensions()).hasSize(3);
    assertThat(value(t, "S", "M", "-29")).isEqualTo(1);
    assertThat(value(t, "Total", "Total", "Total")).isEqualTo(10);
    assertThat(value(t, "Total", "F", "30+")).isEqualTo(1);
  }

  @Test
  void aTableTooLargeToReadIsRefusedWithAHint() {
    int n = 5000;
    String[] a = new String[n];
    String[] b = new String[n];
    for (int i = 0; i < n; i++) {
      a[i] = "a" + i;
      b[i] = "b" + i;
    }
    DatasetColumns data = TestData.dataset("d", TestData.cat("a", a), TestData.cat("b", b));
    assertThatThrownBy(
            () ->
                tabulator.tabulate(
                    spec().withRows("a").withColumns("b"), data, CancellationToken.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("cells");
  }

  @Test
  void unknownVariableIsNamed() {
    assertThatThrownBy(() -> run(spec().withRows("nope")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'nope'");
  }

  @Test
  void medianNeedsANumericVariable() {
    assertThatThrownBy(
            () -> run(spec().withRows("sex").withMeasure(Measure.of(MeasureKind.MEDIAN, "region"))))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("region");
  }

  @Test
  void cancelledTokenStopsTheComputation() {
    int n = 300_000;
    String[] v = new String[n];
    java.util.Arrays.fill(v, "a");
    DatasetColumns big = TestData.dataset("d", TestData.cat("x", v));
    CancellationToken token = new CancellationToken();
    token.cancel();
    assertThatThrownBy(() -> tabulator.tabulate(spec().withRows("x"), big, token))
        .isInstanceOf(CancelledException.class);
  }

  @Test
  void aTableWithoutDimensionsIsTheGrandTotal() {
    Table t = run(spec());
    assertThat(t.cellCount()).isEqualTo(1);
    assertThat(t.value(0)).isEqualTo(10);
  }
}
