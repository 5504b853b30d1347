package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.table.Table;

class CountTableTest {
  @Test
  void countTableHoldsEventsByDurationWithCohortSizesAsTotals() {
    DatasetColumns data =
        Records.create()
            .add("2011-06-03", "2011-06-20", null, null, "a")
            .add("2011-06-15", "2011-07-01", null, null, "b")
            .add("2011-06-10", null, null, null, "b")
            .add("2011-07-05", "2011-09-02", null, null, "a")
            .build();
    CohortTable t =
        CohortTracker.track(
            data,
            CohortSpec.of("test", "entry", "event")
                .withHorizon(1)
                .withBy(List.of("g"))
                .withAsOf(LocalDate.parse("2011-12-31")));

    Table table = t.toCountTable();

    assertThat(table.dimensions())
        .extracting(d -> d.variable())
        .containsExactly("cohort", "g", "duration");
    // cohort 2011-06 (0), g = b (1), duration Total: the cohort-group size.
    int dTotal = table.dimensions().get(2).totalIndex();
    assertThat(table.count(table.index(0, 1, dTotal))).isEqualTo(2);
    // Durations: 0-1 (within the horizon) above 0 and 1, then none.
    assertThat(table.dimensions().get(2).categories())
        .extracting(c -> c.code())
        .containsExactly("0-1", "0", "1", "none");
    // 2011-06 x b: one event at duration 1, one without an event within the horizon.
    assertThat(table.count(table.index(0, 1, 2))).isEqualTo(1);
    assertThat(table.count(table.index(0, 1, 3))).isEqualTo(1);
    // the subtotal within the horizon: 2011-06 has events at 0 (a) and 1 (b)
    assertThat(table.count(table.index(0, 2, 0))).isEqualTo(2);
    // Grand total = every record.
    assertThat(table.count(table.index(2, 2, dTotal))).isEqualTo(4);
    // 2011-07's event at duration 2 lies beyond the horizon: in "none".
    assertThat(table.count(table.index(1, 0, 3))).isEqualTo(1);
    assertThat(table.count(table.index(1, 0, 0))).isZero();
  }
}
