package org.statbench.tabulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.statbench.tabulate.Cells.codesOf;
import static org.statbench.tabulate.Cells.count;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.spec.RollUp;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;
import org.statbench.store.ColumnSlices;
import org.statbench.store.DerivedVariable;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/**
 * Tables streamed a slice at a time equal the in-memory tables over the same workspace, over a
 * dataset of three slices (the last one short), with categorical, numeric and date dimensions,
 * missing values, filters, weights and percentages.
 */
class StreamedTabulationTest {
  @TempDir static Path dir;
  static Workspace ws;

  /** Two slices and a bit. */
  static final int ROWS = 2 * ColumnSlices.SLICE_ROWS + 51_234;

  @BeforeAll
  static void importExtract() throws Exception {
    Path csv = dir.resolve("big.csv");
    LocalDate base = LocalDate.of(2020, 1, 1);
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("region,sex,kids,start,amount,w\n");
      for (int i = 0; i < ROWS; i++) {
        w.write("R" + i % 7);
        w.write(i % 2 == 0 ? ",F," : ",M,");
        w.write(i % 1000 == 999 ? "" : Integer.toString(i % 5)); // kids: missing 1 in 1000
        w.write(',');
        w.write(base.plusDays(i % 900).toString());
        w.write(',');
        w.write(i % 97 == 0 ? "" : (i % 100) + ".5"); // amount: missing 1 in 97
        w.write(',');
        w.write(Integer.toString(1 + i % 3));
        w.write('\n');
      }
    }
    ws = Workspace.open(dir.resolve("ws"));
    ws.importCsv(ImportRequest.of("big", csv), null, CancellationToken.NONE);
    ws.addDerivedVariables(
        "big",
        List.of(
            new DerivedVariable(
                "area",
                "Area",
                "region",
                Map.of("R0", "North", "R1", "North", "R2", "South", "R3", "South"),
                null)));
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  private static Table inMemory(TableSpec spec) {
    return new Tabulator()
        .tabulate(spec, ws.columns("big", spec.variables()), CancellationToken.NONE);
  }

  private static Table streamed(TableSpec spec) {
    return StreamedTabulation.tabulate(spec, ws, CancellationToken.NONE);
  }

  @Test
  void countsByTwoCategoricalVariablesFollowTheGeneratorsFormula() {
    TableSpec spec = TableSpec.of("big").withRows("region").withColumns("sex");
    Table t = streamed(spec);
    assertThat(t).isEqualTo(inMemory(spec));
    // record i is in (R r, F) when i = r (mod 7) and i = 0 (mod 2): one residue t mod 14
    for (int r = 0; r < 7; r++) {
      for (int s = 0; s < 2; s++) {
        int residue = r % 2 == s ? r : r + 7;
        long expected = ROWS > residue ? (ROWS - 1 - residue) / 14 + 1 : 0;
        assertThat(count(t, "R" + r, s == 0 ? "F" : "M")).isEqualTo(expected);
      }
    }
    assertThat(count(t, "Total", "Total")).isEqualTo(ROWS);
  }

  @Test
  void weightedMeansWithFiltersByANumericDimensionEqualTheInMemoryTable() {
    TableSpec spec =
        TableSpec.of("big")
            .withRows("kids")
            .withColumns("region")
            .withWafers("sex")
            .withMeasure(Measure.of(MeasureKind.MEAN, "amount"))
            .withWeight("w")
            .withFilter(CodeFilter.exclude("region", "R3"))
            .withFilter(new RangeFilter("amount", 10, 80));
    Table t = streamed(spec);
    assertThat(codesOf(t, 0)).containsExactly("0", "1", "2", "3", "4", "Missing");
    assertThat(t).isEqualTo(inMemory(spec));
  }

  @Test
  void sumsByDateGroupAsRowPercentagesEqualTheInMemoryTable() {
    TableSpec spec =
        TableSpec.of("big")
            .withRows(List.of(DimensionSpec.of("start", new DateGrouping(DateUnit.YEAR))))
            .withColumns("kids")
            .withMeasure(Measure.of(MeasureKind.SUM, "amount"))
            .withPercentage(Percentage.ROW);
    assertThat(streamed(spec)).isEqualTo(inMemory(spec));
    TableSpec max =
        TableSpec.of("big").withRows("sex").withMeasure(Measure.of(MeasureKind.MAX, "amount"));
    assertThat(streamed(max)).isEqualTo(inMemory(max));
  }

  @Test
  void aDerivedVariableIsMappedSliceBySlice() {
    TableSpec spec = TableSpec.of("big").withRows("area").withColumns("sex");
    Table t = streamed(spec);
    assertThat(t).isEqualTo(inMemory(spec));
    assertThat(codesOf(t, 0)).containsExactly("North", "South", "Missing");
    // records of region R r: i = r (mod 7); R4..R6 have no area
    assertThat(count(t, "North", "Total")).isEqualTo(ofResidue(0) + ofResidue(1));
    assertThat(count(t, "South", "Total")).isEqualTo(ofResidue(2) + ofResidue(3));
    assertThat(count(t, "Missing", "Total")).isEqualTo(ofResidue(4) + ofResidue(5) + ofResidue(6));
  }

  /** Records i < ROWS with i = r (mod 7). */
  private static long ofResidue(int r) {
    return (ROWS - 1 - r) / 7 + 1;
  }

  /** Streamed with at most {@code budget} bucket counters per percentile pass. */
  private static Table streamed(TableSpec spec, long budget) {
    return StreamedTabulation.tabulate(spec, ws, budget, CancellationToken.NONE);
  }

  @Test
  void mediansAndPercentilesWithTiesMissingValuesAndFiltersEqualTheInMemoryTable() {
    TableSpec median =
        TableSpec.of("big")
            .withRows("region")
            .withColumns("kids")
            .withMeasure(Measure.of(MeasureKind.MEDIAN, "amount"))
            .withFilter(CodeFilter.exclude("sex", "M"))
            .withFilter(new RangeFilter("w", 1, 2));
    TableSpec p90 =
        TableSpec.of("big")
            .withRows(List.of(DimensionSpec.of("start", new DateGrouping(DateUnit.YEAR))))
            .withColumns("area")
            .withMeasure(new Measure(MeasureKind.PERCENTILE, "amount", 90));
    TableSpec p10 =
        TableSpec.of("big")
            .withRows("sex")
            .withMeasure(new Measure(MeasureKind.PERCENTILE, "w", 10));
    for (TableSpec spec : List.of(median, p90, p10)) {
      Table expected = inMemory(spec);
      // from few buckets a pass (many passes) to 1,024 (three or four)
      for (long budget : new long[] {1_000, 1 << 20}) {
        assertThat(streamed(spec, budget)).as(spec.measure().label()).isEqualTo(expected);
      }
    }
    // 2 buckets a pass: about 60 passes
    assertThat(streamed(p10, 1)).isEqualTo(inMemory(p10));
  }

  @Test
  void percentilesOfTheWeightColumnFollowTheGeneratorsFormula() {
    // w = 1 + i % 3 over ROWS = 1,099,810 records: 366,604 ones, 366,603 twos, 366,603 threes
    TableSpec spec = TableSpec.of("big").withMeasure(Measure.of(MeasureKind.MEDIAN, "w"));
    // n / 2 = 549,905 is whole: the midpoint of x_549905 and x_549906, both twos
    assertThat(streamed(spec).value(0)).isEqualTo(2.0);
    // 25%: h = 274,952.5, x_274953 is a one; 75%: h = 824,857.5, x_824858 > 733,207 is a three
    assertThat(streamed(spec.withMeasure(new Measure(MeasureKind.PERCENTILE, "w", 25))).value(0))
        .isEqualTo(1.0);
    assertThat(streamed(spec.withMeasure(new Measure(MeasureKind.PERCENTILE, "w", 75))).value(0))
        .isEqualTo(3.0);
  }

  @Test
  void aMedianBetweenTwoValuesIsTheirMidpointAndAnEmptyCellIsMissing(@TempDir Path small)
      throws Exception {
    Path csv = small.resolve("small.csv");
    Files.writeString(csv, "g,x\na,10\na,-2.5\na,3\na,1e300\nb,\nc,-0.5\nc,7\nc,7\n");
    try (Workspace w = Workspace.open(small.resolve("ws"))) {
      w.importCsv(ImportRequest.of("s", csv), null, CancellationToken.NONE);
      TableSpec spec =
          TableSpec.of("s").withRows("g").withMeasure(Measure.of(MeasureKind.MEDIAN, "x"));
      Table t = StreamedTabulation.tabulate(spec, w, 1, CancellationToken.NONE);
      // a: -2.5, 3, 10, 1e300: (3 + 10) / 2; b: no values; c: -0.5, 7, 7: 7
      assertThat(Cells.value(t, "a")).isEqualTo(6.5);
      assertThat(Cells.value(t, "b")).isNaN();
      assertThat(Cells.value(t, "c")).isEqualTo(7.0);
      // all seven values: -2.5, -0.5, 3, 7, 7, 10, 1e300: the fourth
      assertThat(Cells.value(t, "Total")).isEqualTo(7.0);
    }
  }

  @Test
  void weightedMediansAndPercentilesEqualTheInMemoryTableBitForBitInOneWindowOrMany() {
    TableSpec median =
        TableSpec.of("big")
            .withRows("region")
            .withColumns("kids")
            .withMeasure(Measure.of(MeasureKind.MEDIAN, "amount"))
            .withWeight("w")
            .withFilter(CodeFilter.exclude("sex", "M"));
    TableSpec p90 =
        TableSpec.of("big")
            .withRows(List.of(DimensionSpec.of("start", new DateGrouping(DateUnit.YEAR))))
            .withColumns("area")
            .withMeasure(new Measure(MeasureKind.PERCENTILE, "amount", 90))
            .withWeight("kids");
    TableSpec p10 =
        TableSpec.of("big")
            .withRows("sex")
            .withMeasure(new Measure(MeasureKind.PERCENTILE, "kids", 10))
            .withWeight("amount");
    for (TableSpec spec : List.of(median, p90, p10)) {
      Table expected = inMemory(spec);
      // one window holding every (value, weight, cell) entry; windows of a few hundred entries
      for (long budget : new long[] {1 << 20, 300}) {
        assertThat(streamed(spec, budget)).as(spec.measure().label()).isEqualTo(expected);
      }
    }
  }

  @Test
  void weightedMediansFollowTheDefinitionWithSumsInTheOrderOfValueAndWeight(@TempDir Path small)
      throws Exception {
    Path csv = small.resolve("small.csv");
    // b: weights 0.1 three times then 0.7: summed in that order 0.1 + 0.1 + 0.1 =
    // 0.30000000000000004
    Files.writeString(
        csv,
        "g,x,w\na,1,1\na,2,1\na,3,2\nb,5,0.1\nb,5,0.1\nb,5,0.1\nb,9,0.7\nc,4,\nc,8,0\n"
            + "d,-1,2\nd,6,3\nd,6,1\n");
    try (Workspace w = Workspace.open(small.resolve("ws"))) {
      w.importCsv(ImportRequest.of("s", csv), null, CancellationToken.NONE);
      TableSpec spec =
          TableSpec.of("s")
              .withRows("g")
              .withMeasure(Measure.of(MeasureKind.MEDIAN, "x"))
              .withWeight("w");
      for (long budget : new long[] {1, 1 << 20}) {
        Table t = StreamedTabulation.tabulate(spec, w, budget, CancellationToken.NONE);
        assertThat(t)
            .isEqualTo(
                new Tabulator()
                    .tabulate(spec, w.columns("s", spec.variables()), CancellationToken.NONE));
        // a: W = 4, t = 2; C = 1, 2 (= t at x = 2): the midpoint of 2 and 3
        assertThat(Cells.value(t, "a")).isEqualTo(2.5);
        // b: W = 0.30000000000000004 + 0.7 = 1.0, t = 0.5; C = 0.1, 0.2, 0.30000000000000004, 1.0
        assertThat(Cells.value(t, "b")).isEqualTo(9.0);
        // c: a missing weight and a zero weight: no weight, empty
        assertThat(Cells.value(t, "c")).isNaN();
        // d: sorted (-1, 2), (6, 1), (6, 3): W = 6, t = 3; C = 2, 3 (= t) at 6, next value 6
        assertThat(Cells.value(t, "d")).isEqualTo(6.0);
      }
    }
  }

  @Test
  void rollUpsByParentVariablesEqualTheInMemoryTable() {
    TableSpec spec =
        TableSpec.of("big")
            .withRows(List.of(DimensionSpec.of("region", RollUp.toVariable("area"))))
            .withColumns("sex")
            .withMeasure(Measure.of(MeasureKind.MEDIAN, "amount"))
            .withWeight("w");
    assertThat(streamed(spec)).isEqualTo(inMemory(spec));
    TableSpec counts =
        TableSpec.of("big")
            .withRows(List.of(DimensionSpec.of("region", RollUp.toVariable("area"))))
            .withColumns("sex");
    Table t = streamed(counts);
    assertThat(t).isEqualTo(inMemory(counts));
    // North holds R0 and R1 (records i = 0, 1 mod 7); R4..R6 have no area: directly under Total
    assertThat(codesOf(t, 0)).containsSubsequence("North", "R0", "R1", "South", "R2", "R3");
    assertThat(count(t, "North", "Total")).isEqualTo(ofResidue(0) + ofResidue(1));
    assertThat(count(t, "R4", "Total")).isEqualTo(ofResidue(4));
  }

  @Test
  void aRollUpToAVariableGivingACodeTwoParentsNamesTheFirstConflictAsInMemory() {
    // region R i % 7 and sex by i % 2: R0 is met with F (record 0), then with M (record 7)
    TableSpec spec =
        TableSpec.of("big").withRows(List.of(DimensionSpec.of("region", RollUp.toVariable("sex"))));
    String message = "Cannot roll 'region' up to 'sex': code 'R0' has two parents, 'F' and 'M'";
    assertThatThrownBy(() -> streamed(spec)).isInstanceOf(InputException.class).hasMessage(message);
    assertThatThrownBy(() -> inMemory(spec)).isInstanceOf(InputException.class).hasMessage(message);
  }

  @Test
  void cellKeysOfAStreamedTableAreTheFractionalPartsOfTheRecordKeySumsAsInMemory() {
    TableSpec spec =
        TableSpec.of("big")
            .withRows("region")
            .withColumns("sex")
            .withMeasure(Measure.of(MeasureKind.MEAN, "amount"))
            .withWeight("w");
    Table s = StreamedTabulation.tabulateWithCellKeys(spec, ws, CancellationToken.NONE);
    Table m = new Tabulator().tabulateWithCellKeys(spec, ws, CancellationToken.NONE);
    assertThat(s).isEqualTo(m);
    for (int i = 0; i < s.cellCount(); i++) {
      assertThat(s.cellKey(i)).as("cell %d", i).isEqualTo(m.cellKey(i));
    }
    // (R0, F) holds the records i = 0 (mod 14); its key counts every one of them (the key is
    // of the records in the cell, whether or not they have an amount), added in record order
    double[] keys = ws.recordKeys("big");
    double sum = 0;
    for (int i = 0; i < ROWS; i += 14) {
      sum += keys[i];
    }
    assertThat(s.cellKey(Cells.at(s, "R0", "F"))).isEqualTo(sum - Math.floor(sum));
  }

  @Test
  void distinctCountsEqualTheInMemoryTableWhetherThePairsFitInOnePassOrNot() {
    TableSpec amounts =
        TableSpec.of("big")
            .withRows("region")
            .withColumns("sex")
            .withMeasure(Measure.of(MeasureKind.DISTINCT_COUNT, "amount"))
            .withFilter(new RangeFilter("w", 2, 3));
    TableSpec dates =
        TableSpec.of("big")
            .withRows("area")
            .withMeasure(Measure.of(MeasureKind.DISTINCT_COUNT, "start"))
            .withFilter(CodeFilter.exclude("kids", "0"));
    TableSpec codes =
        TableSpec.of("big")
            .withRows("sex")
            .withMeasure(Measure.of(MeasureKind.DISTINCT_COUNT, "region"));
    for (TableSpec spec : List.of(amounts, dates, codes)) {
      Table expected = inMemory(spec);
      // from one pass holding every pair to many passes holding a few each
      for (long budget : new long[] {1 << 20, 1_000}) {
        assertThat(streamed(spec, budget)).as(spec.measure().label()).isEqualTo(expected);
      }
    }
    // R3 and F hold i = 10 (mod 14), whose i % 100 are the 50 even numbers (gcd(14, 100) = 2), so
    // amount = i % 100 + 0.5 takes 50 values there (missing when i % 97 == 0 only); R3 holds 100
    Table all = streamed(amounts.withFilters(List.of()), 500);
    assertThat(Cells.value(all, "R3", "F")).isEqualTo(50.0);
    assertThat(Cells.value(all, "R3", "Total")).isEqualTo(100.0);
    assertThat(Cells.value(streamed(codes, 3), "Total")).isEqualTo(7.0);
  }

  @Test
  void streamsWhenTwiceTheColumnsExceedTheFreeHeap() {
    long mb = 1 << 20;
    assertThat(StreamedTabulation.shouldStream(40 * mb, 256 * mb, 170 * mb)).isFalse();
    assertThat(StreamedTabulation.shouldStream(50 * mb, 256 * mb, 170 * mb)).isTrue();
    assertThat(StreamedTabulation.shouldStream(0, 256 * mb, 256 * mb)).isFalse();
  }
}
