package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.data.DatasetColumns;

class AalenJohansenTest {
  private static final double EPS = 1e-12;
  private static final LocalDate DAY0 = LocalDate.parse("2020-01-01");

  private static CohortSpec competing() {
    return CohortSpec.of("test", "entry", "event")
        .withEnd("end")
        .withCompeting("competing")
        .withUnit(DurationUnit.DAYS)
        .withHorizon(4)
        .withEstimator(Estimator.KAPLAN_MEIER)
        .withAsOf(LocalDate.parse("2020-01-31"));
  }

  /**
   * Days since entry: A event 1; B competing 1; C event 2; D leaves on day 2; E competing 3; F
   * followed to the as-of date.
   */
  private static DatasetColumns sixPeople() {
    return Records.create()
        .days(DAY0, 1, null, null, null)
        .days(DAY0, null, null, 1, null)
        .days(DAY0, 2, null, null, null)
        .days(DAY0, null, 2, null, null)
        .days(DAY0, null, null, 3, null)
        .days(DAY0, null, null, null, null)
        .build();
  }

  @Test
  void cumulativeIncidenceMatchesHandComputedAalenJohansen() {
    CohortTable t = CohortTracker.track(sixPeople(), competing());

    List<CohortRow> r = t.rows(0, 0);
    assertThat(r).extracting(CohortRow::atRisk).containsExactly(6L, 6L, 4L, 2L, 1L);
    // F(1) = 1 * 1/6; S(1) = 4/6; F(2) = 1/6 + 4/6 * 1/4 = 1/3; no more events of interest.
    assertThat(r.get(1).cumulative()).isCloseTo(1.0 / 6, within(EPS));
    assertThat(r.get(2).cumulative()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(r.get(4).cumulative()).isCloseTo(1.0 / 3, within(EPS));
    // 1 - KM would say 1 - (5/6)(3/4) = 0.375 at day 2: the competing event makes it smaller.
  }

  @Test
  void deltaMethodIntervalsMatchHandComputedValues() {
    CohortTable t = CohortTracker.track(sixPeople(), competing());

    List<CohortRow> r = t.rows(0, 0);
    // Var F(1) = (1/6)(5/6)/6 = 5/216, the binomial variance; Var F(2) = 1/27.
    assertThat(r.get(1).lower()).isCloseTo(0.007723104040172134, within(1e-10));
    assertThat(r.get(1).upper()).isCloseTo(0.5168017818449097, within(1e-10));
    assertThat(r.get(2).lower()).isCloseTo(0.04608224341204509, within(1e-10));
    assertThat(r.get(2).upper()).isCloseTo(0.6755643579693009, within(1e-10));
  }

  @Test
  void eventOfInterestWinsATieWithTheCompetingEvent() {
    DatasetColumns data =
        Records.create().days(DAY0, 1, null, 1, null).days(DAY0, null, null, null, null).build();

    CohortTable t = CohortTracker.track(data, competing());

    assertThat(t.rows(0, 0).get(1).events()).isEqualTo(1);
    assertThat(t.rows(0, 0).get(1).cumulative()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void simpleEstimatorCountsTheEventOnlyWhenItCameBeforeTheCompetingEvent() {
    DatasetColumns data =
        Records.create().days(DAY0, 3, null, 1, null).days(DAY0, 2, null, null, null).build();

    CohortTable t = CohortTracker.track(data, competing().withEstimator(Estimator.SIMPLE));

    assertThat(t.rows(0, 0).get(4).events()).isZero();
    assertThat(t.rows(0, 0).get(3).events()).isZero();
    assertThat(t.rows(0, 0).get(2).events()).isEqualTo(1);
  }
}
