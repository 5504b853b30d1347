package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;

class SimpleCohortProportionTest {
  private static final double EPS = 1e-12;

  /** Two monthly cohorts, hand-checked: June (4 people) and July (2 people). */
  private static DatasetColumns twoCohorts() {
    return Records.create()
        .add("2011-06-03", "2011-06-20") // June, duration 0
        .add("2011-06-15", "2011-07-01") // June, duration 1
        .add("2011-06-30", "2011-07-31") // June, duration 1 (a tie)
        .add("2011-06-10", null) // June, no event
        .add("2011-07-05", "2011-09-02") // July, duration 2
        .add("2011-07-20", null) // July, no event
        .build();
  }

  private static CohortSpec spec() {
    return CohortSpec.of("test", "entry", "event").withHorizon(3);
  }

  @Test
  void cumulativeIsEventsUpToDurationOverCohortSizeWithTies() {
    CohortTable t =
        CohortTracker.track(twoCohorts(), spec().withAsOf(LocalDate.parse("2011-09-15")));

    assertThat(t.cohorts()).containsExactly("2011-06", "2011-07");
    List<CohortRow> june = t.rows(0, 0);
    assertThat(june).extracting(CohortRow::atRisk).containsExactly(4L, 3L, 1L, 1L);
    assertThat(june).extracting(CohortRow::events).containsExactly(1L, 2L, 0L, 0L);
    assertThat(june.get(0).cumulative()).isEqualTo(0.25);
    assertThat(june.get(1).cumulative()).isEqualTo(0.75);
    assertThat(june.get(2).cumulative()).isEqualTo(0.75);
    // Wilson 95% interval for 1/4 and 3/4.
    assertThat(june.get(0).lower()).isCloseTo(0.04558726080970055, within(EPS));
    assertThat(june.get(0).upper()).isCloseTo(0.6993581574175981, within(EPS));
    assertThat(june.get(1).lower()).isCloseTo(0.30064184258240184, within(EPS));
    assertThat(june.get(1).upper()).isCloseTo(0.9544127391902995, within(EPS));
  }

  @Test
  void durationsNotCompleteByTheAsOfDateAreCensoredWithoutProportion() {
    CohortTable t =
        CohortTracker.track(twoCohorts(), spec().withAsOf(LocalDate.parse("2011-09-15")));

    // June: months Jun, Jul, Aug have ended by 15 September; September has not.
    assertThat(t.rows(0, 0))
        .extracting(CohortRow::status)
        .containsExactly(
            CellStatus.OBSERVED, CellStatus.OBSERVED, CellStatus.OBSERVED, CellStatus.CENSORED);
    assertThat(t.rows(0, 0).get(3).hasValue()).isFalse();
    // July: durations 0 and 1 observed (cumulative 0, not missing); the September event is counted
    // at duration 2 but the cell stays censored with no proportion.
    List<CohortRow> july = t.rows(1, 0);
    assertThat(july.get(0).cumulative()).isEqualTo(0.0);
    assertThat(july.get(0).lower()).isEqualTo(0.0);
    assertThat(july.get(1).status()).isEqualTo(CellStatus.OBSERVED);
    assertThat(july.get(2).status()).isEqualTo(CellStatus.CENSORED);
    assertThat(july.get(2).events()).isEqualTo(1);
    assertThat(july.get(2).cumulative()).isNaN();
    assertThat(july.get(2).lower()).isNaN();
    assertThat(july.get(2).upper()).isNaN();
  }

  @Test
  void defaultAsOfIsTheLatestEntryOrEventDate() {
    CohortTable t = CohortTracker.track(twoCohorts(), spec());

    assertThat(t.asOf()).isEqualTo(LocalDate.parse("2011-09-02"));
  }

  @Test
  void theJune2011CohortWithin12MonthsCountsEventsUpTo30June2012() {
    DatasetColumns data =
        Records.create()
            .add("2011-06-01", "2012-06-30") // duration 12
            .add("2011-06-30", "2012-07-01") // duration 13: outside the horizon
            .add("2011-06-15", null)
            .add("2011-06-20", null)
            .build();
    CohortSpec s = CohortSpec.of("test", "entry", "event").withHorizon(12);

    CohortTable before = CohortTracker.track(data, s.withAsOf(LocalDate.parse("2012-06-29")));
    CohortTable on = CohortTracker.track(data, s.withAsOf(LocalDate.parse("2012-06-30")));

    assertThat(before.rows(0, 0).get(12).status()).isEqualTo(CellStatus.CENSORED);
    assertThat(before.rows(0, 0).get(11).status()).isEqualTo(CellStatus.OBSERVED);
    assertThat(before.horizonMeasures().get(0).proportion()).isNaN();
    HorizonMeasure m = on.horizonMeasures().get(0);
    assertThat(m.status()).isEqualTo(CellStatus.OBSERVED);
    assertThat(m.size()).isEqualTo(4);
    assertThat(m.events()).isEqualTo(1);
    assertThat(m.proportion()).isEqualTo(0.25);
  }

  @Test
  void rowsCoverDurationsZeroToHorizonForEveryCohortIncludingEmptyOnes() {
    DatasetColumns data =
        Records.create()
            .add("2011-01-10", "2011-01-20")
            .add("2011-03-05", null)
            .add("2011-03-06", "2011-05-01")
            .build();

    CohortTable t =
        CohortTracker.track(data, spec().withHorizon(2).withAsOf(LocalDate.parse("2011-12-31")));

    assertThat(t.cohorts()).containsExactly("2011-01", "2011-02", "2011-03");
    assertThat(t.rows()).hasSize(9);
    assertThat(t.rows()).extracting(CohortRow::duration).containsExactly(0, 1, 2, 0, 1, 2, 0, 1, 2);
    List<CohortRow> february = t.rows(1, 0);
    assertThat(t.size(1, 0)).isZero();
    assertThat(february).allSatisfy(r -> assertThat(r.atRisk()).isZero());
    assertThat(february).allSatisfy(r -> assertThat(r.cumulative()).isNaN());
    assertThat(t.rows(2, 0).get(2).cumulative()).isEqualTo(0.5);
  }

  @Test
  void eventBeforeEntryIsADataErrorNamingTheRecord() {
    DatasetColumns data =
        Records.create()
            .add("2011-06-03", "2011-06-20")
            .add("2011-06-15", null)
            .add("2011-06-10", "2011-05-31")
            .build();

    assertThatThrownBy(() -> CohortTracker.track(data, spec()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("record 3")
        .hasMessageContaining("event 2011-05-31 is before entry 2011-06-10");
  }

  @Test
  void eventsAfterTheAsOfDateAreNotCountedAndLateEntriesAreLeftOut() {
    DatasetColumns data =
        Records.create()
            .add("2011-06-03", "2011-06-20")
            .add("2011-06-04", "2011-07-20") // after the as-of date: no event yet
            .add("2011-07-02", null) // entered after the as-of date
            .build();

    CohortTable t = CohortTracker.track(data, spec().withAsOf(LocalDate.parse("2011-06-30")));

    assertThat(t.cohorts()).containsExactly("2011-06");
    assertThat(t.afterAsOf()).isEqualTo(1);
    assertThat(t.rows(0, 0).get(1).events()).isZero();
    assertThat(t.rows(0, 0).get(0).cumulative()).isEqualTo(0.5);
  }

  @Test
  void recordsWithoutEntryDateAreLeftOutAndCounted() {
    DatasetColumns data =
        Records.create().add("2011-06-03", "2011-06-20").add(null, "2011-06-21").build();

    CohortTable t = CohortTracker.track(data, spec());

    assertThat(t.missingEntry()).isEqualTo(1);
    assertThat(t.recordsUsed()).isEqualTo(1);
    assertThat(t.asOf()).isEqualTo(LocalDate.parse("2011-06-21"));
  }

  @Test
  void nonDateEntryVariableIsRejectedNamingIt() {
    DatasetColumns data = Records.create().add("2011-06-03", null, null, null, "a").build();

    assertThatThrownBy(() -> CohortTracker.track(data, CohortSpec.of("test", "g", "event")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'g'")
        .hasMessageContaining("not a date");
  }

  @Test
  void unknownVariableIsRejectedNamingIt() {
    DatasetColumns data = Records.create().add("2011-06-03", null).build();

    assertThatThrownBy(() -> CohortTracker.track(data, CohortSpec.of("test", "entry", "nope")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'nope'");
  }

  @Test
  void quarterlyCohortsAreObservedOnlyWhenTheirLastMonthHasCompletedTheDuration() {
    DatasetColumns data =
        Records.create()
            .add("2011-04-01", "2011-05-10") // Q2, duration 1 month
            .add("2011-06-30", null)
            .build();

    CohortTable t =
        CohortTracker.track(
            data,
            spec()
                .withPeriod(CohortPeriod.QUARTER)
                .withHorizon(2)
                .withAsOf(LocalDate.parse("2011-07-31")));

    assertThat(t.cohorts()).containsExactly("2011-Q2");
    assertThat(t.rows(0, 0))
        .extracting(CohortRow::status)
        .containsExactly(CellStatus.OBSERVED, CellStatus.OBSERVED, CellStatus.CENSORED);
    assertThat(t.rows(0, 0).get(1).cumulative()).isEqualTo(0.5);
  }

  @Test
  void breakdownGivesOneSetOfRowsPerGroupSortedWithMissingLast() {
    DatasetColumns data =
        Records.create()
            .add("2011-06-03", "2011-06-20", null, null, "b")
            .add("2011-06-04", null, null, null, "a")
            .add("2011-06-05", null, null, null, null)
            .add("2011-06-06", "2011-06-07", null, null, "b")
            .build();

    CohortTable t =
        CohortTracker.track(
            data, spec().withBy(List.of("g")).withAsOf(LocalDate.parse("2011-06-30")));

    assertThat(t.groups()).containsExactly(List.of("a"), List.of("b"), List.of("Missing"));
    assertThat(t.size(0, 1)).isEqualTo(2);
    assertThat(t.rows(0, 1).get(0).cumulative()).isEqualTo(1.0);
    assertThat(t.rows(0, 0).get(0).cumulative()).isEqualTo(0.0);
    assertThat(t.logRank()).isPresent();
  }

  @Test
  void filtersKeepOnlyTheListedCodes() {
    DatasetColumns data =
        Records.create()
            .add("2011-06-03", "2011-06-20", null, null, "b")
            .add("2011-06-04", null, null, null, "a")
            .build();

    CohortTable t =
        CohortTracker.track(
            data,
            spec()
                .withFilter(org.statbench.core.spec.CodeFilter.include("g", "b"))
                .withAsOf(LocalDate.parse("2011-06-30")));

    assertThat(t.filteredOut()).isEqualTo(1);
    assertThat(t.size(0, 0)).isEqualTo(1);
    assertThat(t.rows(0, 0).get(0).cumulative()).isEqualTo(1.0);
  }
}
