package org.statbench.app.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.workspace.SampleWorkspace;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DatasetInfo;
import org.statbench.geo.EditionBridge;
import org.statbench.geo.GeoJoins;
import org.statbench.geo.JoinSpec;
import org.statbench.geo.LookupValidator;
import org.statbench.geo.MatchReport;
import org.statbench.geo.MatchStatus;
import org.statbench.geo.SplitRule;
import org.statbench.sampledata.SampleData;
import org.statbench.store.Workspace;

class SampleWorkspaceJoinsTest {
  @TempDir Path dir;

  @Test
  void theSampleWorkspaceComesWithClassificationAndGeographyJoined() {
    SampleWorkspace.Opened opened =
        SampleWorkspace.open(
            dir.resolve("sample"), false, ProgressListener.NONE, CancellationToken.NONE);
    try {
      DatasetInfo survey = opened.workspace().dataset("wealth_survey");
      assertThat(survey.variableNames())
          .contains("supergroup", "supergroup_name", "group", "subgroup");
      assertThat(survey.variable("supergroup").orElseThrow().codes()).hasSize(8);
      DatasetInfo referrals = opened.workspace().dataset("referrals");
      assertThat(GeoJoins.rollUpFrom(referrals, "lsoa"))
          .containsExactly("lsoa", "msoa", "la", "region");
      DatasetInfo hb = opened.workspace().dataset("housing_benefit");
      assertThat(hb.variableNames()).contains("region", "region_name");
    } finally {
      opened.workspace().close();
    }
  }

  @Test
  void theSampleWorkspaceShipsAPostcodeJoinAndA2011To2021BridgedJoin() throws IOException {
    SampleWorkspace.Opened opened =
        SampleWorkspace.open(
            dir.resolve("sample"), false, ProgressListener.NONE, CancellationToken.NONE);
    Workspace ws = opened.workspace();
    try {
      GeoJoins geo = new GeoJoins(ws);
      // The bundled lookups are valid lookups and a valid bridge.
      for (String lookup : List.of("postcodes_2011", "oac_2021")) {
        assertThat(LookupValidator.validate(geo.lookup(lookup, null))).as(lookup).isEmpty();
      }
      EditionBridge bridge = geo.bridge("oa_changes_2011_2021", SplitRule.BEST_FIT, "weight");

      // Postcodes: messy formatting matches; terminated, pseudo, invalid, unknown and empty don't.
      DatasetInfo hb = ws.dataset("housing_benefit");
      assertThat(hb.variableNames()).contains("postcode", "oa", "lsoa", "la");
      MatchReport postcodes =
          geo.preview(
                  "housing_benefit",
                  "postcodes_2011",
                  null,
                  JoinSpec.of("postcode").withLevels(List.of("oa")),
                  CancellationToken.NONE)
              .report();
      assertThat(postcodes.matched()).isEqualTo(2846);
      assertThat(postcodes.count(MatchStatus.TERMINATED)).isEqualTo(112);
      assertThat(postcodes.count(MatchStatus.PSEUDO_CODE)).isEqualTo(4);
      assertThat(postcodes.count(MatchStatus.INVALID_FORMAT)).isEqualTo(18);
      assertThat(postcodes.count(MatchStatus.UNKNOWN_CODE)).isEqualTo(14);
      assertThat(postcodes.count(MatchStatus.EMPTY)).isEqualTo(6);
      assertThat(GeoJoins.rollUpFrom(hb, "oa")).containsExactly("oa", "lsoa", "la");

      // 2011 codes through the code changes to the 2021 classification, next to the 2011 one.
      DatasetInfo survey = ws.dataset("wealth_survey");
      assertThat(survey.variableNames()).contains("supergroup", "supergroup21", "subgroup21");
      assertThat(survey.variable("supergroup21").orElseThrow().derivedFrom())
          .contains("via oa_changes_2011_2021 (best_fit)");
      assertThat(survey.variable("supergroup21").orElseThrow().codes()).hasSize(8);
      MatchReport bridged =
          geo.preview(
                  "wealth_survey",
                  "oac_2021",
                  null,
                  JoinSpec.of("oa_code").withBridge(bridge),
                  CancellationToken.NONE)
              .report();
      assertThat(bridged.rate()).isGreaterThan(0.99);
      assertThat(bridged.unmatched())
          .extracting(MatchReport.UnmatchedCode::code)
          .containsOnly("E99999999", "XYZ", "", "E00999999", "E0090001");

      // A split 2011 area takes the 2021 subgroup of its successor with the largest share.
      Map<String, String> subgroup21 = new HashMap<>();
      for (String[] r : rows(SampleData.CLASSIFICATION_2021)) {
        subgroup21.put(r[0], r[5]);
      }
      Map<String, String[]> heaviest = new HashMap<>();
      for (String[] r : rows(SampleData.OA_CHANGES)) {
        if (r[2].equals("S")) {
          heaviest.merge(
              r[0], r, (a, b) -> Double.parseDouble(b[3]) > Double.parseDouble(a[3]) ? b : a);
        }
      }
      DatasetColumns cols = ws.columns("wealth_survey", List.of("oa_code", "subgroup21"));
      Column oa = cols.column("oa_code");
      Column sg = cols.column("subgroup21");
      int splitRecords = 0;
      for (int row = 0; row < cols.rows(); row++) {
        String[] best = heaviest.get(oa.text(row));
        if (best != null) {
          splitRecords++;
          assertThat(sg.text(row)).isEqualTo(subgroup21.get(best[1]));
        }
      }
      assertThat(splitRecords).isGreaterThan(50);
    } finally {
      ws.close();
    }
  }

  private static List<String[]> rows(SampleData.SampleFile f) throws IOException {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(f.open(), StandardCharsets.UTF_8))) {
      return r.lines().skip(1).map(l -> l.split(",", -1)).toList();
    }
  }
}
