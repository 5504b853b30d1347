package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.statbench.core.InputException;

class CohortPeriodTest {
  @ParameterizedTest
  @CsvSource({
    "MONTH, 2011-06-15, 2011-06, 2011-06-01, 2011-06-30",
    "QUARTER, 2011-06-15, 2011-Q2, 2011-04-01, 2011-06-30",
    "QUARTER, 2012-01-01, 2012-Q1, 2012-01-01, 2012-03-31",
    "WEEK, 2011-01-02, 2010-W52, 2010-12-27, 2011-01-02",
    "WEEK, 2011-01-03, 2011-W01, 2011-01-03, 2011-01-09",
    "FINANCIAL_YEAR, 2012-03-31, FY2011-12, 2011-04-01, 2012-03-31",
    "FINANCIAL_YEAR, 2012-04-01, FY2012-13, 2012-04-01, 2013-03-31",
    "FINANCIAL_YEAR, 1999-05-01, FY1999-00, 1999-04-01, 2000-03-31"
  })
  void labelsAndBoundsOfThePeriodOfADate(
      CohortPeriod p, LocalDate day, String label, LocalDate first, LocalDate last) {
    int i = p.index((int) day.toEpochDay());

    assertThat(p.label(i)).isEqualTo(label);
    assertThat(LocalDate.ofEpochDay(p.firstDay(i))).isEqualTo(first);
    assertThat(LocalDate.ofEpochDay(p.lastDay(i))).isEqualTo(last);
  }

  @Test
  void monthIndexAgreesWithLocalDateOverFourCenturies() {
    for (LocalDate d = LocalDate.parse("1850-01-01");
        d.isBefore(LocalDate.parse("2250-01-01"));
        d = d.plusDays(1)) {
      int expected = d.getYear() * 12 + d.getMonthValue() - 1;
      int day = (int) d.toEpochDay();
      if (Calendar.monthIndex(day) != expected) {
        assertThat(Calendar.monthIndex(day)).as("month of %s", d).isEqualTo(expected);
      }
      if (d.getDayOfMonth() == 1 && Calendar.firstDayOfMonth(expected) != day) {
        assertThat(Calendar.firstDayOfMonth(expected)).as("first day %s", d).isEqualTo(day);
      }
    }
  }

  @Test
  void monthDurationIsTheDifferenceOfCalendarMonths() {
    int entry = (int) LocalDate.parse("2011-06-30").toEpochDay();

    assertThat(DurationUnit.MONTHS.between(entry, (int) LocalDate.parse("2011-06-30").toEpochDay()))
        .isZero();
    assertThat(DurationUnit.MONTHS.between(entry, (int) LocalDate.parse("2011-07-01").toEpochDay()))
        .isEqualTo(1);
    assertThat(DurationUnit.MONTHS.between(entry, (int) LocalDate.parse("2012-06-30").toEpochDay()))
        .isEqualTo(12);
    assertThat(DurationUnit.WEEKS.between(entry, entry + 13)).isEqualTo(1);
  }

  @Test
  void parsesCommandLineWords() {
    assertThat(CohortPeriod.parse("Quarter")).isEqualTo(CohortPeriod.QUARTER);
    assertThat(CohortPeriod.parse("financial-year")).isEqualTo(CohortPeriod.FINANCIAL_YEAR);
    assertThat(DurationUnit.parse("month")).isEqualTo(DurationUnit.MONTHS);
    assertThat(Estimator.parse("km")).isEqualTo(Estimator.KAPLAN_MEIER);
    assertThatThrownBy(() -> CohortPeriod.parse("decade"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("decade");
  }
}
