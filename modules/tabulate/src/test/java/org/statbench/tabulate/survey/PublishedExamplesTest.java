package org.statbench.tabulate.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.TableSpec;
import org.statbench.tabulate.Tabulator;

/**
 * The R survey package's worked examples on the California API samples shipped with it ({@code
 * data(api)}: {@code apistrat}, a stratified sample by school type, and {@code apiclus1}, a
 * one-stage cluster sample of districts). Expected numbers are those printed in the package's
 * documentation examples ({@code ?svydesign}, {@code ?svyby}, {@code ?svyratio}, {@code
 * ?svyquantile}, survey 4.1), to the digits printed there.
 */
class PublishedExamplesTest {
  private static final DatasetColumns STRAT = Fixtures.csv("apistrat.csv");
  private static final DatasetColumns CLUS1 = Fixtures.csv("apiclus1.csv");

  /** dstrat <- svydesign(id=~1, strata=~stype, weights=~pw, data=apistrat, fpc=~fpc) */
  private static final SurveyDesign DSTRAT =
      new SurveyDesign("pw", "stype", null, "fpc", null, null, null);

  /** dclus1 <- svydesign(id=~dnum, weights=~pw, data=apiclus1, fpc=~fpc) */
  private static final SurveyDesign DCLUS1 =
      new SurveyDesign("pw", null, "dnum", "fpc", null, null, null);

  private final SurveyEstimator estimator = new SurveyEstimator(new Tabulator());

  private SurveyTable run(DatasetColumns data, SurveyDesign d, String measure, TableSpec spec) {
    return estimator.estimate(
        spec, SurveyMeasure.parse(measure), d, 0.95, data, CancellationToken.NONE);
  }

  private static TableSpec whole() {
    return TableSpec.of("d");
  }

  @Test
  void stratifiedMeanAndTotalMatchSvymeanAndSvytotal() {
    // svymean(~api00, dstrat): 662.29, SE 9.4089; svytotal(~enroll, dstrat): 3687178, SE 114642
    SurveyTable mean = run(STRAT, DSTRAT, "mean:api00", whole());
    assertThat(mean.estimate(0)).isCloseTo(662.29, within(0.005));
    assertThat(mean.se(0)).isCloseTo(9.4089, within(0.00005));
    SurveyTable total = run(STRAT, DSTRAT, "sum:enroll", whole());
    assertThat(total.estimate(0)).isCloseTo(3687178, within(0.5));
    assertThat(total.se(0)).isCloseTo(114642, within(0.5));
  }

  @Test
  void clusterMeanAndTotalMatchSvymeanAndSvytotal() {
    // svymean(~api00, dclus1): 644.17, SE 23.542; svytotal(~enroll, dclus1): 3404940, SE 932235
    SurveyTable mean = run(CLUS1, DCLUS1, "mean:api00", whole());
    assertThat(mean.estimate(0)).isCloseTo(644.17, within(0.005));
    assertThat(mean.se(0)).isCloseTo(23.542, within(0.0005));
    SurveyTable total = run(CLUS1, DCLUS1, "sum:enroll", whole());
    assertThat(total.estimate(0)).isCloseTo(3404940, within(0.5));
    assertThat(total.se(0)).isCloseTo(932235, within(0.5));
  }

  @Test
  void domainMeansMatchSvyby() {
    // svyby(~api99, ~stype, dclus1, svymean): E 607.7917 (22.81660), H 595.7143 (41.76400),
    // M 608.6000 (32.56064); every domain keeps all 15 sampled districts in its variance
    SurveyTable t = run(CLUS1, DCLUS1, "mean:api99", whole().withRows("stype"));
    int e = indexOf(t, "E");
    int h = indexOf(t, "H");
    int m = indexOf(t, "M");
    assertThat(t.estimate(e)).isCloseTo(607.7917, within(0.00005));
    assertThat(t.se(e)).isCloseTo(22.81660, within(0.000005));
    assertThat(t.estimate(h)).isCloseTo(595.7143, within(0.00005));
    assertThat(t.se(h)).isCloseTo(41.76400, within(0.000005));
    assertThat(t.estimate(m)).isCloseTo(608.6000, within(0.00005));
    assertThat(t.se(m)).isCloseTo(32.56064, within(0.000005));
  }

  @Test
  void domainMeansOfStrataHaveDesignEffectOne() {
    // svyby(~api00, ~stype, dstrat, svymean, deff=TRUE): E 674.43 (12.38248) deff 1
    SurveyTable t = run(STRAT, DSTRAT, "mean:api00", whole().withRows("stype"));
    int e = indexOf(t, "E");
    assertThat(t.estimate(e)).isCloseTo(674.43, within(0.005));
    assertThat(t.se(e)).isCloseTo(12.38248, within(0.000005));
    assertThat(t.deff(e)).isCloseTo(1, within(1e-9));
  }

  @Test
  void ratioMatchesSvyratio() {
    // svyratio(~api00, ~api99, dclus1): 1.061273, SE 0.006230831
    SurveyTable t = run(CLUS1, DCLUS1, "ratio:api00/api99", whole());
    assertThat(t.estimate(0)).isCloseTo(1.061273, within(5e-7));
    assertThat(t.se(0)).isCloseTo(0.006230831, within(5e-10));
  }

  @Test
  void columnPercentagesAreDomainProportionsAsSvymeanOfAFactor() {
    // svymean(~stype, dclus1): E 0.786885 (SE 0.0463), H 0.076503 (0.0268), M 0.136612 (0.0296)
    SurveyTable t =
        run(CLUS1, DCLUS1, "count", whole().withRows("stype").withPercentage(Percentage.COLUMN));
    assertThat(t.measureLabel()).isEqualTo("column%:count");
    assertThat(t.estimate(indexOf(t, "E"))).isCloseTo(78.6885, within(0.00005));
    assertThat(t.se(indexOf(t, "E"))).isCloseTo(4.63, within(0.005));
    assertThat(t.se(indexOf(t, "H"))).isCloseTo(2.68, within(0.005));
    assertThat(t.se(indexOf(t, "M"))).isCloseTo(2.96, within(0.005));
  }

  @Test
  void countsAreEstimatedPopulationsWithDesignEffect() {
    // svytotal(~stype, dclus1, deff=TRUE): E 4873.97 (1333.32) DEff 51.8199; M 846.17 (167.55)
    SurveyTable t = run(CLUS1, DCLUS1, "count", whole().withRows("stype"));
    int e = indexOf(t, "E");
    assertThat(t.estimate(e)).isCloseTo(4873.97, within(0.005));
    assertThat(t.se(e)).isCloseTo(1333.32, within(0.005));
    assertThat(t.deff(e)).isCloseTo(51.8199, within(0.00005));
    assertThat(t.se(indexOf(t, "M"))).isCloseTo(167.55, within(0.005));
    assertThat(t.base(e)).isEqualTo(144);
  }

  @Test
  void medianHasTheWoodruffIntervalOfSvyquantile() {
    // svyquantile(~api00, dclus1, 0.5): 652, 95% CI 561 to 714, SE 35.66788
    // (interval.type="mean", t on degf = 15 - 1 = 14)
    SurveyTable t = run(CLUS1, DCLUS1, "median:api00", whole());
    assertThat(t.estimate(0)).isEqualTo(652);
    assertThat(t.lower(0)).isEqualTo(561);
    assertThat(t.upper(0)).isEqualTo(714);
    assertThat(t.se(0)).isCloseTo(35.66788, within(0.000005));
  }

  static int indexOf(SurveyTable t, String code) {
    for (int i = 0; i < t.cellCount(); i++) {
      if (t.table().codes(i)[0].equals(code)) {
        return i;
      }
    }
    throw new AssertionError("no cell " + code);
  }
}
