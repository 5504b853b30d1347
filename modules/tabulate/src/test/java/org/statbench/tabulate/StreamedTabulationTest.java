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
import org.statbench.core.ResourceException;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.RangeFilter;
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
    return StreamedTabulation.tabulate(spec, ws, 0, CancellationToken.NONE);
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

  @Test
  void mediansAreRefusedWithTheFiguresWhenTheColumnsDoNotFit() {
    TableSpec spec =
        TableSpec.of("big")
            .withRows("region")
            .withMeasure(Measure.of(MeasureKind.MEDIAN, "amount"));
    assertThatThrownBy(
            () -> StreamedTabulation.tabulate(spec, ws, 9_000_000, CancellationToken.NONE))
        .isInstanceOf(ResourceException.class)
        .hasMessageContaining("tabulating 1,099,810 rows of 'big'")
        .hasMessageContaining("the columns take about 9 MB")
        .hasMessageContaining("needs all of the cell's values at once")
        .hasMessageContaining("JAVA_TOOL_OPTIONS=-Xmx");
  }

  @Test
  void streamsWhenTwiceTheColumnsExceedTheFreeHeap() {
    long mb = 1 << 20;
    assertThat(StreamedTabulation.shouldStream(40 * mb, 256 * mb, 170 * mb)).isFalse();
    assertThat(StreamedTabulation.shouldStream(50 * mb, 256 * mb, 170 * mb)).isTrue();
    assertThat(StreamedTabulation.shouldStream(0, 256 * mb, 256 * mb)).isFalse();
  }
}
