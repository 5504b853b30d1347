package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.StringWriter;
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
import org.statbench.core.ProgressListener;
import org.statbench.core.ResourceException;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateUnit;
import org.statbench.store.ColumnSlices;
import org.statbench.store.DerivedVariable;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/**
 * Cohorts tracked a slice of records at a time equal cohorts over the whole columns in memory, over
 * a dataset of three slices (the last one short): plain monthly cohorts, the simple estimator,
 * breakdowns by a code, a derived variable, banded numbers and grouped dates, filters, end of
 * observation and a competing event, quarters and as-of dates.
 */
class StreamedCohortTest {
  @TempDir static Path dir;
  static Workspace ws;

  /** Two slices and a bit. */
  static final int ROWS = 2 * ColumnSlices.SLICE_ROWS + 40_321;

  static final LocalDate BASE = LocalDate.of(2020, 1, 1);

  @BeforeAll
  static void importExtract() throws Exception {
    Path csv = dir.resolve("referrals.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("entry,event,end,other,region,age,born,late\n");
      for (int i = 0; i < ROWS; i++) {
        w.write(i % 499 == 0 ? "" : BASE.plusDays(i % 700).toString()); // entry, some missing
        w.write(',');
        w.write(i % 3 == 0 ? "" : BASE.plusDays(i % 700 + i % 400).toString());
        w.write(',');
        w.write(i % 5 == 0 ? BASE.plusDays(i % 700 + 200).toString() : "");
        w.write(',');
        w.write(i % 7 == 0 ? BASE.plusDays(i % 700 + i % 90).toString() : "");
        w.write(',');
        w.write(i % 1000 == 1 ? "" : "R" + i % 6);
        w.write(',');
        w.write(i % 777 == 2 ? "" : Integer.toString(16 + i % 60));
        w.write(',');
        w.write(LocalDate.of(1960, 1, 1).plusDays(i % 9000).toString());
        w.write(',');
        // a day after entry, but a day before it in some records of the third slice
        w.write(
            BASE.plusDays(i % 700 + (i >= 2 * ColumnSlices.SLICE_ROWS && i % 1000 == 5 ? -1 : 1))
                .toString());
        w.write('\n');
      }
    }
    ws = Workspace.open(dir.resolve("ws"));
    ws.importCsv(ImportRequest.of("ref", csv), null, CancellationToken.NONE);
    ws.addDerivedVariables(
        "ref",
        List.of(
            new DerivedVariable(
                "area", "Area", "region", Map.of("R0", "North", "R1", "North"), null)));
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  private static String csv(CohortTable t) {
    StringWriter w = new StringWriter();
    CohortCsv.write(t, w);
    return w.toString();
  }

  private static CohortTable streamed(CohortSpec spec) {
    return CohortTracker.track(
        RecordSlices.of(
            ws.columnSlices("ref", spec.variables()), vars -> ws.columnSlices("ref", vars)),
        spec,
        ProgressListener.NONE,
        CancellationToken.NONE);
  }

  private static CohortTable inMemory(CohortSpec spec) {
    return CohortTracker.track(ws.columns("ref", spec.variables()), spec);
  }

  private static void assertSame(CohortSpec spec) {
    CohortTable expected = inMemory(spec);
    CohortTable got = streamed(spec);
    assertThat(got).isEqualTo(expected);
    assertThat(csv(got)).isEqualTo(csv(expected));
  }

  @Test
  void theDatasetSpansThreeSlices() {
    assertThat(ws.columnSlices("ref", List.of("entry")).sliceCount()).isEqualTo(3);
  }

  @Test
  void monthlyKaplanMeierCohortsEqualTheInMemoryTable() {
    CohortSpec spec = CohortSpec.of("ref", "entry", "event").withHorizon(18);
    assertSame(spec);
    // entries on days 0..699 after 2020-01-01 repeat every 700 records; record 0 (and every
    // 499th) has none: January 2020 holds the records whose i % 700 < 31 and i % 499 != 0
    long january = 0;
    for (int i = 0; i < ROWS; i++) {
      if (i % 700 < 31 && i % 499 != 0) {
        january++;
      }
    }
    assertThat(streamed(spec).horizonMeasures().get(0).size()).isEqualTo(january);
  }

  @Test
  void theSimpleEstimatorWithAnAsOfDateEqualsTheInMemoryTable() {
    assertSame(
        CohortSpec.of("ref", "entry", "event")
            .withEstimator(Estimator.SIMPLE)
            .withAsOf(LocalDate.of(2021, 3, 15))
            .withHorizon(12));
  }

  @Test
  void breakdownsFiltersEndsAndCompetingEventsEqualTheInMemoryTable() {
    assertSame(
        CohortSpec.of("ref", "entry", "event")
            .withEnd("end")
            .withCompeting("other")
            .withBy(List.of("region", "age"))
            .withDerivation("age", Bands.parse("16-24,25-49,50+"))
            .withFilter(new CodeFilter("area", List.of("North"), true))
            .withHorizon(10));
    assertSame(
        CohortSpec.of("ref", "entry", "event")
            .withPeriod(CohortPeriod.QUARTER)
            .withBy(List.of("area", "born"))
            .withDerivation("born", new DateGrouping(DateUnit.YEAR))
            .withHorizon(6));
    assertSame(CohortSpec.of("ref", "entry", "event").withBy(List.of("age")).withHorizon(4));
  }

  @Test
  void aDateBeforeEntryInALaterSliceNamesItsRecordAsInMemory() {
    CohortSpec spec = CohortSpec.of("ref", "entry", "late").withHorizon(3);
    String expected =
        assertThatThrownBy(() -> inMemory(spec))
            .isInstanceOf(InputException.class)
            .actual()
            .getMessage();
    // the first is record i = 1,049,005 (i >= 2 * 524,288 and i % 1000 == 5), entered on day
    // i % 700 = 405 after 2020-01-01 (a leap year): 2021-02-09
    assertThatThrownBy(() -> streamed(spec))
        .isInstanceOf(InputException.class)
        .hasMessage(expected)
        .hasMessageContaining(
            "record 1049006 (line 1049007): late 2021-02-08 is before entry 2021-02-09");
  }

  @Test
  void aStreamedBreakdownWithMoreValuesThanFitIsRefusedWithTheFigures() {
    Groups g = Groups.start(List.of("born"), Map.of("born", new DateGrouping(DateUnit.YEAR)));
    g.scan(ws.columnSlices("ref", List.of("born")).slice(0));
    assertThatThrownBy(() -> g.plan(1_000))
        .isInstanceOf(ResourceException.class)
        .hasMessageContaining("tracking cohorts by 'born': its 9,000 distinct values")
        .hasMessageContaining("(at most 1,000 here)");
  }

  @Test
  void columnsAreStreamedWhenTwiceWhatTheyNeedExceedsTheFreeHeap() {
    assertThat(CohortTracker.shouldStream(100, 1_000, 700)).isFalse(); // 200 <= 300 free
    assertThat(CohortTracker.shouldStream(151, 1_000, 700)).isTrue(); // 302 > 300
    assertThat(CohortTracker.shouldStream(0, 1_000, 1_000)).isFalse(); // a database source
    CohortSpec spec = CohortSpec.of("ref", "entry", "event").withBy(List.of("region"));
    // two date columns of 4 bytes, a byte-coded region, and 12 bytes a record for the breakdown
    assertThat(CohortTracker.bytesInMemory(ws, spec)).isEqualTo((4 + 4 + 1 + 12L) * ROWS);
  }
}
