package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.data.Code;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.CodeGroup;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.spec.RollUp;
import org.statbench.core.table.Category;

/** What the chip dialogs accept, without a toolkit. */
class ChipInputTest {
  @Test
  void equalWidthBandsComeFromTheFromAndToFields() {
    // 16..80 in 4 bands of width 16: 16, 32, 48, 64, 80
    assertThat(ChipInput.equalWidth(" 16", "80 ", 4).bands()).hasSize(4);
    assertThatThrownBy(() -> ChipInput.equalWidth("sixteen", "80", 4))
        .hasMessage("Give numbers for From and To (e.g. 16 and 80)");
  }

  @Test
  void aBandDialogStartsFromTheValuesRoundedOutwards() {
    assertThat(ChipInput.valueRange(new double[] {17.2, 3.5, 64.01})).containsExactly("3", "65");
  }

  @Test
  void aRangeNeedsNumbersInOrderAndMayBeOpenOnEitherSide() {
    assertThat(ChipInput.rangeProblem("", "10")).isNull();
    assertThat(ChipInput.rangeProblem("5", " ")).isNull();
    assertThat(ChipInput.rangeProblem("5", "5")).isNull();
    assertThat(ChipInput.rangeProblem("x5", "")).isEqualTo("'x5' is not a number");
    assertThat(ChipInput.rangeProblem("10", "5"))
        .isEqualTo("From is above To: nothing would be kept");
    assertThat(ChipInput.number(" ")).isNull();
    assertThat(ChipInput.number(" 2.5")).isEqualTo(2.5);
  }

  @Test
  void rollUpLevelsAreReadNearestFirstUntilTheFirstNone() {
    assertThat(ChipInput.rollUpChain(List.of("region", "country", ChipInput.NO_LEVEL)))
        .containsExactly("region", "country");
    assertThat(ChipInput.rollUpChain(Arrays.asList(ChipInput.NO_LEVEL, null, null))).isEmpty();
    assertThatThrownBy(() -> ChipInput.rollUpChain(List.of(ChipInput.NO_LEVEL, "region")))
        .hasMessageContaining("region comes after a level left at (none)");
    assertThatThrownBy(() -> ChipInput.rollUpChain(List.of("region", "region")))
        .hasMessageContaining("region is chosen twice");
  }

  private static final List<Code> CODES =
      List.of(new Code("P1", "North", 1200), new Code("P2", "P2", 7), new Code("P3", "East", 3));

  @Test
  void aCodeFilterListsMissingLastOnlyWhenSomeRecordsHaveNoCode() {
    VariableInfo withMissing =
        new VariableInfo("provider", null, VariableType.CATEGORICAL, 4, CODES, null);
    VariableInfo without =
        new VariableInfo("provider", null, VariableType.CATEGORICAL, 0, CODES, null);
    assertThat(ChipInput.filterChoices(CODES, withMissing))
        .extracting(Code::code)
        .containsExactly("P1", "P2", "P3", Category.MISSING);
    assertThat(ChipInput.filterChoices(CODES, without)).hasSize(3);
    assertThat(ChipInput.filterChoices(CODES, null)).hasSize(3);
  }

  @Test
  void aCodeFilterStartsTickedAsTheCurrentFilterKeeps() {
    assertThat(ChipInput.initiallyKept(CODES, null)).containsExactly("P1", "P2", "P3");
    assertThat(ChipInput.initiallyKept(CODES, CodeFilter.include("provider", "P2")))
        .containsExactly("P2");
    assertThat(ChipInput.initiallyKept(CODES, CodeFilter.exclude("provider", "P2")))
        .containsExactly("P1", "P3");
  }

  @Test
  void aCodeLineShowsItsLabelOnlyWhenDifferentAndItsCountWithSeparators() {
    assertThat(ChipInput.filterLine(CODES.get(0))).isEqualTo("P1  North   (1,200)");
    assertThat(ChipInput.filterLine(CODES.get(1))).isEqualTo("P2   (7)");
  }

  @Test
  void aGroupLineNamesTheGroupAndListsThePickedCodesWithoutLabels() {
    List<String> entries = CODES.stream().map(ChipInput::groupEntry).toList();
    assertThat(entries).containsExactly("P1 — North", "P2", "P3 — East");
    assertThat(ChipInput.groupLine(" Big ", List.of(entries.get(0), entries.get(1))))
        .isEqualTo("Big=P1,P2");
    assertThatThrownBy(() -> ChipInput.groupLine("Big", List.of()))
        .hasMessageStartingWith("Select the codes to merge");
    assertThatThrownBy(() -> ChipInput.groupLine(" ", List.of("P1")))
        .hasMessage("Give the group a name");
  }

  @Test
  void groupsAreWrittenOnePerLineAndANewLineGoesOnALineOfItsOwn() {
    CodeGroups groups =
        new CodeGroups(
            List.of(
                new CodeGroup("Big", List.of("P1", "P2")), new CodeGroup("Small", List.of("P3"))));
    assertThat(ChipInput.groupsText(groups)).isEqualTo("Big=P1,P2\nSmall=P3\n");
    assertThat(ChipInput.groupsText(null)).isEmpty();
    assertThat(ChipInput.appendLine("", "A=P1")).isEqualTo("A=P1\n");
    assertThat(ChipInput.appendLine("B=P2", "A=P1")).isEqualTo("B=P2\nA=P1\n");
    assertThat(ChipInput.appendLine("B=P2\n", "A=P1")).isEqualTo("B=P2\nA=P1\n");
  }

  @Test
  void dateGroupingChoicesReadBackToTheirUnit() {
    assertThat(ChipInput.dateGroupingChoices())
        .containsExactly(
            "Each date", "Month", "Quarter", "Financial year (April-March)", "Calendar year");
    for (DateUnit u : DateUnit.values()) {
      assertThat(ChipInput.unitOf(ChipInput.unitText(u))).isEqualTo(u);
    }
    assertThat(ChipInput.unitOf(ChipInput.EACH_DATE)).isNull();
  }

  @Test
  void rangeAndRollUpDialogsStartFromTheCurrentFilterAndDerivation() {
    assertThat(ChipInput.rangeTexts(new RangeFilter("age", 16, Double.POSITIVE_INFINITY)))
        .containsExactly("16", "");
    assertThat(ChipInput.rangeTexts(new RangeFilter("age", Double.NEGATIVE_INFINITY, 2.5)))
        .containsExactly("", "2.5");
    assertThat(ChipInput.rangeTexts(null)).containsExactly("", "");
    assertThat(ChipInput.currentRollUp(RollUp.toVariables(List.of("region", "country"))))
        .containsExactly("region", "country");
    assertThat(ChipInput.currentRollUp(new DateGrouping(DateUnit.MONTH))).isEmpty();
  }
}
