package org.statbench.tabulate.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.statbench.core.CancellationToken;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.TableSpec;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import org.statbench.tabulate.Tabulator;
import org.statbench.tabulate.survey.SurveyDesign.ReplicateType;

/**
 * Survey estimates streamed slice by slice (slices forced small, so a few thousand records make
 * many slices, the last one short) equal the in-memory estimates to the last bit: the same sums
 * added in the same record order.
 */
class StreamedSurveyTest {
  @TempDir static Path dir;
  static Workspace ws;

  static final int ROWS = 5_003;

  /** Records per slice: not a divisor of the rows, so PSUs and strata straddle slices. */
  static final int SLICE = 700;

  @BeforeAll
  static void importSurvey() throws Exception {
    Path csv = dir.resolve("survey.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("region,sex,stratum,psu,fpc,frac,y,x,w,r1,r2,r3,wave\n");
      for (int i = 0; i < ROWS; i++) {
        int psu = (i * 7) % 60; // 60 PSUs, each in one stratum, first seen out of order
        int stratum = 1 + psu % 4;
        double wt = 1 + (i % 4) * 0.5;
        w.write("R" + i % 5);
        w.write(i % 2 == 0 ? ",F," : ",M,");
        w.write(stratum + ",P" + psu + "," + (100 + 10 * stratum) + ",0.0" + stratum + ",");
        w.write(i % 53 == 0 ? "" : ((i * 37) % 101) + ".25"); // y: missing 1 in 53
        w.write("," + (1 + i % 9) + "," + wt);
        for (int k = 0; k < 3; k++) {
          w.write("," + (i % 3 == k ? 0 : wt * 1.5));
        }
        w.write(",W" + (1 + (i / 7) % 3)); // waves: runs of 7 records, so PSUs are in every wave
        w.write('\n');
      }
    }
    ws = Workspace.open(dir.resolve("ws"));
    ws.importCsv(ImportRequest.of("s", csv), null, CancellationToken.NONE);
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  private final SurveyEstimator estimator = new SurveyEstimator(new Tabulator());

  private static final SurveyDesign STRATIFIED =
      SurveyDesign.parse("strata=stratum,psu=psu,fpc=fpc", "w");

  /** Each record its own PSU; fpc as sampling fractions 1% to 4% by stratum. */
  private static final SurveyDesign NO_PSU = SurveyDesign.parse("strata=stratum,fpc=frac", "w");

  private void assertStreamedEqualsInMemory(TableSpec spec, String measure, SurveyDesign d) {
    assertStreamedEqualsInMemory(estimator, spec, measure, d);
  }

  private static void assertStreamedEqualsInMemory(
      SurveyEstimator estimator, TableSpec spec, String measure, SurveyDesign d) {
    SurveyMeasure m = SurveyMeasure.parse(measure);
    java.util.LinkedHashSet<String> vars = new java.util.LinkedHashSet<>(spec.variables());
    vars.addAll(m.variables());
    vars.addAll(d.variables());
    SurveyTable mem =
        estimator.estimate(
            spec, m, d, 0.95, ws.columns("s", List.copyOf(vars)), CancellationToken.NONE);
    SurveyTable str =
        estimator.estimateStreamed(spec, m, d, 0.95, ws, SLICE, CancellationToken.NONE);
    assertSameFigures(str, mem);
  }

  /** Streamed and in-memory tables: the same cells and labels, every figure to the last bit. */
  private static void assertSameFigures(SurveyTable str, SurveyTable mem) {
    assertThat(str.table()).isEqualTo(mem.table());
    assertThat(str.measureLabel()).isEqualTo(mem.measureLabel());
    int n = mem.cellCount();
    assertThat(n).isGreaterThan(1);
    for (int c = 0; c < n; c++) {
      assertSameBits("estimate", c, str.estimate(c), mem.estimate(c));
      assertSameBits("se", c, str.se(c), mem.se(c));
      assertSameBits("lower", c, str.lower(c), mem.lower(c));
      assertSameBits("upper", c, str.upper(c), mem.upper(c));
      assertSameBits("deff", c, str.deff(c), mem.deff(c));
      assertThat(str.base(c)).as("base %d", c).isEqualTo(mem.base(c));
    }
    // not trivially equal: some standard error is there to compare
    assertThat(java.util.stream.IntStream.range(0, n).mapToDouble(mem::se).max().orElseThrow())
        .isPositive();
  }

  /** The same double to the last bit (NaN equal to NaN). */
  private static void assertSameBits(String what, int cell, double streamed, double inMemory) {
    assertThat(Double.doubleToLongBits(streamed))
        .as("%s of cell %d: streamed %s, in memory %s", what, cell, streamed, inMemory)
        .isEqualTo(Double.doubleToLongBits(inMemory));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"count", "sum:y", "mean:y", "ratio:y/x"})
  void linearisedEstimatesAndChangesWithAndWithoutPsusEqualTheInMemoryOnes(String measure) {
    TableSpec spec = TableSpec.of("s").withRows("region").withColumns("sex");
    for (SurveyDesign d : List.of(STRATIFIED, NO_PSU)) {
      assertStreamedEqualsInMemory(spec, measure, d);
      assertStreamedChangeEqualsInMemory(spec, measure, d);
    }
  }

  @Test
  void rowPercentagesUnderAFilterEqualTheInMemoryOnes() {
    TableSpec spec =
        TableSpec.of("s")
            .withRows("region")
            .withColumns("sex")
            .withFilter(CodeFilter.include("region", "R0", "R1", "R3"))
            .withPercentage(Percentage.ROW);
    assertStreamedEqualsInMemory(spec, "count", STRATIFIED);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"jk1, mean:y", "bootstrap, sum:y", "jk1, count", "jk1, gini:y", "bootstrap, gini:y"})
  void replicateWeightEstimatesEqualTheInMemoryOnes(String type, String measure) {
    SurveyDesign d =
        SurveyDesign.weightOnly("w")
            .withReplicates(
                List.of("r1", "r2", "r3"), ReplicateType.valueOf(type.toUpperCase(Locale.ROOT)));
    assertStreamedEqualsInMemory(TableSpec.of("s").withRows("region"), measure, d);
  }

  /** Imports a small dataset written in the test. */
  private static void importCsv(String name, String text) throws Exception {
    Path csv = dir.resolve(name + ".csv");
    Files.writeString(csv, text);
    ws.importCsv(ImportRequest.of(name, csv), null, CancellationToken.NONE);
  }

  /** The streamed estimate at 95% with slices of one record. */
  private SurveyTable oneRecordASlice(TableSpec spec, String measure, SurveyDesign d) {
    return estimator.estimateStreamed(
        spec, SurveyMeasure.parse(measure), d, 0.95, ws, 1, CancellationToken.NONE);
  }

  @Test
  void standardErrorOfATotalFollowsTheStratifiedFormulaOneRecordASlice() throws Exception {
    // stratum A: PSU 1 = records (y 2, w 1) and (y 4, w 1), PSU 2 = (y 5, w 2);
    // stratum B: PSU 3 = (y 1, w 3), PSU 4 = (y 3, w 2).
    // PSU totals of w y: A 6 and 10 (mean 8), B 3 and 6 (mean 4.5); total 25.
    // var = sum_h n_h/(n_h - 1) sum_i (t_hi - mean_h)^2 = 2 * (4 + 4) + 2 * (2.25 + 2.25) = 25.
    importCsv("tiny", "h,p,y,w\nA,1,2,1\nB,3,1,3\nA,1,4,1\nA,2,5,2\nB,4,3,2\n");
    SurveyTable t =
        oneRecordASlice(TableSpec.of("tiny"), "sum:y", SurveyDesign.parse("strata=h,psu=p", "w"));
    assertThat(t.estimate(0)).isEqualTo(25);
    assertThat(t.se(0)).isCloseTo(5, within(1e-12));
  }

  @Test
  void columnPercentagesWithoutAPsuVariableOrStrataEqualTheInMemoryOnes() {
    TableSpec spec =
        TableSpec.of("s").withRows("region").withColumns("sex").withPercentage(Percentage.COLUMN);
    assertStreamedEqualsInMemory(spec, "count", SurveyDesign.weightOnly("w"));
    assertStreamedEqualsInMemory(spec.withPercentage(Percentage.ROW), "sum:y", NO_PSU);
  }

  @Test
  void standardErrorOfATotalWithoutPsusTreatsEachRecordAsAPsu() throws Exception {
    // stratum A: records (y 2, w 1), (y 4, w 1), (y 5, w 2): u = w y = 2, 4, 10;
    //   sum u^2 - (sum u)^2 / n = 120 - 256/3 = 104/3, times n/(n - 1) = 3/2: 52
    // stratum B: (y 1, w 3), (y 3, w 2): u = 3, 6; 45 - 81/2 = 9/2, times 2: 9
    // var = 52 + 9 = 61; total 25
    importCsv("tinynopsu", "h,y,w\nA,2,1\nB,1,3\nA,4,1\nA,5,2\nB,3,2\n");
    SurveyTable t =
        oneRecordASlice(TableSpec.of("tinynopsu"), "sum:y", SurveyDesign.parse("strata=h", "w"));
    assertThat(t.estimate(0)).isEqualTo(25);
    assertThat(t.se(0)).isCloseTo(Math.sqrt(61), within(1e-12));
  }

  private void assertStreamedChangeEqualsInMemory(TableSpec spec, String measure, SurveyDesign d) {
    SurveyMeasure m = SurveyMeasure.parse(measure);
    java.util.LinkedHashSet<String> vars = new java.util.LinkedHashSet<>(spec.variables());
    vars.addAll(m.variables());
    vars.addAll(d.variables());
    vars.add("wave");
    SurveyTable mem =
        estimator.estimateChange(
            spec,
            m,
            d,
            0.95,
            ws.columns("s", List.copyOf(vars)),
            "wave",
            "W1",
            "W3",
            CancellationToken.NONE);
    SurveyTable str =
        estimator.estimateChangeStreamed(
            spec, m, d, 0.95, ws, "wave", "W1", "W3", SLICE, CancellationToken.NONE);
    assertThat(str.measureLabel()).startsWith("change:");
    assertSameFigures(str, mem);
  }

  @Test
  void changesOfPercentagesAndUnderReplicateWeightsEqualTheInMemoryOnes() {
    TableSpec spec =
        TableSpec.of("s").withRows("region").withColumns("sex").withPercentage(Percentage.ROW);
    assertStreamedChangeEqualsInMemory(spec, "count", STRATIFIED);
    assertStreamedChangeEqualsInMemory(spec, "count", NO_PSU);
    SurveyDesign jk1 =
        SurveyDesign.weightOnly("w").withReplicates(List.of("r1", "r2", "r3"), ReplicateType.JK1);
    assertStreamedChangeEqualsInMemory(TableSpec.of("s").withRows("region"), "mean:y", jk1);
  }

  @Test
  void streamedChangeCountsTheCovarianceOfPsusInBothWaves() throws Exception {
    // PSUs p1..p3 in both waves (w = 1): y wave 1 = 1, 2, 3 (total 6), wave 2 = 2, 2, 5 (total
    // 9): change 3. Differences by PSU 1, 0, 2 (mean 1): V = 3/2 * (0 + 1 + 1) = 3.
    // Each record its own PSU instead: u = -1, -2, -3 (wave 1), 2, 2, 5 (wave 2) over n = 6:
    // sum u = 3, sum u^2 = 47, V = 6/5 * (47 - 9/6) = 54.6.
    importCsv("waves", "p,wave,y,w\np1,1,1,1\np2,1,2,1\np3,1,3,1\np1,2,2,1\np2,2,2,1\np3,2,5,1\n");
    SurveyTable byPsu = changeOneRecordASlice(SurveyDesign.parse("psu=p", "w"));
    assertThat(byPsu.estimate(0)).isEqualTo(3);
    assertThat(byPsu.se(0)).isCloseTo(Math.sqrt(3), within(1e-12));
    SurveyTable byRecord = changeOneRecordASlice(SurveyDesign.weightOnly("w"));
    assertThat(byRecord.estimate(0)).isEqualTo(3);
    assertThat(byRecord.se(0)).isCloseTo(Math.sqrt(54.6), within(1e-12));
  }

  /** The change of sum:y from wave 1 to 2 in the dataset "waves", slices of one record. */
  private SurveyTable changeOneRecordASlice(SurveyDesign d) {
    return estimator.estimateChangeStreamed(
        TableSpec.of("waves"),
        SurveyMeasure.parse("sum:y"),
        d,
        0.95,
        ws,
        "wave",
        "1",
        "2",
        1,
        CancellationToken.NONE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"median:y", "p90:y"})
  void quantilesWithWoodruffIntervalsEqualTheInMemoryOnes(String measure) {
    TableSpec spec = TableSpec.of("s").withRows("region").withColumns("sex");
    assertStreamedEqualsInMemory(spec, measure, STRATIFIED);
    assertStreamedEqualsInMemory(spec, measure, NO_PSU);
    assertStreamedEqualsInMemory(
        spec.withFilter(CodeFilter.include("region", "R1", "R2")),
        measure,
        SurveyDesign.weightOnly("w").withReplicates(List.of("r1", "r2", "r3"), ReplicateType.JK1));
  }

  @Test
  void streamedQuantileIntervalInvertsTheDistributionFunctionsInterval() throws Exception {
    // twenty records y = 1..20, w = 1, in ten PSUs of two (1-2, 3-4, ...): median (the
    // cumulative weight hits 10 exactly) (10 + 11) / 2 = 10.5, F(10.5) = 0.5; per PSU
    // u = (sum w 1{y <= 10.5} - 0.5 * 2) / 20 = +0.05 (PSUs 1-5) or -0.05 (6-10);
    // V = 10/9 * 10 * 0.0025 = 1/36, se 1/6; t(0.975, df 10 - 1) = 2.2621571627982;
    // F interval 0.5 -+ 0.377026 = [0.122974, 0.877026]: cumulative weights 2.459 and 17.54 are
    // first reached at y = 3 and y = 18; SE = (18 - 3) / (2 t).
    // Each record its own PSU instead, the records 1..10 a domain (a filter) of the twenty:
    // median 5.5, u = (1{y <= 5.5} - 0.5) / 10 = +-0.05 on the ten, 0 on the others, V = 20/19 *
    // 10 * 0.0025 = 0.0263158, se 0.162221, df = 10 records - 1 stratum: the same t; F interval
    // 0.5 -+ 0.366969: cumulative weights 1.33 and 8.67 are first reached at y = 2 and y = 9.
    StringBuilder text = new StringBuilder("y,p,w\n");
    for (int y = 1; y <= 20; y++) {
      text.append(y).append(",P").append((y + 1) / 2).append(",1\n");
    }
    importCsv("twenty", text.toString());
    double t = 2.2621571627982;
    SurveyTable byPsu =
        oneRecordASlice(TableSpec.of("twenty"), "median:y", SurveyDesign.parse("psu=p", "w"));
    assertThat(byPsu.estimate(0)).isEqualTo(10.5);
    assertThat(byPsu.lower(0)).isEqualTo(3);
    assertThat(byPsu.upper(0)).isEqualTo(18);
    assertThat(byPsu.se(0)).isCloseTo(15 / (2 * t), within(1e-9));
    SurveyTable byRecord =
        oneRecordASlice(
            TableSpec.of("twenty")
                .withFilter(CodeFilter.include("p", "P1", "P2", "P3", "P4", "P5")),
            "median:y",
            SurveyDesign.weightOnly("w"));
    assertThat(byRecord.estimate(0)).isEqualTo(5.5);
    assertThat(byRecord.lower(0)).isEqualTo(2);
    assertThat(byRecord.upper(0)).isEqualTo(9);
    assertThat(byRecord.se(0)).isCloseTo(7 / (2 * t), within(1e-9));
  }

  @ParameterizedTest(name = "range budget {0}")
  @CsvSource({"262144", "40"})
  void giniEqualsTheInMemoryOneOverOneOrManyRangesOfValues(int budget) {
    // y has 101 values (ties in every cell), missing in 1 record of 53; 18 cells with margins:
    // a budget of 40 (cell, value) entries makes ranges of two or three values
    SurveyEstimator ranged = new SurveyEstimator(new Tabulator(), budget);
    TableSpec spec = TableSpec.of("s").withRows("region").withColumns("sex");
    for (SurveyDesign d : List.of(STRATIFIED, NO_PSU, SurveyDesign.weightOnly("w"))) {
      assertStreamedEqualsInMemory(ranged, spec, "gini:y", d);
    }
    // a domain (filter) and one dimension
    assertStreamedEqualsInMemory(
        ranged,
        TableSpec.of("s").withRows("sex").withFilter(CodeFilter.include("region", "R1", "R4")),
        "gini:y",
        STRATIFIED);
  }

  @Test
  void giniDoesNotDependOnTheRangesOfValuesBeyondRounding() {
    TableSpec spec = TableSpec.of("s").withRows("region").withColumns("sex");
    SurveyTable one =
        estimator.estimateStreamed(
            spec,
            SurveyMeasure.parse("gini:y"),
            STRATIFIED,
            0.95,
            ws,
            SLICE,
            CancellationToken.NONE);
    SurveyTable many =
        new SurveyEstimator(new Tabulator(), 40)
            .estimateStreamed(
                spec,
                SurveyMeasure.parse("gini:y"),
                STRATIFIED,
                0.95,
                ws,
                SLICE,
                CancellationToken.NONE);
    for (int c = 0; c < one.cellCount(); c++) {
      assertThat(many.estimate(c)).isEqualTo(one.estimate(c));
      assertThat(many.se(c)).isCloseTo(one.se(c), within(1e-15));
      assertThat(many.deff(c)).isCloseTo(one.deff(c), within(1e-12));
    }
  }

  @Test
  void streamedGiniHasItsHandWorkedStandardErrorWithTiedValues() throws Exception {
    // records (y, w, PSU): (1, 1, P1), (2, 1, P1), (2, 2, P2), (5, 1, P2); N = 5, Y = 12.
    // By value: sum y W_v (C_before + W_v / 2) = 1 * 1 * 0.5 + 2 * 3 * (1 + 1.5) + 5 * 1 * 4.5
    // = 38, G = 2 * 38 / 60 - 1 = 4/15 (pairs: sum w_i w_j |y_i - y_j| / (2 N Y) = 32 / 120).
    // h = y C - Y_c at the end of the value's ties: 0 (y 1), 2 * 4 - 7 = 1 (y 2), 25 - 12 = 13;
    // z = (2 h + 2 Y) / (N Y) - (G + 1)(1/N + y/Y) = 37/900, -28/900, 47/900 (sum w z = 0).
    // PSU totals of w z: P1 (37 - 28)/900 = 9/900, P2 (-56 + 47)/900 = -9/900; one stratum:
    // V = 2/1 * 2 * (9/900)^2 = 0.0004, se 0.02.
    // Each record its own PSU: w z = 37, -28, -56, 47 (/900), mean 0, V = 4/3 sum (w z)^2.
    importCsv("ginities", "y,p,w\n2,P2,2\n1,P1,1\n5,P2,1\n2,P1,1\n");
    double[] wz = {37 / 900.0, -28 / 900.0, -56 / 900.0, 47 / 900.0};
    double vRecords = 0;
    for (double u : wz) {
      vRecords += u * u * 4 / 3;
    }
    for (int budget : new int[] {GiniWalk.BUDGET, 1}) {
      SurveyEstimator ranged = new SurveyEstimator(new Tabulator(), budget);
      SurveyTable byPsu =
          ranged.estimateStreamed(
              TableSpec.of("ginities"),
              SurveyMeasure.parse("gini:y"),
              SurveyDesign.parse("psu=p", "w"),
              0.95,
              ws,
              1,
              CancellationToken.NONE);
      assertThat(byPsu.estimate(0)).isCloseTo(4 / 15.0, within(1e-15));
      assertThat(byPsu.se(0)).isCloseTo(0.02, within(1e-15));
      SurveyTable byRecord =
          ranged.estimateStreamed(
              TableSpec.of("ginities"),
              SurveyMeasure.parse("gini:y"),
              SurveyDesign.weightOnly("w"),
              0.95,
              ws,
              1,
              CancellationToken.NONE);
      assertThat(byRecord.estimate(0)).isCloseTo(4 / 15.0, within(1e-15));
      assertThat(byRecord.se(0)).isCloseTo(Math.sqrt(vRecords), within(1e-15));
    }
  }

  @Test
  void giniUnderReplicateWeightsOverManyRangesOfValuesEqualsTheInMemoryOne() {
    // each replicate's Gini from its own walk in (value, replicate weight) order; the point
    // estimate and design effect from the ranges of values (a budget of 40 entries: many ranges)
    SurveyEstimator ranged = new SurveyEstimator(new Tabulator(), 40);
    SurveyDesign jk1 =
        SurveyDesign.weightOnly("w").withReplicates(List.of("r1", "r2", "r3"), ReplicateType.JK1);
    assertStreamedEqualsInMemory(
        ranged, TableSpec.of("s").withRows("region").withColumns("sex"), "gini:y", jk1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"bootstrap, 0.5", "jk1, 0.6666666666666666"})
  void giniUnderReplicateWeightsHasTheHandWorkedReplicateVariance(String type, double scale)
      throws Exception {
    // y = 1, 2, 3, 4, w = 1: G = sum w_i w_j |y_i - y_j| / (2 N Y) = 20 / 80 = 0.25.
    // r1 = (2, 0, 1, 1): y 1 (w 2), 3, 4: N 4, Y 9, pairs 2*2 + 2*3 + 1 = 11: G = 22/72 = 11/36.
    // r2 = (0, 2, 1, 1): y 2 (w 2), 3, 4: N 4, Y 11, pairs 2*1 + 2*2 + 1 = 7: G = 14/88 = 7/44.
    // r3 = (1, 1, 2, 0): y 1, 2, 3 (w 2): N 4, Y 9, pairs 1 + 2*2 + 2*1 = 7: G = 14/72 = 7/36.
    // variance: scale * sum (G_r - mean G_r)^2, bootstrap 1/(R-1), JK1 (R-1)/R.
    importCsv("ginireps" + type, "y,w,r1,r2,r3\n3,1,1,1,2\n1,1,2,0,1\n4,1,1,1,0\n2,1,0,2,1\n");
    double[] theta = {11 / 36.0, 7 / 44.0, 7 / 36.0};
    double mean = (theta[0] + theta[1] + theta[2]) / 3;
    double ss = 0;
    for (double g : theta) {
      ss += (g - mean) * (g - mean);
    }
    double se = Math.sqrt(scale * ss);
    SurveyDesign d =
        SurveyDesign.weightOnly("w")
            .withReplicates(
                List.of("r1", "r2", "r3"), ReplicateType.valueOf(type.toUpperCase(Locale.ROOT)));
    TableSpec spec = TableSpec.of("ginireps" + type);
    SurveyMeasure gini = SurveyMeasure.parse("gini:y");
    for (int budget : new int[] {GiniWalk.BUDGET, 1}) {
      SurveyEstimator ranged = new SurveyEstimator(new Tabulator(), budget);
      SurveyTable streamed =
          ranged.estimateStreamed(spec, gini, d, 0.95, ws, 1, CancellationToken.NONE);
      SurveyTable inMemory =
          ranged.estimate(
              spec,
              gini,
              d,
              0.95,
              ws.columns(spec.dataset(), List.of("y", "w", "r1", "r2", "r3")),
              CancellationToken.NONE);
      for (SurveyTable t : List.of(streamed, inMemory)) {
        assertThat(t.estimate(0)).isCloseTo(0.25, within(1e-15));
        assertThat(t.se(0)).isCloseTo(se, within(1e-15));
        assertThat(t.lower(0)).isCloseTo(0.25 - 1.959963984540054 * se, within(1e-12));
      }
    }
  }
}
