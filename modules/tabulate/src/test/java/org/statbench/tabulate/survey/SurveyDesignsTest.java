package org.statbench.tabulate.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

class SurveyDesignsTest {
  @TempDir Path dir;

  @Test
  void designIsKeptWithTheDatasetAcrossReopenAndReimportAndGoesWithADrop() throws Exception {
    Path csv = dir.resolve("s.csv");
    Files.writeString(csv, "h,p,w,y\nA,1,2,10\nA,2,2,20\nB,3,1,5\nB,4,1,7\n");
    SurveyDesign d = SurveyDesign.parse("strata=h,psu=p,lonely=adjust", "w");
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      ws.importCsv(ImportRequest.of("s", csv), null, CancellationToken.NONE);
      assertThat(SurveyDesigns.of(ws, "s")).isEmpty();
      SurveyDesigns.set(ws, "s", d);
    }
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      assertThat(SurveyDesigns.of(ws, "s")).contains(d);
      ws.importCsv(ImportRequest.of("s", csv), null, CancellationToken.NONE);
      assertThat(SurveyDesigns.of(ws, "s")).contains(d);
      assertThatThrownBy(() -> SurveyDesigns.set(ws, "s", SurveyDesign.weightOnly("nope")))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("'nope'");
      ws.drop("s");
      ws.importCsv(ImportRequest.of("s", csv), null, CancellationToken.NONE);
      assertThat(SurveyDesigns.of(ws, "s")).isEmpty();
    }
  }

  @Test
  void checkNamesTheStratumWithOnePsuWithoutKeepingTheDesign() throws Exception {
    Path csv = dir.resolve("s.csv");
    // stratum B has the single PSU 3
    Files.writeString(csv, "h,p,w\nA,1,1\nA,2,1\nB,3,1\nB,3,1\n");
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      ws.importCsv(ImportRequest.of("s", csv), null, CancellationToken.NONE);
      assertThatThrownBy(
              () -> SurveyDesigns.check(ws, "s", SurveyDesign.parse("strata=h,psu=p", "w")))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("B");
      SurveyDesigns.check(ws, "s", SurveyDesign.parse("strata=h,psu=p,lonely=certainty", "w"));
      assertThat(SurveyDesigns.of(ws, "s")).isEmpty();
    }
  }

  @Test
  void summaryNamesEveryPartOfTheDesign() {
    assertThat(SurveyDesign.parse("strata=h,psu=p,fpc=f,lonely=adjust", "w").summary())
        .isEqualTo("survey design: weight w, strata h, PSU p, fpc f, lonely PSUs adjust");
    assertThat(
            SurveyDesign.weightOnly("w")
                .withReplicates(java.util.List.of("r1", "r2"), SurveyDesign.ReplicateType.JK1)
                .summary())
        .isEqualTo("survey design: weight w, 2 jk1 replicates");
  }
}
