package org.statbench.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.statbench.geo.Columns.table;
import static org.statbench.testsupport.TestData.cat;
import static org.statbench.testsupport.TestData.dataset;
import static org.statbench.testsupport.TestData.num;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;

class EditionBridgeTest {

  /** 2021 classification of the new areas. */
  private static final DatasetColumns OAC21 =
      table(
          "oac2021",
          new String[] {"oa21", "supergroup"},
          new String[] {"E00900001", "1"},
          new String[] {"E00900010", "3"},
          new String[] {"E00900021", "1"},
          new String[] {"E00900022", "2"},
          new String[] {"E00900023", "2"});

  /**
   * 2011 -> 2021: 001 unchanged; 002 and 003 merged into 010; 004 split into 021 (0.4), 022 (0.35)
   * and 023 (0.25); 005 split into an area the lookup lacks.
   */
  private static DatasetColumns changes(boolean weights) {
    var old =
        cat(
            "oa11",
            "E00900001",
            "E00900002",
            "E00900003",
            "E00900004",
            "E00900004",
            "E00900004",
            "E00900005",
            "E00900005");
    var neu =
        cat(
            "oa21",
            "E00900001",
            "E00900010",
            "E00900010",
            "E00900021",
            "E00900022",
            "E00900023",
            "E00900098",
            "E00900099");
    var ch = cat("change", "U", "M", "M", "S", "S", "S", "S", "S");
    return weights
        ? dataset(
            "oa_changes", old, neu, ch, num("share", 1.0, 1.0, 1.0, 0.4, 0.35, 0.25, 0.5, 0.5))
        : dataset("oa_changes", old, neu, ch);
  }

  private static final DatasetColumns SURVEY =
      dataset(
          "survey",
          cat(
              "oa11",
              "E00900001",
              "E00900002",
              "E00900003",
              "E00900004",
              "E00900005",
              "E00900010"));

  private static JoinResult join(EditionBridge bridge) {
    return JoinEngine.join(
        SURVEY,
        JoinSpec.of("oa11").withBridge(bridge),
        Lookup.of("oac2021", "2021", OAC21, null, null),
        CancellationToken.NONE);
  }

  @Test
  void mergedAreasTakeTheirNewAreasClassification() {
    JoinResult r =
        join(
            EditionBridge.of(
                "oa_changes", changes(false), null, null, null, null, SplitRule.BEST_FIT));
    Map<String, String> m = r.variables().get(0).mapping();
    assertThat(m)
        .containsEntry("E00900001", "1")
        .containsEntry("E00900002", "3")
        .containsEntry("E00900003", "3");
    // A code absent from the bridge is tried as a new-edition code.
    assertThat(m).containsEntry("E00900010", "3");
    // Split into areas the lookup does not know: unknown.
    assertThat(r.report().count(MatchStatus.UNKNOWN_CODE)).isEqualTo(1);
    assertThat(r.report().bridge()).isEqualTo("oa_changes");
  }

  @Test
  void bestFitSendsASplitAreaWhollyToItsLargestSuccessor() {
    JoinResult r =
        join(
            EditionBridge.of(
                "oa_changes", changes(true), null, null, null, "share", SplitRule.BEST_FIT));
    assertThat(r.variables().get(0).mapping()).containsEntry("E00900004", "1");
    assertThat(r.variables().get(0).description()).contains("via oa_changes (best_fit)");
  }

  @Test
  void bestFitWithoutWeightsTakesTheFirstListedSuccessor() {
    JoinResult r =
        join(
            EditionBridge.of(
                "oa_changes", changes(false), null, null, null, null, SplitRule.BEST_FIT));
    assertThat(r.variables().get(0).mapping()).containsEntry("E00900004", "1");
  }

  @Test
  void byWeightGivesEachLevelTheValueWithTheLargestTotalWeight() {
    JoinResult r =
        join(
            EditionBridge.of(
                "oa_changes", changes(true), null, null, null, "share", SplitRule.BY_WEIGHT));
    // 021 alone is 0.4 in supergroup 1, but 022 + 023 carry 0.6 in supergroup 2.
    assertThat(r.variables().get(0).mapping()).containsEntry("E00900004", "2");
    assertThat(r.report().matched()).isEqualTo(5);
  }

  @Test
  void byWeightNeedsAWeightColumn() {
    assertThatThrownBy(
            () ->
                EditionBridge.of(
                    "oa_changes", changes(false), null, null, null, null, SplitRule.BY_WEIGHT))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("weight");
  }

  @Test
  void rejectsAnUnknownChangeTypeNamingLineAndColumn() {
    DatasetColumns bad =
        table(
            "chg",
            new String[] {"old", "new", "change"},
            new String[] {"E00900001", "E00900001", "U"},
            new String[] {"E00900002", "E00900003", "Q"});
    assertThatThrownBy(() -> EditionBridge.of("chg", bad, null, null, null, null, null))
        .isInstanceOf(InputException.class)
        .hasMessage("chg, line 3, column change: change type 'Q' is not one of U, S, M, X");
  }

  @Test
  void rejectsAnUnchangedCodeWithSeveralSuccessors() {
    DatasetColumns bad =
        table(
            "chg",
            new String[] {"old", "new", "change"},
            new String[] {"E00900001", "E00900001", "U"},
            new String[] {"E00900001", "E00900002", "U"});
    assertThatThrownBy(() -> EditionBridge.of("chg", bad, null, null, null, null, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("E00900001 has 2 new codes");
  }

  @Test
  void rejectsAMergeWithASinglePredecessor() {
    DatasetColumns bad =
        table(
            "chg",
            new String[] {"old", "new", "change"},
            new String[] {"E00900001", "E00900005", "M"});
    assertThatThrownBy(() -> EditionBridge.of("chg", bad, null, null, null, null, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("only one old code");
  }

  @Test
  void bridgeNeedsAnAreaCodeLookup() {
    DatasetColumns generic = table("g", new String[] {"k", "v"}, new String[] {"JSA 25+", "x"});
    EditionBridge b = EditionBridge.of("oa_changes", changes(false), null, null, null, null, null);
    assertThatThrownBy(
            () ->
                JoinEngine.join(
                    dataset("d", cat("k", "JSA 25+")),
                    JoinSpec.of("k").withBridge(b),
                    Lookup.of("g", null, generic, null, null),
                    CancellationToken.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("area codes");
    assertThat(List.of(b.successors("E00900004").size())).containsExactly(3);
  }
}
