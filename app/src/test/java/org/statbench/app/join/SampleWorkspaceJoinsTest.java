package org.statbench.app.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.workspace.SampleWorkspace;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetInfo;
import org.statbench.geo.GeoJoins;

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
}
