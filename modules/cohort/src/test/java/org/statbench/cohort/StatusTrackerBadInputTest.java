package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;

class StatusTrackerBadInputTest {
  private static final DatasetColumns PEOPLE =
      StatusData.people("P1", "2020-01-31", "A", "P2", "2020-01-15", "B");

  @Test
  void refusesASpellEndingBeforeItStartsNamingTheRecord() {
    DatasetColumns spells =
        StatusData.spells(
            "P1", "JSA", "2020-01-01", "2020-02-28", "P2", "ESA", "2020-03-10", "2020-03-01");

    assertThatThrownBy(() -> StatusTracker.track(PEOPLE, spells, StatusData.spec()))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Spell dataset 'spells': 1 bad record: record 2 (line 3) ends (end 2020-03-01) before"
                + " it starts (start 2020-03-10)");
  }

  @Test
  void refusesASpellPersonIdInAnotherFormatWithoutShowingTheId() {
    DatasetColumns spells =
        StatusData.spells(
            "P1",
            "JSA",
            "2020-01-01",
            null,
            "12345",
            "ESA",
            "2020-03-10",
            null,
            "Q7",
            "UC",
            "2020-01-01",
            null);

    // Q7 has the cohort ids' shape (letters, digits): just not in the cohort.
    assertThatThrownBy(() -> StatusTracker.track(PEOPLE, spells, StatusData.spec()))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Spell dataset 'spells': 1 bad record: record 2 (line 3) has a person id (pid) not in"
                + " the format of the cohort's ids (id)")
        .message()
        .doesNotContain("12345");
  }

  @Test
  void refusesAPersonWithTwoEntryDates() {
    DatasetColumns people =
        StatusData.people(
            "P1", "2020-01-31", "A", "P2", "2020-01-15", "B", "P1", "2020-03-01", "A");
    DatasetColumns spells = StatusData.spells("P1", "JSA", "2020-01-01", null);

    assertThatThrownBy(() -> StatusTracker.track(people, spells, StatusData.spec()))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Dataset 'people' must have one record per person (id): 1 problem: records 1 and 3"
                + " (lines 2 and 4) are the same person with two entry dates, 2020-01-31 and"
                + " 2020-03-01");
  }

  @Test
  void namesTheFirstFiveOfManyBadSpellsInRecordOrder() {
    DatasetColumns spells =
        StatusData.spells(
            "P1",
            "JSA",
            "2020-02-01",
            "2020-01-01",
            null,
            "JSA",
            "2020-01-01",
            null,
            "P1",
            null,
            "2020-01-01",
            null,
            "P1",
            "JSA",
            null,
            null,
            "P2",
            "JSA",
            "2020-02-01",
            "2020-01-01",
            "P2",
            "JSA",
            "2020-02-01",
            "2020-01-01",
            "P2",
            "JSA",
            "2020-02-01",
            "2020-01-01");

    assertThatThrownBy(() -> StatusTracker.track(PEOPLE, spells, StatusData.spec()))
        .isInstanceOf(InputException.class)
        .hasMessage(
            "Spell dataset 'spells': 7 bad records: record 1 (line 2) ends (end 2020-01-01) before"
                + " it starts (start 2020-02-01); record 2 (line 3) has no person id (pid); record"
                + " 3 (line 4) has no state (benefit); record 4 (line 5) has no start date (start);"
                + " record 5 (line 6) ends (end 2020-01-01) before it starts (start 2020-02-01);"
                + " ...");
  }

  @Test
  void refusesAnOffLabelThatIsAlsoAState() {
    DatasetColumns spells = StatusData.spells("P1", "Off benefit", "2020-01-01", null);

    assertThatThrownBy(() -> StatusTracker.track(PEOPLE, spells, StatusData.spec()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("off state 'Off benefit' is also a state");
  }
}
