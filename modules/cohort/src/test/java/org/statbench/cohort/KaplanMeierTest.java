package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.data.DatasetColumns;

class KaplanMeierTest {
  private static final double EPS = 1e-12;
  private static final LocalDate DAY0 = LocalDate.parse("2020-01-01");

  private static CohortSpec daily(int horizon) {
    return CohortSpec.of("test", "entry", "event")
        .withEnd("end")
        .withUnit(DurationUnit.DAYS)
        .withHorizon(horizon)
        .withEstimator(Estimator.KAPLAN_MEIER)
        .withAsOf(LocalDate.parse("2020-01-31"));
  }

  /**
   * Six people entering on one day. Days since entry: A event 1; B leaves on day 1; C and D events
   * on day 2 (a tie); E leaves on day 3; F followed to the as-of date.
   */
  private static DatasetColumns sixPeople() {
    return Records.create()
        .days(DAY0, 1, null, null, null)
        .days(DAY0, null, 1, null, null)
        .days(DAY0, 2, null, null, null)
        .days(DAY0, 2, null, null, null)
        .days(DAY0, null, 3, null, null)
        .days(DAY0, null, null, null, null)
        .build();
  }

  @Test
  void matchesHandComputedKaplanMeierWithCensoringAndTies() {
    CohortTable t = CohortTracker.track(sixPeople(), daily(5));

    List<CohortRow> r = t.rows(0, 0);
    // Censored people are at risk on the day they leave (events before censoring at ties).
    assertThat(r).extracting(CohortRow::atRisk).containsExactly(6L, 6L, 4L, 2L, 1L, 1L);
    assertThat(r).extracting(CohortRow::events).containsExactly(0L, 1L, 2L, 0L, 0L, 0L);
    // S(1) = 5/6, S(2) = 5/6 * (1 - 2/4) = 5/12.
    assertThat(r.get(0).cumulative()).isEqualTo(0.0);
    assertThat(r.get(1).cumulative()).isCloseTo(1.0 / 6, within(EPS));
    assertThat(r.get(2).cumulative()).isCloseTo(7.0 / 12, within(EPS));
    assertThat(r.get(5).cumulative()).isCloseTo(7.0 / 12, within(EPS));
  }

  @Test
  void greenwoodIntervalsOnTheLogMinusLogScaleMatchHandComputedValues() {
    CohortTable t = CohortTracker.track(sixPeople(), daily(5));

    List<CohortRow> r = t.rows(0, 0);
    // Greenwood sums: 1/(6*5) at day 1, plus 2/(4*2) at day 2; S^exp(+-1.96 se), se =
    // sqrt(sum)/|ln S|.
    assertThat(r.get(1).lower()).isCloseTo(0.02528757330910647, within(EPS));
    assertThat(r.get(1).upper()).isCloseTo(0.7268771500716442, within(EPS));
    assertThat(r.get(2).lower()).isCloseTo(0.2334777804494199, within(EPS));
    assertThat(r.get(2).upper()).isCloseTo(0.9440081351479471, within(EPS));
    assertThat(r.get(0).lower()).isEqualTo(0.0);
    assertThat(r.get(0).upper()).isEqualTo(0.0);
  }

  @Test
  void equalsTheSimpleProportionWhenOnlyTheAsOfDateCensors() {
    DatasetColumns data =
        Records.create()
            .add("2011-06-03", "2011-06-20")
            .add("2011-06-15", "2011-07-01")
            .add("2011-06-30", "2011-09-30")
            .add("2011-06-10", null)
            .add("2011-07-05", "2011-09-02")
            .add("2011-07-20", null)
            .build();
    CohortSpec s =
        CohortSpec.of("test", "entry", "event")
            .withHorizon(4)
            .withAsOf(LocalDate.parse("2011-09-15"));

    CohortTable simple = CohortTracker.track(data, s);
    CohortTable km = CohortTracker.track(data, s.withEstimator(Estimator.KAPLAN_MEIER));

    for (int i = 0; i < simple.rows().size(); i++) {
      CohortRow a = simple.rows().get(i);
      CohortRow b = km.rows().get(i);
      assertThat(b.status()).as("row %d", i).isEqualTo(a.status());
      if (a.hasValue()) {
        assertThat(b.cumulative()).as("row %d", i).isCloseTo(a.cumulative(), within(EPS));
      }
    }
    // The September events fall in a month not complete on 15 September: censored, not counted.
    assertThat(km.rows(0, 0).get(3).status()).isEqualTo(CellStatus.CENSORED);
  }

  @Test
  void eventsAfterTheirOwnEndOfObservationAreNotCounted() {
    DatasetColumns data =
        Records.create().days(DAY0, 4, 2, null, null).days(DAY0, null, null, null, null).build();

    CohortTable t = CohortTracker.track(data, daily(5));

    assertThat(t.rows(0, 0).get(4).events()).isZero();
    assertThat(t.rows(0, 0).get(3).atRisk()).isEqualTo(1);
    assertThat(t.rows(0, 0).get(5).cumulative()).isEqualTo(0.0);
  }

  @Test
  void pooledCurvePerGroupCombinesCohortsOnTheDurationScale() {
    DatasetColumns data =
        Records.create()
            .add("2011-06-03", "2011-06-20")
            .add("2011-06-04", null)
            .add("2011-07-05", "2011-08-02")
            .add("2011-07-06", null)
            .build();

    CohortTable t =
        CohortTracker.track(
            data,
            CohortSpec.of("test", "entry", "event")
                .withHorizon(2)
                .withAsOf(LocalDate.parse("2011-08-31")));

    List<CohortRow> all = t.pooledRows(0);
    assertThat(all.get(0).cohort()).isEqualTo(CohortTable.ALL);
    // Month 0: 1 event of 4; month 1: 1 event of 3 at risk; month 2: only June is followed.
    assertThat(all.get(0).cumulative()).isCloseTo(0.25, within(EPS));
    assertThat(all.get(1).cumulative()).isCloseTo(1 - 0.75 * (2.0 / 3), within(EPS));
    assertThat(all.get(2).atRisk()).isEqualTo(1);
  }
}
