package org.statbench.app.cohort.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;

/** The status mode's choices and first guesses, without a toolkit. */
class StatusChoicesTest {
  private static DatasetInfo dataset(Object... nameTypePairs) {
    List<VariableInfo> vars = new java.util.ArrayList<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      vars.add(
          new VariableInfo(
              (String) nameTypePairs[i], null, (VariableType) nameTypePairs[i + 1], 0, null, null));
    }
    return new DatasetInfo("d", null, null, null, 10, vars, DatasetKind.EXTRACT);
  }

  @Test
  void thePersonIdIsAVariableNamedLikeAnIdElseTheFirstThatIsNotADate() {
    assertThat(
            StatusChoices.guessId(
                dataset(
                    "entry", VariableType.DATE,
                    "region", VariableType.CATEGORICAL,
                    "person_id", VariableType.TEXT)))
        .isEqualTo("person_id");
    // a decimal named like an id is not taken for one
    assertThat(
            StatusChoices.guessId(
                dataset(
                    "entry", VariableType.DATE,
                    "region", VariableType.CATEGORICAL,
                    "paid", VariableType.DECIMAL)))
        .isEqualTo("region");
    assertThat(StatusChoices.guessId(dataset("entry", VariableType.DATE))).isNull();
  }

  @Test
  void theStateIsTheFirstCategoryOtherThanTheIdAndTheDatesKeepTheirOrder() {
    DatasetInfo spells =
        dataset(
            "pid", VariableType.CATEGORICAL,
            "start", VariableType.DATE,
            "benefit", VariableType.CATEGORICAL,
            "end", VariableType.DATE);
    assertThat(StatusChoices.guessState(spells, "pid")).isEqualTo("benefit");
    assertThat(StatusChoices.guessState(spells, "other")).isEqualTo("pid");
    assertThat(StatusChoices.dates(spells)).containsExactly("start", "end");
    assertThat(StatusChoices.dates(null)).isEmpty();
  }

  @Test
  void thePriorityIsReadAsTypedWithBlanksLeftOut() {
    assertThat(StatusChoices.priority(" UC, JSA ,,ESA ")).containsExactly("UC", "JSA", "ESA");
    assertThat(StatusChoices.priority(null)).isEmpty();
    assertThat(StatusChoices.priority(" ")).isEmpty();
  }

  @Test
  void aGroupTargetNamesItsCodesOverAllCohorts() {
    assertThat(StatusChoices.groupLabel(List.of("A", "F"))).isEqualTo("A / F (all cohorts)");
    assertThat(StatusChoices.targetIndex(null, "A / F (all cohorts)"))
        .containsExactly(StatusShares.ALL, StatusShares.ALL);
  }
}
