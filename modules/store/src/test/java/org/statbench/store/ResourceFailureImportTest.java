package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.ProgressListener;
import org.statbench.core.ResourceException;

/** An extract that goes away while it is imported: a clear message, and nothing changed. */
class ResourceFailureImportTest {
  @TempDir Path tmp;

  @Test
  void anExtractRemovedWhileItIsImportedIsAMessageAndTheWorkspaceIsUnchanged() throws Exception {
    Path early = Fixtures.csv(tmp, "early.csv", "a,b\n1,x\n2,y\n");
    StringBuilder sb = new StringBuilder("id,x\n");
    for (int i = 0; i < 2000; i++) {
      sb.append(i).append(',').append(i).append('\n');
    }
    sb.append("2000,late\n"); // x looked like numbers: the importer reads the file a second time
    Path extract = Fixtures.csv(tmp, "extract.csv", sb.toString());
    // removed as soon as the first reading reports progress (the open file stays readable on
    // Linux; the second reading finds it gone)
    ProgressListener removeIt =
        (done, total, message) -> {
          try {
            Files.deleteIfExists(extract);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    Path dir = tmp.resolve("ws");
    try (Workspace ws = Workspace.open(dir)) {
      ws.importCsv(ImportRequest.of("early", early), null, null);

      ResourceException e =
          catchThrowableOfType(
              ResourceException.class,
              () -> ws.importCsv(ImportRequest.of("extract", extract), removeIt, null));

      assertThat(e.kind()).isEqualTo(ResourceException.Kind.FILE_REMOVED);
      assertThat(e.getMessage())
          .isEqualTo(
              "The file "
                  + extract
                  + " was removed, moved or became unreadable while it was being imported."
                  + " Nothing was changed; import it again once it is back.");
      assertThat(ws.datasets()).extracting(d -> d.name()).containsExactly("early");
      assertThat(ws.columns("early", java.util.List.of("a")).rows()).isEqualTo(2);
    }
    try (Stream<Path> files = Files.list(dir.resolve("columns"))) {
      assertThat(files).hasSize(1); // no partial column file or spill file left
    }
  }
}
