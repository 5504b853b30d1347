package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
