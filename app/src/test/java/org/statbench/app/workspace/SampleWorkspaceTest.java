package org.statbench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.disclosure.DisclosureChecker;
import org.statbench.disclosure.DisclosurePolicy;
import org.statbench.disclosure.DisclosureReport;
import org.statbench.sampledata.SampleData;
import org.statbench.tabulate.TableSpecJson;
import org.statbench.tabulate.Tabulator;

class SampleWorkspaceTest {
  @TempDir Path dir;

  @Test
  void importsEveryBundledFileOnceAndMarksLookups() {
    Path ws = dir.resolve("sample");
    List<Double> fractions = new ArrayList<>();
    SampleWorkspace.Opened first =
        SampleWorkspace.open(
            ws,
            false,
            (done, total, m) -> fractions.add((double) done / total),
            CancellationToken.NONE);
    try (var w = first.workspace()) {
      assertThat(first.created()).isTrue();
      assertThat(first.datasets())
          .extracting(DatasetInfo::name)
          .containsExactlyInAnyOrderElementsOf(
              SampleData.files().stream().map(SampleData.SampleFile::datasetName).toList());
      for (SampleData.SampleFile f : SampleData.files()) {
        DatasetInfo d = w.dataset(f.datasetName());
        assertThat(d.rows()).as(f.datasetName()).isEqualTo(f.rows());
        assertThat(d.kind()).isEqualTo(f.isLookup() ? DatasetKind.LOOKUP : DatasetKind.EXTRACT);
      }
    }
    assertThat(fractions).isSorted().last().isEqualTo(1.0);
    SampleWorkspace.Opened again =
        SampleWorkspace.open(ws, false, (a, b, c) -> {}, CancellationToken.NONE);
    try (var w = again.workspace()) {
      assertThat(again.created()).isFalse();
      assertThat(again.datasets()).hasSize(SampleData.files().size());
    }
  }

  @Test
  void refusesToRebuildAFolderThatIsNotASampleWorkspace() throws Exception {
    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "keep me");
    assertThatThrownBy(
            () -> SampleWorkspace.open(mine, true, (a, b, c) -> {}, CancellationToken.NONE))
        .isInstanceOf(InputException.class);
    assertThat(mine.resolve("notes.txt")).exists();
  }

  @Test
  void shipsTheSavedTablesAndCohortDefinitionWhichRunOnTheSample() throws Exception {
    Path ws = dir.resolve("sample");
    try (var w =
        SampleWorkspace.open(ws, false, (a, b, c) -> {}, CancellationToken.NONE).workspace()) {
      Tabulator tabulator = new Tabulator();
      for (SampleWorkspace.SavedTable t : SampleWorkspace.TABLES) {
        Path file = ws.resolve(SampleWorkspace.TABLES_DIR).resolve(t.fileName());
        Table table = tabulator.tabulate(TableSpecJson.read(file), w, CancellationToken.NONE);
        assertThat(table.cellCount()).as(t.fileName()).isGreaterThan(1);
      }
      TableSpec wealth =
          TableSpecJson.read(
              ws.resolve(SampleWorkspace.TABLES_DIR)
                  .resolve(SampleWorkspace.TABLES.get(1).fileName()));
      assertThat(wealth.dataset()).isEqualTo(SampleData.WEALTH_SURVEY.datasetName());
      // A weighted mean over 4,000 households is not dominated by its largest weighted values.
      Table wealthTable = tabulator.tabulate(wealth, w, CancellationToken.NONE);
      DisclosureReport report = new DisclosureChecker(DisclosurePolicy.DEFAULT).check(wealthTable);
      int total = wealthTable.cellCount() - 1;
      assertThat(report.cell(total).failsPrimary()).as(report.describe()).isFalse();
    }
    assertThat(ws.resolve(SampleWorkspace.COHORTS_DIR).resolve(SampleWorkspace.COHORT_DEFINITION))
        .isNotEmptyFile();
  }

  @Test
  void aSampleBuiltBeforeTheSavedTablesShippedGetsThemWhenOpened() throws Exception {
    Path ws = dir.resolve("sample");
    SampleWorkspace.open(ws, false, (a, b, c) -> {}, CancellationToken.NONE).workspace().close();
    Path tables = ws.resolve(SampleWorkspace.TABLES_DIR);
    try (Stream<Path> s = Files.list(tables)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(tables);
    Path cohort =
        ws.resolve(SampleWorkspace.COHORTS_DIR).resolve(SampleWorkspace.COHORT_DEFINITION);
    Files.writeString(cohort, "{\"edited\": true}");

    SampleWorkspace.Opened again =
        SampleWorkspace.open(ws, false, (a, b, c) -> {}, CancellationToken.NONE);
    again.workspace().close();

    assertThat(again.created()).isFalse();
    try (Stream<Path> s = Files.list(tables)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              SampleWorkspace.TABLES.stream().map(SampleWorkspace.SavedTable::fileName).toList());
    }
    assertThat(cohort).hasContent("{\"edited\": true}");
  }

  @Test
  void aSampleWithoutItsCohortsFolderGetsTheDefinitionWhenOpened() throws Exception {
    Path ws = dir.resolve("sample");
    SampleWorkspace.open(ws, false, (a, b, c) -> {}, CancellationToken.NONE).workspace().close();
    Path cohorts = ws.resolve(SampleWorkspace.COHORTS_DIR);
    Files.delete(cohorts.resolve(SampleWorkspace.COHORT_DEFINITION));
    Files.delete(cohorts.resolve(SampleWorkspace.STATUS_DEFINITION));
    Files.delete(cohorts);

    SampleWorkspace.open(ws, false, (a, b, c) -> {}, CancellationToken.NONE).workspace().close();

    assertThat(cohorts.resolve(SampleWorkspace.COHORT_DEFINITION)).isNotEmptyFile();
    assertThat(cohorts.resolve(SampleWorkspace.STATUS_DEFINITION)).isNotEmptyFile();
  }
}
