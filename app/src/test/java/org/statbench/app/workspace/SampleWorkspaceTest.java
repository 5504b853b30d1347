package org.statbench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.sampledata.SampleData;

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
}
