package org.statbench.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.statbench.geo.Columns.table;
import static org.statbench.testsupport.TestData.cat;
import static org.statbench.testsupport.TestData.dataset;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.table.Table;
import org.statbench.geo.MatchReport.MatchRate;
import org.statbench.geo.MatchReport.UnmatchedCode;
import org.statbench.store.DerivedVariable;

class JoinEngineTest {

  private static final DatasetColumns OAC =
      table(
          "oac",
          new String[] {"oa", "supergroup", "group"},
          new String[] {"E00900001", "1", "1a"},
          new String[] {"E00900002", "2", "2b"},
          new String[] {"E00900003", "2", "2a"});

  private static JoinResult join(DatasetColumns data, JoinSpec spec, DatasetColumns lookup) {
    return JoinEngine.join(
        data,
        spec,
        Lookup.of(lookup.dataset(), "2011", lookup, null, null),
        CancellationToken.NONE);
  }

  @Test
  void classifiesEveryUnmatchedCategoryByTheDesignDefinitions() {
    DatasetColumns data =
        dataset(
            "survey",
            cat(
                "oa_code",
                "E00900001",
                " e00900002 ",
                "E99999999",
                "X99999999",
                "XYZ",
                "E0090001",
                "",
                null,
                "E00999999",
                "E00900001"));
    MatchReport r = join(data, JoinSpec.of("oa_code"), OAC).report();
    assertThat(r.total()).isEqualTo(10);
    assertThat(r.count(MatchStatus.MATCHED)).isEqualTo(3);
    assertThat(r.count(MatchStatus.PSEUDO_CODE)).isEqualTo(2);
    assertThat(r.count(MatchStatus.INVALID_FORMAT)).isEqualTo(2);
    assertThat(r.count(MatchStatus.EMPTY)).isEqualTo(2);
    assertThat(r.count(MatchStatus.UNKNOWN_CODE)).isEqualTo(1);
    assertThat(r.count(MatchStatus.TERMINATED)).isZero();
    assertThat(r.rate()).isEqualTo(0.3);
    assertThat(r.unmatched())
        .contains(
            new UnmatchedCode("E00999999", MatchStatus.UNKNOWN_CODE, 1),
            new UnmatchedCode("XYZ", MatchStatus.INVALID_FORMAT, 1),
            new UnmatchedCode("E99999999", MatchStatus.PSEUDO_CODE, 1));
    // "" and a missing value are both empty keys and are listed together.
    assertThat(r.unmatched()).contains(new UnmatchedCode("", MatchStatus.EMPTY, 2));
  }

  @Test
  void writesTheReportCsvWithEveryCategoryAndTheRate() {
    DatasetColumns data = dataset("d", cat("oa", "E00900001", "E00900001", "E00900003", "XYZ"));
    StringWriter w = new StringWriter();
    join(data, JoinSpec.of("oa"), OAC).report().writeCsv(w);
    assertThat(w.toString())
        .isEqualTo(
            "category,count\ntotal,4\nmatched,3\ninvalid_format,1\nunknown_code,0\n"
                + "terminated,0\npseudo_code,0\nempty,0\nrate,0.75\n");
  }

  @Test
  void derivedVariablesMapTheKeysCodesAndLeaveUnmatchedMissing() {
    DatasetColumns data = dataset("d", cat("oa", "E00900002", " e00900003", "E00999999"));
    JoinResult res = join(data, JoinSpec.of("oa"), OAC);
    assertThat(res.variables())
        .extracting(DerivedVariable::name)
        .containsExactly("supergroup", "group");
    DerivedVariable sg = res.variables().get(0);
    assertThat(sg.source()).isEqualTo("oa");
    assertThat(sg.mapping())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("E00900002", "2", " e00900003", "2"));
    assertThat(sg.description()).startsWith("join oac (2011) on oa");
  }

  @Test
  void addsOnlyTheRequestedLevels() {
    DatasetColumns data = dataset("d", cat("oa", "E00900001"));
    JoinResult res = join(data, JoinSpec.of("oa").withLevels(List.of("group")), OAC);
    assertThat(res.variables()).extracting(DerivedVariable::name).containsExactly("group");
    assertThat(res.variables().get(0).mapping()).containsEntry("E00900001", "1a");
  }

  @Test
  void rejectsAnUnknownLevelNamingIt() {
    DatasetColumns data = dataset("d", cat("oa", "E00900001"));
    assertThatThrownBy(() -> join(data, JoinSpec.of("oa").withLevels(List.of("nope")), OAC))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("oac");
  }

  @Test
  void rejectsAnUnknownKeyVariableNamingIt() {
    DatasetColumns data = dataset("d", cat("oa", "E00900001"));
    assertThatThrownBy(() -> join(data, JoinSpec.of("oa_code"), OAC))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'oa_code'");
  }

  @Test
  void breaksTheMatchRateDownByAnotherVariable() {
    DatasetColumns data =
        dataset(
            "d",
            cat("oa", "E00900001", "XYZ", "E00900002", "E00900002", null),
            cat("la", "A", "A", "B", "B", null));
    MatchReport r = join(data, JoinSpec.of("oa").withBy(List.of("la")), OAC).report();
    assertThat(r.rates().get("la"))
        .containsExactly(
            new MatchRate("A", 2, 1), new MatchRate("B", 2, 2), new MatchRate("Missing", 1, 0));
    Table t = r.toTable("la");
    assertThat(t.value(t.index(0, 0))).isEqualTo(1);
    assertThat(t.value(t.index(3, 2))).isEqualTo(5);
  }

  @Test
  void reportIsACountTableWithTheTotalAsMargin() {
    DatasetColumns data = dataset("d", cat("oa", "E00900001", "XYZ", ""));
    Table t = join(data, JoinSpec.of("oa"), OAC).report().toTable();
    assertThat(t.dimensions().get(0).categories())
        .extracting(c -> c.code())
        .containsExactly(
            "matched", "invalid_format", "unknown_code", "terminated", "pseudo_code", "empty");
    assertThat(t.value(0)).isEqualTo(1);
    assertThat(t.value(6)).isEqualTo(3);
  }

  @Test
  void joinsThroughANonUniqueKeyWhenTheLevelsAgree() {
    DatasetColumns hierarchy =
        table(
            "geo",
            new String[] {"oa", "la", "region"},
            new String[] {"E00900001", "E06900001", "E12900001"},
            new String[] {"E00900002", "E06900001", "E12900001"},
            new String[] {"E00900003", "E06900002", "E12900002"});
    DatasetColumns claims = dataset("hb", cat("la_code", "E06900001", "E06900002", "E06900003"));
    Lookup byLa = Lookup.of("geo", "2011", hierarchy, "la", null);
    JoinResult res =
        JoinEngine.join(
            claims,
            JoinSpec.of("la_code").withLevels(List.of("region")),
            byLa,
            CancellationToken.NONE);
    assertThat(res.variables().get(0).mapping())
        .containsEntry("E06900001", "E12900001")
        .containsEntry("E06900002", "E12900002");
    assertThat(res.report().count(MatchStatus.UNKNOWN_CODE)).isEqualTo(1);
    // ... but not when a level takes several values for one key.
    assertThatThrownBy(
            () ->
                JoinEngine.join(
                    claims,
                    JoinSpec.of("la_code").withLevels(List.of("oa")),
                    byLa,
                    CancellationToken.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not unique")
        .hasMessageContaining("line 3");
  }

  @Test
  void joinsAMillionRecordsByMappingTheDictionary() {
    int n = 1_000_000;
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      codes[i] = i % 4 == 3 ? -1 : i % 3;
    }
    DatasetColumns data =
        dataset(
            "big",
            org.statbench.core.data.CategoricalColumn.ofInts(
                "oa",
                org.statbench.core.data.VariableType.CATEGORICAL,
                List.of("E00900001", "E00900002", "E99999999"),
                codes));
    MatchReport r = join(data, JoinSpec.of("oa"), OAC).report();
    assertThat(r.total()).isEqualTo(n);
    assertThat(r.count(MatchStatus.EMPTY)).isEqualTo(n / 4);
    assertThat(r.matched() + r.count(MatchStatus.PSEUDO_CODE) + r.count(MatchStatus.EMPTY))
        .isEqualTo(n);
  }
}
