package org.statbench.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.workspace.SampleWorkspace;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.store.Workspace;
import org.statbench.tabulate.TableSpecJson;
import org.statbench.tabulate.Tabulator;

/** One template is built for the class (a few seconds); every test then resets from it. */
class DemoWorkspaceTest {
  @TempDir static Path home;
  static DemoWorkspace demo;

  @BeforeAll
  static void buildTemplateOnce() throws Exception {
    demo = new DemoWorkspace(home);
    demo.ensureTemplate(ProgressListener.NONE, CancellationToken.NONE);
  }

  private static SampleWorkspace.Opened reset() {
    return demo.reset(ProgressListener.NONE, CancellationToken.NONE);
  }

  @Test
  void theDemoHoldsEverySampleDatasetWithTheJoinedClassification() {
    try (Workspace ws = reset().workspace()) {
      assertThat(ws.datasets())
          .extracting(DatasetInfo::name)
          .contains("referrals", "wealth_survey", "oac_2011", "geography_2011");
      assertThat(ws.dataset("wealth_survey").variables())
          .extracting(v -> v.name())
          .contains("supergroup", "supergroup_name");
      assertThat(ws.dataset("referrals").variables())
          .extracting(v -> v.name())
          .contains("lsoa", "msoa", "la", "region", "region_name");
    }
  }

  @Test
  void everySavedDemoTableOpensAndTabulatesOnTheDemo() throws Exception {
    try (Workspace ws = reset().workspace()) {
      Tabulator tabulator = new Tabulator();
      for (SampleWorkspace.SavedTable t : DemoWorkspace.TABLES) {
        Path file = demo.directory().resolve(DemoWorkspace.TABLES_DIR).resolve(t.fileName());
        TableSpec spec = TableSpecJson.read(file);
        Table table = tabulator.tabulate(spec, ws, CancellationToken.NONE);
        assertThat(table.cellCount()).as(t.fileName()).isGreaterThan(1);
      }
      assertThat(
              demo.directory()
                  .resolve(DemoWorkspace.COHORTS_DIR)
                  .resolve(DemoWorkspace.COHORT_DEFINITION))
          .isNotEmptyFile();
    }
  }

  @Test
  void theFailingExampleHasSmallCellsAndTheRedesignHasNone() {
    try (Workspace ws = reset().workspace()) {
      Tabulator tabulator = new Tabulator();
      Table fails = tabulator.tabulate(spec(2), ws, CancellationToken.NONE);
      Table passes = tabulator.tabulate(spec(3), ws, CancellationToken.NONE);
      assertThat(countsBetween(fails, 1, 9)).isGreaterThan(10);
      assertThat(countsBetween(passes, 1, 9)).isZero();
    }
  }

  @Test
  void resetPutsBackTheStartingStateWhateverWasChanged() throws Exception {
    List<String> before;
    try (Workspace ws = reset().workspace()) {
      before = ws.datasets().stream().map(DatasetInfo::name).toList();
      ws.drop("referrals");
    }
    Path tables = demo.directory().resolve(DemoWorkspace.TABLES_DIR);
    Files.delete(tables.resolve(DemoWorkspace.TABLES.get(0).fileName()));
    Files.writeString(tables.resolve("my-own.table.json"), "{}");

    try (Workspace ws = reset().workspace()) {
      assertThat(ws.datasets()).extracting(DatasetInfo::name).containsExactlyElementsOf(before);
    }
    try (Stream<Path> s = Files.list(tables)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              DemoWorkspace.TABLES.stream().map(SampleWorkspace.SavedTable::fileName).toList());
    }
  }

  @Test
  void resetCopiesTheTemplateWithoutRebuildingOrChangingIt() throws Exception {
    Path marker = demo.template().resolve(DemoWorkspace.TEMPLATE_MARKER);
    FileTime built = Files.getLastModifiedTime(marker);
    try (Workspace ws = reset().workspace()) {
      ws.drop("wealth_survey");
    }
    reset().workspace().close();
    assertThat(Files.getLastModifiedTime(marker)).isEqualTo(built);
    try (Workspace template = Workspace.open(demo.template())) {
      assertThat(template.hasDataset("wealth_survey")).isTrue();
    }
  }

  @Test
  void refusesToReplaceAFolderThatIsNotADemo(@TempDir Path otherHome) throws Exception {
    DemoWorkspace other = new DemoWorkspace(otherHome);
    Files.createDirectories(other.directory());
    Files.writeString(other.directory().resolve("precious.csv"), "a,b\n1,2\n");
    copyTemplate(other);

    assertThatThrownBy(() -> other.reset(ProgressListener.NONE, CancellationToken.NONE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not a StatBench demo folder");
    assertThat(other.directory().resolve("precious.csv")).exists();
  }

  private static void copyTemplate(DemoWorkspace to) throws Exception {
    try (Stream<Path> s = Files.walk(demo.template())) {
      for (Path p : s.toList()) {
        Path target = to.template().resolve(demo.template().relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static TableSpec spec(int index) {
    return TableSpecJson.read(
        demo.directory()
            .resolve(DemoWorkspace.TABLES_DIR)
            .resolve(DemoWorkspace.TABLES.get(index).fileName()));
  }

  private static long countsBetween(Table t, long lo, long hi) {
    long n = 0;
    for (int i = 0; i < t.cellCount(); i++) {
      long c = Math.round(t.value(i));
      if (c >= lo && c <= hi) {
        n++;
      }
    }
    return n;
  }
}
