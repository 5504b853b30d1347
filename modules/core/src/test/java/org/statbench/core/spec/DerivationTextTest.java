package org.statbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;

class DerivationTextTest {
  @Test
  void wholeCutPointsOfAnIntegerVariableGiveClosedBandsEndingOneBelowTheNextCut() {
    assertThat(DerivationText.cutPoints("25, 50;65", true).format())
        .isEqualTo("-24,25-49,50-64,65+");
  }

  @Test
  void cutPointsOfADecimalVariableGiveHalfOpenBands() {
    assertThat(DerivationText.cutPoints("10,50.5", false).format()).isEqualTo("<10,10-<50.5,50.5+");
    // a fractional cut point makes even an integer variable's bands half-open
    assertThat(DerivationText.cutPoints("10.5", true).format()).isEqualTo("<10.5,10.5+");
  }

  @Test
  void cutPointsMustBeIncreasingNumbers() {
    assertThatThrownBy(() -> DerivationText.cutPoints("25,x", true))
        .isInstanceOf(InputException.class)
        .hasMessage("Cut point 'x' is not a number");
    assertThatThrownBy(() -> DerivationText.cutPoints("50,25", true))
        .hasMessage("Cut points must increase: 25 comes after 50");
    assertThatThrownBy(() -> DerivationText.cutPoints(" ", true))
        .hasMessageContaining("at least one cut point");
  }

  @Test
  void bandsRefuseBlankTextAndOverlapsButAcceptTouchingEnds() {
    assertThatThrownBy(() -> DerivationText.bands(" ")).hasMessageContaining("at least one band");
    assertThatThrownBy(() -> DerivationText.bands("16-40,30")).hasMessageContaining("30 would be");
    assertThat(DerivationText.bands("20-30,30-40").bands()).hasSize(2);
  }

  @Test
  void groupsAreReadOnePerLineAndCheckedAgainstTheCodes() {
    Set<String> codes = Set.of("North", "South", "East", "West");

    CodeGroups g = DerivationText.groups("N=North\n\n S = South , East \n", "region", codes);

    assertThat(g.groups())
        .containsExactly(
            new CodeGroup("N", java.util.List.of("North")),
            new CodeGroup("S", java.util.List.of("South", "East")));
    assertThat(DerivationText.groups("  \n", "region", codes)).isNull();
    assertThatThrownBy(() -> DerivationText.groups("=East", "region", codes))
        .hasMessageContaining("has no name");
    assertThatThrownBy(() -> DerivationText.groups("X=Easy", "region", codes))
        .hasMessage("Group 'X': 'Easy' is not a code of region");
    assertThatThrownBy(() -> DerivationText.groups("A=East\nA=West", "region", codes))
        .hasMessage("Two groups are named 'A'");
    // a group named like a code left out of every group would be ambiguous
    assertThatThrownBy(() -> DerivationText.groups("West=East", "region", codes))
        .hasMessageContaining("is also a code of region");
    // without known codes any code is accepted; Missing always is
    assertThat(DerivationText.groups("X=a,Missing", "v", Set.of()).groups()).hasSize(1);
  }
}
