package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.spec.CodeFilter;

/**
 * Golden tables worked by hand. Reference dates (entry + d months, clamped to the month's end):
 *
 * <pre>
 * P1 entry 2020-01-31: d0 01-31 JSA, d1 02-29 ESA (clamped; JSA ended 02-28, open ESA from 02-29),
 *                      d2 03-31 ESA, d3 04-30 ESA
 * P2 entry 2020-01-15: d0 01-15 ESA, d1 02-15 ESA and JSA overlap -> JSA (first appearance: JSA,
 *                      ESA, UC), d2 03-15 off (ESA ended 03-14), d3 04-15 off
 * P3 entry 2020-02-10: no spells: off at every duration
 * P4 entry 2020-02-29: d0 02-29 off, d1 03-29 UC (starts that day), d2 04-29 off (UC ended 04-28)
 * P9: not in the cohort (1 spell ignored)
 * as-of 2020-04-29: cohort 2020-01 (last day 01-31) observed to d2 (d3 = 04-30 is after it);
 * cohort 2020-02 (last day 02-29) observed to d2 (d2 = 04-29), d3 = 05-29 censored.
 * </pre>
 */
class StatusTrackerTest {
  static final DatasetColumns PEOPLE =
      StatusData.people(
          "P1",
          "2020-01-31",
          "A",
          "P2",
          "2020-01-15",
          "B",
          "P3",
          "2020-02-10",
          "A",
          "P4",
          "2020-02-29",
          "B");
  static final DatasetColumns SPELLS =
      StatusData.spells(
          "P1",
          "JSA",
          "2020-01-01",
          "2020-02-28",
          "P1",
          "ESA",
          "2020-02-29",
          null,
          "P2",
          "ESA",
          "2020-01-10",
          "2020-03-14",
          "P2",
          "JSA",
          "2020-02-01",
          "2020-02-20",
          "P4",
          "UC",
          "2020-03-29",
          "2020-04-28",
          "P9",
          "JSA",
          "2020-01-01",
          null);

  /** "cohort d state people" for every row, censored rows as "cohort d state -". */
  private static List<String> lines(List<StatusRow> rows) {
    List<String> out = new ArrayList<>();
    for (StatusRow r : rows) {
      out.add(
          r.cohort()
              + (r.group().isEmpty() ? "" : " " + String.join(" ", r.group()))
              + " "
              + r.duration()
              + " "
              + r.state()
              + " "
              + (r.observed() ? Long.toString(r.people()) : "-"));
    }
    return out;
  }

  @Test
  void tracksStatesWithOverlapsOpenSpellsMonthEndsCensoringAndPeopleWithoutSpells() {
    StatusTable t = StatusTracker.track(PEOPLE, SPELLS, StatusData.spec());

    assertThat(t.states()).containsExactly("JSA", "ESA", "UC", "Off benefit");
    assertThat(t.cohorts()).containsExactly("2020-01", "2020-02");
    assertThat(t.lastObserved()).containsExactly(2, 2);
    assertThat(lines(t.rows()))
        .containsExactly(
            "2020-01 0 JSA 1",
            "2020-01 0 ESA 1",
            "2020-01 0 UC 0",
            "2020-01 0 Off benefit 0",
            "2020-01 1 JSA 1",
            "2020-01 1 ESA 1",
            "2020-01 1 UC 0",
            "2020-01 1 Off benefit 0",
            "2020-01 2 JSA 0",
            "2020-01 2 ESA 1",
            "2020-01 2 UC 0",
            "2020-01 2 Off benefit 1",
            "2020-01 3 JSA -",
            "2020-01 3 ESA -",
            "2020-01 3 UC -",
            "2020-01 3 Off benefit -",
            "2020-02 0 JSA 0",
            "2020-02 0 ESA 0",
            "2020-02 0 UC 0",
            "2020-02 0 Off benefit 2",
            "2020-02 1 JSA 0",
            "2020-02 1 ESA 0",
            "2020-02 1 UC 1",
            "2020-02 1 Off benefit 1",
            "2020-02 2 JSA 0",
            "2020-02 2 ESA 0",
            "2020-02 2 UC 0",
            "2020-02 2 Off benefit 2",
            "2020-02 3 JSA -",
            "2020-02 3 ESA -",
            "2020-02 3 UC -",
            "2020-02 3 Off benefit -");
    assertThat(t.row(1, 0, 1, 2).proportion()).isEqualTo(1.0 / 2);
    assertThat(t.row(0, 0, 3, 1).proportion()).isNaN();
    assertThat(t.overlaps()).isEqualTo(1);
    assertThat(t.spellsOutside()).isEqualTo(1);
    assertThat(t.spellsUsed()).isEqualTo(5);
    assertThat(t.notes().get(0))
        .contains("JSA, ESA, UC (the order of first appearance in the spell data)")
        .contains("1 member-duration had overlapping spells");
    assertThat(t.notes()).contains("1 spell of people outside the cohort ignored.");
  }

  @Test
  void everInStateAccumulatesOverDurations() {
    StatusTable t = StatusTracker.track(PEOPLE, SPELLS, StatusData.spec());

    // 2020-01: P1 JSA at d0, P2 JSA at d1; ESA P2 d0, P1 d1; off P2 from d2.
    // 2020-02: off both from d0; UC P4 at d1.
    assertThat(lines(t.ever()).subList(0, 12))
        .containsExactly(
            "2020-01 0 JSA 1",
            "2020-01 0 ESA 1",
            "2020-01 0 UC 0",
            "2020-01 0 Off benefit 0",
            "2020-01 1 JSA 2",
            "2020-01 1 ESA 2",
            "2020-01 1 UC 0",
            "2020-01 1 Off benefit 0",
            "2020-01 2 JSA 2",
            "2020-01 2 ESA 2",
            "2020-01 2 UC 0",
            "2020-01 2 Off benefit 1");
    assertThat(lines(t.ever()).subList(20, 28))
        .containsExactly(
            "2020-02 1 JSA 0",
            "2020-02 1 ESA 0",
            "2020-02 1 UC 1",
            "2020-02 1 Off benefit 2",
            "2020-02 2 JSA 0",
            "2020-02 2 ESA 0",
            "2020-02 2 UC 1",
            "2020-02 2 Off benefit 2");
  }

  @Test
  void timeInStateSumsDurationsOneToWindow() {
    StatusTable t = StatusTracker.track(PEOPLE, SPELLS, StatusData.spec().withWindow(2));

    // 2020-01, d1..d2: JSA 1+0, ESA 1+1, UC 0, off 0+1 over 2 members.
    // 2020-02, d1..d2: UC 1+0, off 1+2.
    List<String> got =
        t.timeInState().stream()
            .map(x -> x.cohort() + " " + x.state() + " " + x.personDurations() + " " + x.mean())
            .toList();
    assertThat(got)
        .containsExactly(
            "2020-01 JSA 1 0.5",
            "2020-01 ESA 2 1.0",
            "2020-01 UC 0 0.0",
            "2020-01 Off benefit 1 0.5",
            "2020-02 JSA 0 0.0",
            "2020-02 ESA 0 0.0",
            "2020-02 UC 1 0.5",
            "2020-02 Off benefit 3 1.5");
  }

  @Test
  void timeInStateIsCensoredWhenTheWindowIsNotObserved() {
    StatusTable t = StatusTracker.track(PEOPLE, SPELLS, StatusData.spec());

    assertThat(t.timeInState()).allMatch(x -> x.status() == CellStatus.CENSORED);
    assertThat(t.timeInState()).allMatch(x -> Double.isNaN(x.mean()));
  }

  @Test
  void givenPriorityDecidesOverlapsAndIsNoted() {
    StatusTable t =
        StatusTracker.track(PEOPLE, SPELLS, StatusData.spec().withPriority(List.of("ESA", "JSA")));

    assertThat(t.states()).containsExactly("ESA", "JSA", "UC", "Off benefit");
    // P2 at d1 (02-15) is on ESA and JSA: ESA now wins.
    assertThat(lines(t.rows(0, 0)).subList(4, 8))
        .containsExactly(
            "2020-01 1 ESA 2", "2020-01 1 JSA 0", "2020-01 1 UC 0", "2020-01 1 Off benefit 0");
    assertThat(t.notes().get(0)).contains("ESA, JSA, UC (the order given)");
    assertThat(t.notes().get(1)).contains("follow it, by first appearance: UC");
  }

  @Test
  void breaksDownByGroupAndCountsSpellsOfFilteredPeopleAsOutside() {
    StatusSpec spec = StatusData.spec();
    StatusTable byGroup =
        StatusTracker.track(PEOPLE, SPELLS, spec.withCohort(spec.cohort().withBy(List.of("g"))));
    // Group A: P1 (2020-01), P3 (2020-02); group B: P2, P4.
    assertThat(byGroup.sizes()).containsExactly(1L, 1L, 1L, 1L);
    assertThat(lines(byGroup.rows(0, 1)).subList(4, 8))
        .containsExactly(
            "2020-01 B 1 JSA 1",
            "2020-01 B 1 ESA 0",
            "2020-01 B 1 UC 0",
            "2020-01 B 1 Off benefit 0");

    StatusTable onlyA =
        StatusTracker.track(
            PEOPLE,
            SPELLS,
            spec.withCohort(spec.cohort().withFilter(new CodeFilter("g", List.of("A"), false))));
    assertThat(onlyA.filteredOut()).isEqualTo(2);
    // P2's two spells, P4's and P9's are outside the cohort.
    assertThat(onlyA.spellsOutside()).isEqualTo(4);
    assertThat(lines(onlyA.rows(1, 0)).subList(4, 8))
        .containsExactly(
            "2020-02 1 JSA 0", "2020-02 1 ESA 0", "2020-02 1 UC 0", "2020-02 1 Off benefit 1");
  }

  @Test
  void countTableHasPeoplePerStateAndTheCohortSizeAsTotal() {
    StatusTable t = StatusTracker.track(PEOPLE, SPELLS, StatusData.spec());
    org.statbench.core.table.Table table = t.toCountTable();

    // cohort 2020-01, duration 1, state Total = the cohort size 2; ESA = 1.
    assertThat(table.dimensions())
        .extracting(d -> d.variable())
        .containsExactly("cohort", "duration", "state");
    int[] sizes = table.dimensions().stream().mapToInt(d -> d.size()).toArray();
    assertThat(table.count(((0 * sizes[1]) + 1) * sizes[2] + 4)).isEqualTo(2);
    assertThat(table.count(((0 * sizes[1]) + 1) * sizes[2] + 1)).isEqualTo(1);
  }

  @Test
  void referenceDatesClampToTheMonthEnd() {
    assertThat(
            StatusTracker.referenceDate(
                java.time.LocalDate.parse("2021-01-31"), 1, DurationUnit.MONTHS))
        .hasToString("2021-02-28");
    assertThat(
            StatusTracker.referenceDate(
                java.time.LocalDate.parse("2020-04-30"), 1, DurationUnit.MONTHS))
        .hasToString("2020-05-30");
  }
}
