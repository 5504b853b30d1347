package org.statbench.tabulate.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.spec.TableSpec;
import org.statbench.tabulate.Tabulator;
import org.statbench.tabulate.survey.SurveyDesign.LonelyPsu;
import org.statbench.tabulate.survey.SurveyDesign.ReplicateType;

/** Small designs whose standard errors are worked out by hand in each test. */
class HandWorkedDesignsTest {
  private final SurveyEstimator estimator = new SurveyEstimator(new Tabulator());

  private SurveyTable total(DatasetColumns data, SurveyDesign d, String measure) {
    return estimator.estimate(
        TableSpec.of("d"), SurveyMeasure.parse(measure), d, 0.95, data, CancellationToken.NONE);
  }

  /** Stratum A has PSUs 1 and 2, stratum B only PSU 3. */
  private static DatasetColumns lonely() {
    return Fixtures.of(
        Fixtures.cat("stratum", "A", "A", "A", "B"),
        Fixtures.cat("psu", "1", "1", "2", "3"),
        Fixtures.num("y", 2, 4, 5, 1),
        Fixtures.num("w", 1, 1, 2, 3));
  }

  @ParameterizedTest(name = "lonely={0}")
  @CsvSource({
    // PSU totals of w y: A: 1*2 + 1*4 = 6 and 2*5 = 10, B: 3*1 = 3; total 19.
    // Stratum A: n/(n-1) sum (t - mean)^2 = 2 * ((6-8)^2 + (10-8)^2) = 16.
    // certainty: B adds nothing -> 16; adjust: B adds 3^2 = 9 (centred at zero, as R's onestrat)
    // -> 25; average: B left out, the rest scaled by 2 strata / 1 stratum with two PSUs -> 32.
    "certainty, 16",
    "adjust, 25",
    "average, 32"
  })
  void lonelyPsuFollowsTheRule(String rule, double variance) {
    SurveyDesign d = SurveyDesign.parse("strata=stratum,psu=psu,lonely=" + rule, "w");
    SurveyTable t = total(lonely(), d, "sum:y");
    assertThat(t.estimate(0)).isEqualTo(19);
    assertThat(t.se(0)).isCloseTo(Math.sqrt(variance), within(1e-12));
  }

  @Test
  void lonelyPsuIsRefusedNamingTheStratumUnlessTheDesignSaysHow() {
    SurveyDesign d = SurveyDesign.parse("strata=stratum,psu=psu", "w");
    assertThatThrownBy(() -> total(lonely(), d, "sum:y"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("single PSU in 'stratum': B")
        .hasMessageContaining("lonely=adjust, average or certainty");
  }

  @Test
  void domainKeepsEveryPsuOfItsStratumInTheVariance() {
    // domain g = x: records 1 and 3 (A/1 with w y = 2, A/2 with 10), PSU totals in the domain
    // 2 and 10 (PSU 1's other record is outside: zero), B's PSU 3 is outside (zero).
    // A: 2 * ((2-6)^2 + (10-6)^2) = 64; B (certainty) adds nothing.
    DatasetColumns base = lonely();
    DatasetColumns data =
        Fixtures.of(
            (org.statbench.core.data.Column) base.column("stratum"),
            base.column("psu"),
            base.column("y"),
            base.column("w"),
            Fixtures.cat("g", "x", "z", "x", "z"));
    SurveyDesign d = SurveyDesign.parse("strata=stratum,psu=psu,lonely=certainty", "w");
    SurveyTable t =
        estimator.estimate(
            TableSpec.of("d").withRows("g"),
            SurveyMeasure.parse("sum:y"),
            d,
            0.95,
            data,
            CancellationToken.NONE);
    int x = PublishedExamplesTest.indexOf(t, "x");
    assertThat(t.estimate(x)).isEqualTo(12);
    assertThat(t.se(x)).isCloseTo(Math.sqrt(64), within(1e-12));
    assertThat(t.base(x)).isEqualTo(2);
  }

  /** y = 1, 2, 3, 4 with weight 1 and three replicate weights. */
  private static DatasetColumns replicated() {
    return Fixtures.of(
        Fixtures.num("y", 1, 2, 3, 4),
        Fixtures.num("w", 1, 1, 1, 1),
        Fixtures.num("r1", 2, 0, 1, 1),
        Fixtures.num("r2", 0, 2, 1, 1),
        Fixtures.num("r3", 1, 1, 2, 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"bootstrap, 0.5", "jk1, 0.6666666666666666"})
  void replicateWeightsGiveTheReplicateVariance(String type, double scale) {
    // replicate totals: 2+0+3+4 = 9, 0+4+3+4 = 11, 1+2+6+0 = 9; mean 29/3;
    // squared deviations sum to (2/3)^2 + (4/3)^2 + (2/3)^2 = 8/3.
    // bootstrap: 1/(R-1) = 1/2 of that; JK1: (R-1)/R = 2/3 of it.
    SurveyDesign d =
        SurveyDesign.weightOnly("w")
            .withReplicates(List.of("r1", "r2", "r3"), ReplicateType.valueOf(type.toUpperCase()));
    SurveyTable t = total(replicated(), d, "sum:y");
    assertThat(t.estimate(0)).isEqualTo(10);
    assertThat(t.se(0)).isCloseTo(Math.sqrt(scale * 8.0 / 3), within(1e-12));
  }

  @Test
  void stratifiedJackknifeAgreesWithLinearisationOfATotal() {
    // strata S1 = {a, b}, S2 = {c, d}, one record per PSU, y = 1..4, w = 1.
    // JKn replicates delete one PSU and double its partner: totals 11, 9, 11, 9 (mean 10),
    // rscale (2-1)/2 each: 0.5 * (1 + 1 + 1 + 1) = 2.
    // Linearisation: S1: 2 * ((1-1.5)^2 + (2-1.5)^2) = 1, S2 likewise 1: also 2.
    DatasetColumns data =
        Fixtures.of(
            Fixtures.cat("s", "S1", "S1", "S2", "S2"),
            Fixtures.cat("p", "a", "b", "c", "d"),
            Fixtures.num("y", 1, 2, 3, 4),
            Fixtures.num("w", 1, 1, 1, 1),
            Fixtures.num("j1", 0, 2, 1, 1),
            Fixtures.num("j2", 2, 0, 1, 1),
            Fixtures.num("j3", 1, 1, 0, 2),
            Fixtures.num("j4", 1, 1, 2, 0));
    SurveyDesign lin = SurveyDesign.parse("strata=s,psu=p", "w");
    SurveyDesign jkn = lin.withReplicates(List.of("j1", "j2", "j3", "j4"), ReplicateType.JKN);
    assertThat(total(data, jkn, "sum:y").se(0)).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(total(data, lin, "sum:y").se(0)).isCloseTo(Math.sqrt(2), within(1e-12));
  }

  @Test
  void giniHasItsLinearisedStandardError() {
    // y = 1, 2, 3, 4, w = 1: N = 4, Y = 10, sum w y C = 1 + 4 + 9 + 16 = 30, sum w^2 y = 10,
    // G = (2*30 - 10) / 40 - 1 = 0.25 (= mean absolute difference / (2 mean): 20/80).
    // z_k = (2 y_k C_k + 2 (Y - Y_k)) / (N Y) - (G + 1)(1/N + y_k / Y):
    double g = 0.25;
    double[] y = {1, 2, 3, 4};
    double[] cumTotal = {1, 3, 6, 10};
    double[] zk = new double[4];
    for (int k = 0; k < 4; k++) {
      zk[k] = (2 * y[k] * (k + 1) + 2 * (10 - cumTotal[k])) / 40 - (g + 1) * (0.25 + y[k] / 10);
    }
    // = 0.0625, -0.0125, -0.0375, -0.0125 (sum 0); each record its own PSU, one stratum:
    // V = n/(n-1) sum (z - mean z)^2 = 4/3 * 0.005625 = 0.0075
    assertThat(zk).containsExactly(new double[] {0.0625, -0.0125, -0.0375, -0.0125}, within(1e-15));
    SurveyTable t = total(replicated(), SurveyDesign.weightOnly("w"), "gini:y");
    assertThat(t.measureLabel()).isEqualTo("gini:y");
    assertThat(t.estimate(0)).isCloseTo(g, within(1e-15));
    assertThat(t.se(0)).isCloseTo(Math.sqrt(0.0075), within(1e-12));
    assertThat(t.lower(0)).isCloseTo(g - 1.959963984540054 * Math.sqrt(0.0075), within(1e-12));
  }

  @Test
  void quantileIntervalInvertsTheDistributionFunctionsInterval() {
    // ten records 1..10, w = 1, each its own PSU: median (school rule, cumulative weight hits
    // 5 exactly) = (5 + 6) / 2 = 5.5. F(5.5) = 0.5; u_i = (I(y <= 5.5) - 0.5) / 10 = +-0.05;
    // V = 10/9 * 10 * 0.0025 = 0.027778, se 0.166667; t(0.975, df 9) = 2.262157;
    // F interval 0.5 -+ 0.377026 = [0.122974, 0.877026] -> quantiles 2 and 9;
    // SE = (9 - 2) / (2 * 2.262157).
    DatasetColumns data =
        Fixtures.of(
            Fixtures.num("y", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
            Fixtures.num("w", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
    SurveyTable t = total(data, SurveyDesign.weightOnly("w"), "median:y");
    assertThat(t.estimate(0)).isEqualTo(5.5);
    assertThat(t.lower(0)).isEqualTo(2);
    assertThat(t.upper(0)).isEqualTo(9);
    assertThat(t.se(0)).isCloseTo(7 / (2 * 2.2621571627982), within(1e-9));
  }

  @Test
  void designRoundTripsThroughItsText() {
    SurveyDesign d =
        SurveyDesign.parse("strata=s,psu=p,fpc=f,lonely=adjust", "w")
            .withReplicates(List.of("r1", "r2"), ReplicateType.JK1);
    assertThat(SurveyDesign.fromText(d.toText())).isEqualTo(d);
    assertThat(d.lonely()).isEqualTo(LonelyPsu.ADJUST);
  }

  @Test
  void quantileGroupsAreADimensionWithBoundsAndSharesOfTheTotal() {
    // y = 1..10, w = 1: the quintile cut points hit cumulative weights 2, 4, 6, 8 exactly, so
    // each is the midpoint 2.5, 4.5, 6.5, 8.5; shares of the total 55: 3, 7, 11, 15, 19 / 55.
    DatasetColumns data =
        Fixtures.of(
            Fixtures.num("y", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
            Fixtures.num("w", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
    TableSpec spec =
        QuantileGroups.apply(TableSpec.of("d"), "y", 5, "w", data)
            .withPercentage(org.statbench.core.spec.Percentage.COLUMN);
    SurveyTable t =
        estimator.estimate(
            spec,
            SurveyMeasure.parse("sum:y"),
            SurveyDesign.weightOnly("w"),
            0.95,
            data,
            CancellationToken.NONE);
    assertThat(t.table().dimensions().get(0).categories())
        .extracting(c -> c.code())
        .containsExactly("<2.5", "2.5-<4.5", "4.5-<6.5", "6.5-<8.5", "8.5+");
    double[] shares = {3, 7, 11, 15, 19, 55};
    for (int i = 0; i < 6; i++) {
      assertThat(t.estimate(i)).isCloseTo(shares[i] / 55 * 100, within(1e-12));
    }
    assertThat(t.se(0)).isGreaterThan(0);
  }

  @Test
  void changeBetweenWavesCountsTheCovarianceOfTheSamePsus() {
    // PSUs p1..p3 seen in both waves (one household each, w = 1): y wave 1 = 1, 2, 3 (total 6),
    // wave 2 = 2, 2, 5 (total 9): change 3. Differences by PSU 1, 0, 2 (mean 1):
    // V = 3/2 * (0 + 1 + 1) = 3. (Treated as independent it would be 3/2*2 + 3/2*6 = 12.)
    DatasetColumns data =
        Fixtures.of(
            Fixtures.cat("p", "p1", "p2", "p3", "p1", "p2", "p3"),
            Fixtures.cat("wave", "1", "1", "1", "2", "2", "2"),
            Fixtures.num("y", 1, 2, 3, 2, 2, 5),
            Fixtures.num("w", 1, 1, 1, 1, 1, 1));
    SurveyDesign d = SurveyDesign.parse("psu=p", "w");
    SurveyTable t =
        estimator.estimateChange(
            TableSpec.of("d"),
            SurveyMeasure.parse("sum:y"),
            d,
            0.95,
            data,
            "wave",
            "1",
            "2",
            CancellationToken.NONE);
    assertThat(t.measureLabel()).isEqualTo("change:sum:y");
    assertThat(t.estimate(0)).isEqualTo(3);
    assertThat(t.se(0)).isCloseTo(Math.sqrt(3), within(1e-12));
    assertThat(t.base(0)).isEqualTo(6);
  }

  /** Two PSUs of two records each, weight 1. */
  private static DatasetColumns twoClusters(double[] y, double[] x) {
    return Fixtures.of(
        Fixtures.cat("psu", "1", "1", "2", "2"),
        Fixtures.num("y", y),
        Fixtures.num("x", x),
        Fixtures.num("w", 1, 1, 1, 1));
  }

  @Test
  void ratioDesignEffectIsOverTheLinearisedSrsWithReplacementVariance() {
    // y = 2, 3, 4, 9 over x = 1, 1, 2, 5 in PSUs {1, 2} and {3, 4}: R = 18 / 9 = 2,
    // y - R x = 0, 1, 0, -1. Design: PSU totals of (y - R x) / X (X = 9) are 1/9 and -1/9,
    // V = n/(n-1) sum (t - mean t)^2 = 2 * 2/81 = 4/81.
    double vDesign = 2.0 * (1 + 1) / 81;
    // SRS with replacement: (1/n) s^2(z), z = (y - R x) / xbar with xbar = 9/4: z = 0, 4/9, 0,
    // -4/9, mean 0, s^2 = (16/81 + 16/81) / 3
    double s2 = (2 * 16.0 / 81) / 3;
    double vSrs = s2 / 4;
    SurveyTable t =
        total(
            twoClusters(new double[] {2, 3, 4, 9}, new double[] {1, 1, 2, 5}),
            SurveyDesign.parse("psu=psu", "w"),
            "ratio:y/x");
    assertThat(t.estimate(0)).isCloseTo(2, within(1e-15));
    assertThat(t.se(0)).isCloseTo(Math.sqrt(vDesign), within(1e-12));
    assertThat(t.deff(0)).isCloseTo(vDesign / vSrs, within(1e-12)); // 1.5
  }

  @Test
  void quantileDesignEffectComparesTheVariancesOfTheEstimatedDistributionFunction() {
    // y = 1, 2, 3, 4, w = 1, PSUs {1, 2} and {3, 4}: median 2.5 (school rule), p = F(2.5) = 1/2;
    // Woodruff's linearisation z = (1{y <= q} - p) / N = 1/8, 1/8, -1/8, -1/8.
    // Design: PSU totals 1/4 and -1/4, V = 2 * (1/16 + 1/16) = 1/4.
    double vDesign = 2 * (1.0 / 16 + 1.0 / 16);
    // SRS with replacement of the same F: p (1 - p) / n * n / (n - 1) = 1/4 / 4 * 4/3 = 1/12
    double vSrs = 0.25 / 4 * 4 / 3;
    SurveyTable t =
        total(
            twoClusters(new double[] {1, 2, 3, 4}, new double[] {1, 1, 1, 1}),
            SurveyDesign.parse("psu=psu", "w"),
            "median:y");
    assertThat(t.estimate(0)).isEqualTo(2.5);
    assertThat(t.deff(0)).isCloseTo(vDesign / vSrs, within(1e-12)); // 3
  }

  @Test
  void giniDesignEffectIsOverTheSrsWithReplacementVarianceOfItsLinearisation() {
    // y = 1, 2, 3, 4, w = 1: z_k = 0.0625, -0.0125, -0.0375, -0.0125 (giniHasItsLinearised...).
    // Design, PSUs {1, 2} and {3, 4}: totals 0.05 and -0.05, V = 2 * (0.0025 + 0.0025) = 0.01.
    double vDesign = 2 * (0.0025 + 0.0025);
    // SRS with replacement: N^2 s^2(z) / n, s^2 = sum z^2 / (n - 1) = 0.005625 / 3 (mean 0)
    double vSrs = 16 * (0.005625 / 3) / 4;
    SurveyTable t =
        total(
            twoClusters(new double[] {1, 2, 3, 4}, new double[] {1, 1, 1, 1}),
            SurveyDesign.parse("psu=psu", "w"),
            "gini:y");
    assertThat(t.se(0)).isCloseTo(Math.sqrt(vDesign), within(1e-12));
    assertThat(t.deff(0)).isCloseTo(vDesign / vSrs, within(1e-12)); // 4/3
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ratio:y/x", "median:y", "gini:y"})
  void equalWeightsWithEachRecordItsOwnPsuHaveDesignEffectOne(String measure) {
    // the design is then simple random sampling with replacement: both variances are
    // n/(n-1) sum (z - mean z)^2
    SurveyTable t =
        total(
            twoClusters(new double[] {1, 2, 3, 7}, new double[] {1, 2, 2, 3}),
            SurveyDesign.weightOnly("w"),
            measure);
    assertThat(t.deff(0)).isCloseTo(1, within(1e-12));
  }
}
