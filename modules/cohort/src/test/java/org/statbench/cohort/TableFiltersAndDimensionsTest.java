package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.RangeFilter;

/**
 * Cohorts select records with the table filters (codes in or out, numeric ranges, date ranges) and
 * break down by the table dimensions' derivations (bands, groups, date groupings), with the
 * tabulator's semantics. Every number below is counted by hand from the eight records.
 */
class TableFiltersAndDimensionsTest {
  private static final double NA = Double.NaN;

  /**
   * Eight referrals (entry, event, age, region):
   *
   * <pre>
   *  1 2011-06-05 2011-06-20  20  N   June, event at 0
   *  2 2011-06-10 2011-08-02  30  N   June, event at 2
   *  3 2011-06-12 -           45  S   June, no event
   *  4 2011-06-25 2011-07-01  70  N   age outside 16..64: filtered out
   *  5 2011-07-03 2011-07-30  22  S   July, event at 0
   *  6 2011-07-15 -           -   N   age missing: a range never keeps it
   *  7 2011-05-20 2011-05-25  25  N   entry before 2011-06-01: filtered out
   *  8 2011-07-20 2011-09-10  50  S   July, event at 2
   * </pre>
   */
  private static DatasetColumns referrals() {
    String[][] dates = {
      {"2011-06-05", "2011-06-20"},
      {"2011-06-10", "2011-08-02"},
      {"2011-06-12", null},
      {"2011-06-25", "2011-07-01"},
      {"2011-07-03", "2011-07-30"},
      {"2011-07-15", null},
      {"2011-05-20", "2011-05-25"},
      {"2011-07-20", "2011-09-10"}
    };
    int[] entry = new int[dates.length];
    int[] event = new int[dates.length];
    for (int i = 0; i < dates.length; i++) {
      entry[i] = (int) LocalDate.parse(dates[i][0]).toEpochDay();
      event[i] =
          dates[i][1] == null
              ? DateColumn.MISSING
              : (int) LocalDate.parse(dates[i][1]).toEpochDay();
    }
    double[] age = {20, 30, 45, 70, 22, NA, 25, 50};
    int[] region = {0, 0, 1, 0, 1, 0, 0, 1};
    return DatasetColumns.of(
        "referrals",
        List.of(
            new DateColumn("entry", entry),
            new DateColumn("event", event),
            new NumericColumn("age", VariableType.INTEGER, age),
            CategoricalColumn.of(
                "region", VariableType.CATEGORICAL, new ArrayList<>(List.of("N", "S")), region)));
  }

  private static CohortSpec spec() {
    return CohortSpec.of("referrals", "entry", "event")
        .withHorizon(2)
        .withAsOf(LocalDate.parse("2011-09-30"));
  }

  @Test
  void numericRangeAndDateRangeFiltersWithABandedBreakdownCountByHand() {
    CohortSpec s =
        spec()
            .withFilter(RangeFilter.parse("age=16..64"))
            .withFilter(DateRangeFilter.parse("entry=2011-06-01..2011-07-31"))
            .withBy(List.of("age"))
            .withDerivation("age", Bands.parse("16-24,25-49,50+"));

    CohortTable t = CohortTracker.track(referrals(), s);

    // Record 7 (May) is filtered out, so the first cohort is June.
    assertThat(t.cohorts()).containsExactly("2011-06", "2011-07");
    // The band categories of the whole column, Missing last, as a table plans them.
    assertThat(t.groups())
        .containsExactly(List.of("16-24"), List.of("25-49"), List.of("50+"), List.of("Missing"));
    assertThat(t.recordsUsed()).isEqualTo(5);
    assertThat(t.filteredOut()).isEqualTo(3);

    // June 16-24: record 1, event at 0.
    assertThat(t.size(0, 0)).isEqualTo(1);
    assertThat(t.rows(0, 0)).extracting(CohortRow::cumulative).containsExactly(1.0, 1.0, 1.0);
    // June 25-49: records 2 and 3, one event at 2.
    assertThat(t.size(0, 1)).isEqualTo(2);
    assertThat(t.rows(0, 1)).extracting(CohortRow::atRisk).containsExactly(2L, 2L, 2L);
    assertThat(t.rows(0, 1)).extracting(CohortRow::events).containsExactly(0L, 0L, 1L);
    assertThat(t.rows(0, 1)).extracting(CohortRow::cumulative).containsExactly(0.0, 0.0, 0.5);
    // June 50+: record 4 (age 70) is outside the range, so the group is empty in June.
    assertThat(t.size(0, 2)).isZero();
    assertThat(t.rows(0, 2).get(0).hasValue()).isFalse();
    // July 16-24: record 5; July 50+: record 8, event at 2 (observed: 30 September has come).
    assertThat(t.size(1, 0)).isEqualTo(1);
    assertThat(t.rows(1, 0).get(0).cumulative()).isEqualTo(1.0);
    assertThat(t.size(1, 1)).isZero();
    assertThat(t.size(1, 2)).isEqualTo(1);
    assertThat(t.rows(1, 2)).extracting(CohortRow::cumulative).containsExactly(0.0, 0.0, 1.0);
    // Record 6 (age missing) is dropped by the range: the Missing group stays empty.
    assertThat(t.size(0, 3) + t.size(1, 3)).isZero();
  }

  @Test
  void excludeFilterAndADateGroupingBreakdown() {
    // Drop region S (records 3, 5, 8); break down by the entry's quarter.
    CohortSpec s =
        spec()
            .withFilter(CodeFilter.exclude("region", "S"))
            .withBy(List.of("entry"))
            .withDerivation("entry", new DateGrouping(DateUnit.QUARTER));

    CohortTable t = CohortTracker.track(referrals(), s);

    assertThat(t.groups()).containsExactly(List.of("2011-Q2"), List.of("2011-Q3"));
    assertThat(t.cohorts()).containsExactly("2011-05", "2011-06", "2011-07");
    // May (record 7) and June (1, 2, 4) are in Q2; July (6) in Q3.
    assertThat(t.size(0, 0)).isEqualTo(1);
    assertThat(t.size(1, 0)).isEqualTo(3);
    assertThat(t.size(2, 1)).isEqualTo(1);
    // June, Q2: events at 0 (1), 1 (4) and 2 (2) of 3 people.
    assertThat(t.rows(1, 0)).extracting(CohortRow::events).containsExactly(1L, 1L, 1L);
    assertThat(t.rows(1, 0).get(2).cumulative()).isEqualTo(1.0);
    assertThat(t.filteredOut()).isEqualTo(3);
  }

  @Test
  void aRangeOnADateVariableIsRefusedNamingIt() {
    CohortSpec s = spec().withFilter(RangeFilter.parse("entry=1..2"));

    assertThatThrownBy(() -> CohortTracker.track(referrals(), s))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'entry'");
  }
}
