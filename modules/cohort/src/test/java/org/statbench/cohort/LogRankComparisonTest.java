package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.data.DatasetColumns;

class LogRankComparisonTest {
  private static final LocalDate DAY0 = LocalDate.parse("2020-01-01");

  @Test
  void twoGroupLogRankMatchesTheHandComputedStatisticAndPValue() {
    // Group a: events on days 1, 2, 2; one leaves on day 4. Group b: event day 3, one leaves on
    // day 3, event day 4, one followed beyond the horizon.
    DatasetColumns data =
        Records.create()
            .days(DAY0, 1, null, null, "a")
            .days(DAY0, 2, null, null, "a")
            .days(DAY0, 2, null, null, "a")
            .days(DAY0, null, 4, null, "a")
            .days(DAY0, 3, null, null, "b")
            .days(DAY0, null, 3, null, "b")
            .days(DAY0, 4, null, null, "b")
            .days(DAY0, null, null, null, "b")
            .build();
    CohortSpec spec =
        CohortSpec.of("test", "entry", "event")
            .withEnd("end")
            .withUnit(DurationUnit.DAYS)
            .withHorizon(5)
            .withBy(List.of("g"))
            .withAsOf(LocalDate.parse("2020-01-31"));

    LogRankTest lr = CohortTracker.track(data, spec).logRank().orElseThrow();

    // O_a = 3, E_a = 4/8 + 2*3/7 + 1/5 + 1/3; V = 1/4 + 10/24.5 + 0.16 + 2/9.
    assertThat(lr.groups()).containsExactly(List.of("a"), List.of("b"));
    assertThat(lr.observed().get(0)).isEqualTo(3.0);
    assertThat(lr.expected().get(0)).isCloseTo(1.8904761904761904, within(1e-12));
    assertThat(lr.degreesOfFreedom()).isEqualTo(1);
    assertThat(lr.chiSquare()).isCloseTo(1.1832566857740678, within(1e-10));
    assertThat(lr.pValue()).isCloseTo(0.2766939949737098, within(1e-9));
  }

  @Test
  void noTestWithASingleGroup() {
    DatasetColumns data = Records.create().days(DAY0, 1, null, null, "a").build();

    CohortTable t =
        CohortTracker.track(
            data,
            CohortSpec.of("test", "entry", "event")
                .withUnit(DurationUnit.DAYS)
                .withBy(List.of("g")));

    assertThat(t.logRank()).isEmpty();
  }
}
