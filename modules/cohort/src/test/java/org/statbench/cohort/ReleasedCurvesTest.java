package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.table.Table;

/** Curves drawn from a protected count table use only its published values. */
class ReleasedCurvesTest {
  /**
   * June 2011, horizon 2, as of 30 September (all observed). Group a: 25 people, events at
   * durations 0, 1, 2 for 12, 3 and 5 of them, 5 without. Group b: 3 people, 1 event at 0.
   */
  private static CohortTable table(Estimator estimator) {
    Records r = Records.create();
    add(r, "a", 12, "2011-06-20");
    add(r, "a", 3, "2011-07-20");
    add(r, "a", 5, "2011-08-20");
    add(r, "a", 5, null);
    add(r, "b", 1, "2011-06-20");
    add(r, "b", 2, null);
    DatasetColumns data = r.build();
    return CohortTracker.track(
        data,
        CohortSpec.of("test", "entry", "event")
            .withHorizon(2)
            .withAsOf(LocalDate.parse("2011-09-30"))
            .withBy(List.of("g"))
            .withEstimator(estimator));
  }

  private static void add(Records r, String group, int n, String event) {
    for (int i = 0; i < n; i++) {
      r.add("2011-06-05", event, null, null, group);
    }
  }

  /**
   * The count table with these cells withheld (group, duration code or Total), in cohort 2011-06
   * and, as a protection must with a single cohort, in the cohort margin.
   */
  private static Table published(CohortTable t, String[][] withheld) {
    return published(t, withheld, "2011-06", "Total");
  }

  private static Table published(CohortTable t, String[][] withheld, String... cohorts) {
    Table counts = t.toCountTable();
    double[] v = new double[counts.cellCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = counts.value(i);
      String[] codes = counts.codes(i);
      for (String[] w : withheld) {
        if (List.of(cohorts).contains(codes[0]) && codes[1].equals(w[0]) && codes[2].equals(w[1])) {
          v[i] = Double.NaN;
        }
      }
    }
    return counts.withValues(v);
  }

  private static final String[][] PROTECTED = {
    {"a", "1"}, {"a", "2"}, {"b", "0"}, {"b", "none"}, {"b", "Total"}
  };

  @Test
  void pointsAreDerivedFromPublishedCountsOnlyAndATinyGroupIsWithheld() {
    CohortTable t = table(Estimator.SIMPLE);
    Table pub = published(t, PROTECTED);

    ReleasedCurves.Curve a = ReleasedCurves.cohort(t, pub, 0, 0);
    ReleasedCurves.Curve b = ReleasedCurves.cohort(t, pub, 0, 1);

    assertThat(a.size()).isEqualTo(25);
    // S(0) = 12 from the start; S(2) = 25 - 5 without an event; S(1) needs a withheld count.
    assertThat(a.points().get(0).cumulative()).isEqualTo(12.0 / 25);
    assertThat(a.points().get(1).status()).isEqualTo(CellStatus.WITHHELD);
    assertThat(a.points().get(1).hasValue()).isFalse();
    assertThat(a.points().get(2).cumulative()).isEqualTo(20.0 / 25);
    assertThat(a.points().get(2).lower()).isEqualTo(t.rows(0, 0).get(2).lower());
    assertThat(a.partlyWithheld()).isTrue();
    assertThat(b.size()).isEqualTo(-1);
    assertThat(b.withheld()).isTrue();
    assertThat(b.points()).allMatch(p -> !p.hasValue());

    List<HorizonMeasure> h = ReleasedCurves.horizon(t, pub);
    assertThat(h.get(0).proportion()).isEqualTo(0.8);
    assertThat(h.get(1).proportion()).isNaN();
    assertThat(h.get(1).status()).isEqualTo(CellStatus.WITHHELD);
  }

  @Test
  void withNothingWithheldTheReleasedCurvesAreTheOnScreenCurves() {
    for (Estimator e : Estimator.values()) {
      CohortTable t = table(e);
      Table pub = published(t, new String[0][]);
      for (int g = 0; g < 2; g++) {
        List<CohortRow> shown = t.rows(0, g);
        List<CohortRow> released = ReleasedCurves.cohort(t, pub, 0, g).points();
        for (int d = 0; d <= 2; d++) {
          assertThat(released.get(d).cumulative())
              .isCloseTo(shown.get(d).cumulative(), within(1e-12));
          assertThat(released.get(d).lower()).isCloseTo(shown.get(d).lower(), within(1e-12));
          assertThat(released.get(d).upper()).isCloseTo(shown.get(d).upper(), within(1e-12));
        }
        List<CohortRow> pooled = ReleasedCurves.pooled(t, pub, g).points();
        for (int d = 0; d <= 2; d++) {
          assertThat(pooled.get(d).cumulative())
              .isCloseTo(t.pooledRows(g).get(d).cumulative(), within(1e-12));
        }
      }
    }
  }

  @Test
  void aPooledCurveStopsWhereACohortsCountIsWithheld() {
    CohortTable t = table(Estimator.SIMPLE);

    ReleasedCurves.Curve a = ReleasedCurves.pooled(t, published(t, PROTECTED), 0);

    assertThat(a.points().get(0).cumulative()).isEqualTo(12.0 / 25);
    assertThat(a.points().get(1).status()).isEqualTo(CellStatus.WITHHELD);
    assertThat(a.points().get(2).status()).isEqualTo(CellStatus.WITHHELD);
  }

  @Test
  void aPooledCurveTakesTheGroupMarginWhenTheCohortsCountsAreWithheld() {
    // June as above, and July: group a 20 people, 6 events at 0, 4 at 1, 10 without.
    Records r = Records.create();
    add(r, "a", 12, "2011-06-20");
    add(r, "a", 3, "2011-07-20");
    add(r, "a", 5, "2011-08-20");
    add(r, "a", 5, null);
    for (int i = 0; i < 6; i++) {
      r.add("2011-07-05", "2011-07-25", null, null, "a");
    }
    for (int i = 0; i < 4; i++) {
      r.add("2011-07-05", "2011-08-25", null, null, "a");
    }
    for (int i = 0; i < 10; i++) {
      r.add("2011-07-05", null, null, null, "a");
    }
    CohortTable t =
        CohortTracker.track(
            r.build(),
            CohortSpec.of("test", "entry", "event")
                .withHorizon(1)
                .withAsOf(LocalDate.parse("2011-09-30"))
                .withBy(List.of("g")));
    // duration 1 withheld in both cohorts; the group's margin (3 + 4 = 7) is published
    Table pub = published(t, new String[][] {{"a", "1"}}, "2011-06", "2011-07");

    ReleasedCurves.Curve pooled = ReleasedCurves.pooled(t, pub, 0);

    // at 0: 45 at risk, 18 events; at 1: 27 at risk, 7 events -> 1 - (27/45)(20/27) = 25/45
    assertThat(pooled.size()).isEqualTo(45);
    assertThat(pooled.points().get(0).cumulative()).isCloseTo(18.0 / 45, within(1e-12));
    assertThat(pooled.points().get(1).atRisk()).isEqualTo(27);
    assertThat(pooled.points().get(1).events()).isEqualTo(7);
    assertThat(pooled.points().get(1).cumulative()).isCloseTo(25.0 / 45, within(1e-12));
    assertThat(pooled.points().get(1).cumulative())
        .isCloseTo(t.pooledRows(0).get(1).cumulative(), within(1e-12));
    // each cohort's own curve still cannot show duration 1 before the horizon's total: June's
    // S(1) = 25 - 5 - 5 is known only from the end, July's from its no-event count
    assertThat(ReleasedCurves.cohort(t, pub, 0, 0).points().get(1).cumulative())
        .isEqualTo(15.0 / 25);
  }

  @Test
  void individualFollowUpCannotBeDerivedFromTheCounts() {
    CohortSpec s =
        CohortSpec.of("test", "entry", "event")
            .withEstimator(Estimator.KAPLAN_MEIER)
            .withEnd("end");

    assertThatThrownBy(() -> ReleasedCurves.requireDerivable(s))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("export the table");
  }
}
