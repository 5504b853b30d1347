package org.statbench.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;

/**
 * Whole-number person ids indexed compactly (sorted {@code id << 32 | row}, used when the spells
 * are streamed) join spells to the same cohort rows as the hash, sorted or not.
 */
class CompactPersonJoinTest {
  private static NumericColumn ids(double... v) {
    return new NumericColumn("person", VariableType.INTEGER, v);
  }

  private static int[] join(boolean compact, NumericColumn cohort, NumericColumn spells) {
    int[] entry = new int[cohort.size()];
    List<int[]> problems = new ArrayList<>();
    return PersonJoin.of("people", cohort, entry, compact).rows(spells, 0, problems, new long[1]);
  }

  @Test
  void unsortedIdsFindTheirRowsAndUnknownIdsNone() {
    NumericColumn cohort = ids(5, 3, 9, 0, 2_000_000_000);
    NumericColumn spells = ids(9, 3, 3, 7, 5, 0, 2_000_000_000, -1, 1e12, 4.5);
    // rows by hand: 9 -> 2, 3 -> 1, 7 -> none, 5 -> 0, 0 -> 3, 2e9 -> 4, the rest none
    int[] expected = {2, 1, 1, -1, 0, 3, 4, -1, -1, -1};
    assertThat(join(true, cohort, spells)).containsExactly(expected);
    assertThat(join(false, cohort, spells)).containsExactly(expected);
  }

  @Test
  void sortedIdsAndSpellsFindTheNextPerson() {
    NumericColumn cohort = ids(1, 2, 4, 8);
    NumericColumn spells = ids(1, 1, 2, 4, 4, 8, 3, 8);
    assertThat(join(true, cohort, spells)).containsExactly(0, 0, 1, 2, 2, 3, -1, 3);
  }

  @Test
  void aPersonOnTwoRecordsIsStillReported() {
    NumericColumn cohort = ids(1, 2, 1);
    assertThatThrownBy(() -> join(true, cohort, ids(1)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("records 1 and 3 (lines 2 and 4) are the same person");
  }
}
