package org.statbench.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.core.data.VariableInfo;
import org.statbench.sampledata.SampleData;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

class GeoJoinsTest {
  @TempDir Path dir;
  private Path files;
  private Workspace ws;
  private GeoJoins geo;

  @BeforeEach
  void setUp() {
    files = dir.resolve("files");
    SampleData.copyTo(files);
    ws = Workspace.open(dir.resolve("ws"));
    geo = new GeoJoins(ws);
    ws.importCsv(
        ImportRequest.of("survey", files.resolve(SampleData.WEALTH_SURVEY.fileName())),
        ProgressListener.NONE,
        CancellationToken.NONE);
    geo.importLookup(
        ImportRequest.of("oac_2011", files.resolve(SampleData.CLASSIFICATION.fileName())),
        "2011",
        null,
        ProgressListener.NONE,
        CancellationToken.NONE);
    geo.importLookup(
        ImportRequest.of("geography_2011", files.resolve(SampleData.GEOGRAPHY.fileName())),
        "2011",
        null,
        ProgressListener.NONE,
        CancellationToken.NONE);
  }

  @org.junit.jupiter.api.AfterEach
  void tearDown() {
    ws.close();
  }

  @Test
  void importedLookupsAreMarkedWithTheirEdition() {
    assertThat(ws.dataset("oac_2011").kind()).isEqualTo(DatasetKind.LOOKUP);
    assertThat(ws.edition("oac_2011")).isEqualTo("2011");
    assertThat(ws.hasDataset("__checking_oac_2011")).isFalse();
  }

  @Test
  void joinAddsDerivedVariablesThatLoadAsCategoricalColumns() {
    JoinResult r =
        geo.join(
            "survey",
            "oac_2011",
            null,
            JoinSpec.of("oa_code").withLevels(List.of("supergroup", "supergroup_name")),
            CancellationToken.NONE);
    MatchReport report = r.report();
    // the sample survey: two waves of 5,000 households, about 0.6% of area codes unmatched
    assertThat(report.total()).isEqualTo(10_000);
    assertThat(report.matched()).isGreaterThan(9_850);
    assertThat(report.unmatchedTotal()).isGreaterThan(0);

    DatasetInfo info = ws.dataset("survey");
    VariableInfo sg = info.variable("supergroup").orElseThrow();
    assertThat(sg.isDerived()).isTrue();
    assertThat(sg.derivedFrom()).startsWith("join oac_2011 (2011) on oa_code");
    assertThat(sg.codes()).hasSize(8);
    // Unmatched records are missing in the new variable.
    assertThat(sg.missing()).isEqualTo(report.unmatchedTotal());

    DatasetColumns cols = ws.columns("survey", List.of("oa_code", "supergroup"));
    CategoricalColumn c = (CategoricalColumn) cols.column("supergroup");
    assertThat(c.dictionary()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
  }

  @Test
  void aCancelledJoinLeavesTheEarlierJoinInPlace() {
    geo.join(
        "survey",
        "oac_2011",
        null,
        JoinSpec.of("oa_code").withLevels(List.of("supergroup")),
        CancellationToken.NONE);
    DatasetInfo before = ws.dataset("survey");
    CancellationToken cancel = new CancellationToken();
    cancel.cancel();

    assertThatThrownBy(
            () ->
                geo.join(
                    "survey",
                    "geography_2011",
                    null,
                    JoinSpec.of("oa_code").withLevels(List.of("la", "region")),
                    cancel))
        .isInstanceOf(org.statbench.core.CancelledException.class);

    assertThat(ws.dataset("survey")).isEqualTo(before);
    assertThat(ws.dataset("survey").variable("la")).isEmpty();
    assertThat(ws.columns("survey", List.of("supergroup")).column("supergroup").text(0))
        .isNotNull();
  }

  @Test
  void hierarchyJoinRecordsTheRollUpOrder() {
    JoinResult r =
        geo.join(
            "survey",
            "geography_2011",
            null,
            JoinSpec.of("oa_code").withLevels(List.of("la", "region", "msoa", "region_name")),
            CancellationToken.NONE);
    assertThat(r.rollUps()).containsExactly(List.of("msoa", "la", "region"));
    DatasetInfo info = ws.dataset("survey");
    assertThat(GeoJoins.rollUps(info)).containsExactly(List.of("msoa", "la", "region"));
    assertThat(GeoJoins.rollUpFrom(info, "la")).containsExactly("la", "region");
    assertThat(GeoJoins.rollUpFrom(info, "oa_code")).containsExactly("oa_code");
  }

  @Test
  void refusesALevelThatClashesWithAnImportedVariable() {
    ws.importCsv(
        ImportRequest.of("referrals", files.resolve(SampleData.REFERRALS.fileName())),
        ProgressListener.NONE,
        CancellationToken.NONE);
    // Joining by LA to the OA hierarchy (non-unique key) works for the levels above LA ...
    JoinResult r =
        geo.join(
            "referrals",
            "geography_2011",
            "la",
            JoinSpec.of("la_code").withLevels(List.of("region", "region_name")),
            CancellationToken.NONE);
    assertThat(r.report().matched()).isGreaterThan(19_900);
    // ... and a level named like an imported variable is refused, naming it.
    Path lookupFile = dir.resolve("clash.csv");
    writeLines(lookupFile, "oa,age", "E00900001,old");
    ws.importCsv(
        ImportRequest.of("clash", lookupFile), ProgressListener.NONE, CancellationToken.NONE);
    assertThatThrownBy(
            () ->
                geo.join(
                    "referrals", "clash", null, JoinSpec.of("oa_code"), CancellationToken.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'age'");
  }

  @Test
  void anInvalidLookupIsRejectedAndTheValidOneKept() {
    Path bad = dir.resolve("bad.csv");
    writeLines(
        bad, "oa,lsoa,msoa", "E00900001,E01900001,E02900001", "E00900002,E01900001,E02900002");
    assertThatThrownBy(
            () ->
                geo.importLookup(
                    ImportRequest.of("geography_2011", bad),
                    "2011",
                    null,
                    ProgressListener.NONE,
                    CancellationToken.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bad.csv, line 3, column msoa")
        .hasMessageContaining("more than one parent");
    assertThat(ws.dataset("geography_2011").rows()).isEqualTo(SampleData.GEOGRAPHY.rows());
    assertThat(ws.hasDataset("__checking_geography_2011")).isFalse();
  }

  @Test
  void unknownKeyVariableIsNamed() {
    assertThatThrownBy(
            () ->
                geo.preview(
                    "survey", "oac_2011", null, JoinSpec.of("nope"), CancellationToken.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("'survey'");
  }

  private static void writeLines(Path p, String... lines) {
    try {
      Files.write(p, List.of(lines));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
