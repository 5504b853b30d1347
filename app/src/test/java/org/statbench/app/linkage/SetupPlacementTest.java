package org.statbench.app.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetupPlacementTest {
  @ParameterizedTest(name = "a {0} px tab at {1} px text: beside = {2}")
  @CsvSource({
    // 1024x700 in presenter mode (19 px text): the tab is about 460 px, 54 em is 1026 px
    "460, 19, false",
    // 1024x700 at the normal 13 px text: the tab is about 525 px, 54 em is 702 px
    "525, 13, false",
    "701, 13, false",
    "702, 13, true",
    // 1920x1080 in presenter mode: the tab is about 1300 px
    "1300, 19, true",
    "1025, 19, false"
  })
  void theSetUpIsBesideTheResultsOnlyWhenTheTabHolds54Em(double width, double em, boolean beside) {
    assertThat(SetupPlacement.beside(width, em)).isEqualTo(beside);
  }

  @Test
  void theDividerGivesTheSetUpFortyPercentButAtLeast24EmAndTheResultsAtLeast30Em() {
    // 1300 px at 19 px: 40% is 520 px, more than 24 em (456 px)
    assertThat(SetupPlacement.divider(1300, 19)).isCloseTo(0.4, within(1e-9));
    // 1026 px at 19 px: 40% is 410 px, less than 24 em (456 px); 1026 - 30 em = 456 px
    assertThat(SetupPlacement.divider(1026, 19)).isCloseTo(456.0 / 1026, within(1e-9));
    // 800 px at 13 px: 40% is 320 px, more than 24 em (312); results keep 480 >= 390
    assertThat(SetupPlacement.divider(800, 13)).isCloseTo(0.4, within(1e-9));
  }
}
