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
import org.statbench.core.spec.CodeGroup;
import org.statbench.core.spec.CodeGroups;

/** Breakdowns use the tabulation spec's bands and code groups, planned as tables plan them. */
class BreakdownDerivationTest {
  private static final int DAY = (int) LocalDate.parse("2011-06-10").toEpochDay();

  /** Five people entering in June 2011: ages 18, 30, 55, 61 and missing; payment groups. */
  private static DatasetColumns people() {
    int[] entry = {DAY, DAY, DAY, DAY, DAY};
    int[] event = {DAY + 1, DateColumn.MISSING, DAY + 2, DateColumn.MISSING, DAY + 3};
    double[] age = {18, 30, 55, 61, Double.NaN};
    List<String> dict = new ArrayList<>(List.of("JSA 25+", "ESA", "JSA 18-24"));
    return DatasetColumns.of(
        "t",
        List.of(
            new DateColumn("entry", entry),
            new DateColumn("event", event),
            new NumericColumn("age", VariableType.INTEGER, age),
            CategoricalColumn.of("pg", VariableType.CATEGORICAL, dict, new int[] {0, 1, 2, 0, 2})));
  }

  private static CohortSpec spec() {
    return CohortSpec.of("t", "entry", "event")
        .withHorizon(0)
        .withAsOf(LocalDate.parse("2011-06-30"));
  }

  @Test
  void ageBandsAsWrittenForTablesBecomeTheGroupsWithMissingLast() {
    CohortTable t =
        CohortTracker.track(
            people(),
            spec().withBy(List.of("age")).withDerivation("age", Bands.parse("16-24,25-49,50+")));

    assertThat(t.groups())
        .containsExactly(List.of("16-24"), List.of("25-49"), List.of("50+"), List.of("Missing"));
    assertThat(t.size(0, 2)).isEqualTo(2);
    assertThat(t.rows(0, 2).get(0).cumulative()).isEqualTo(0.5);
  }

  @Test
  void codeGroupsMergeCodesIntoOneGroup() {
    CodeGroups jsa = new CodeGroups(List.of(new CodeGroup("JSA", List.of("JSA 25+", "JSA 18-24"))));

    CohortTable t =
        CohortTracker.track(people(), spec().withBy(List.of("pg")).withDerivation("pg", jsa));

    // Ordered by the tabulation planner's rule, whatever the table builder shows.
    assertThat(t.groups()).containsExactlyInAnyOrder(List.of("JSA"), List.of("ESA"));
    assertThat(t.size(0, t.groups().indexOf(List.of("JSA")))).isEqualTo(4);
  }

  @Test
  void bandsOfAVariableThatIsNotABreakdownAreRejected() {
    assertThatThrownBy(() -> spec().withDerivation("age", Bands.parse("16-24")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'age'");
  }
}
