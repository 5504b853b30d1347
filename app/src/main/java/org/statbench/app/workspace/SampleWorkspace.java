package org.statbench.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.sampledata.SampleData;
import org.statbench.sampledata.SampleData.SampleFile;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/**
 * The sample workspace a trainer (or a first start) lands on: the bundled synthetic extracts and
 * lookups of {@link SampleData}, imported once through the ordinary {@link Workspace#importCsv}
 * path into a folder (by default {@code ~/.statbench/sample}). A marker file written last says the
 * workspace is complete, so an interrupted creation is redone rather than half used.
 */
public final class SampleWorkspace {
  /** Written after every bundled file was imported. */
  public static final String COMPLETE_MARKER = ".statbench-sample-complete";

  /** Written before the first import: the folder belongs to the sample and may be rebuilt. */
  public static final String SAMPLE_MARKER = ".statbench-sample";

  private SampleWorkspace() {}

  /**
   * An opened sample workspace.
   *
   * @param workspace the open workspace (the caller closes it)
   * @param datasets its catalogue
   * @param created whether it was (re)built by this call
   */
  public record Opened(Workspace workspace, List<DatasetInfo> datasets, boolean created) {}

  /**
   * Opens the sample workspace in {@code dir}, first building it from the bundled files when it is
   * missing, incomplete, or {@code reset} is true (a reset deletes the folder: the caller must have
   * closed any workspace open on it). Runs on a worker thread.
   */
  public static Opened open(
      Path dir, boolean reset, ProgressListener progress, CancellationToken cancel) {
    boolean complete = Files.isRegularFile(dir.resolve(COMPLETE_MARKER));
    if (complete && !reset) {
      Workspace ws = Workspace.open(dir);
      return new Opened(ws, ws.datasets(), false);
    }
    if (Files.exists(dir)) {
      if (!Files.isRegularFile(dir.resolve(SAMPLE_MARKER)) && !isEmptyDirectory(dir)) {
        throw new org.statbench.core.InputException(
            dir + " is not a sample workspace; choose an empty folder");
      }
      deleteRecursively(dir);
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(SAMPLE_MARKER), "StatBench sample workspace\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the sample workspace in " + dir, e);
    }
    Workspace ws = Workspace.open(dir);
    try {
      build(ws, progress, cancel);
      Files.writeString(dir.resolve(COMPLETE_MARKER), "bundled sample data imported\n");
      return new Opened(ws, ws.datasets(), true);
    } catch (IOException e) {
      ws.close();
      throw new UncheckedIOException("Cannot create the sample workspace in " + dir, e);
    } catch (RuntimeException e) {
      ws.close();
      throw e;
    }
  }

  /** Imports every bundled file into {@code ws} and marks the lookups with their edition. */
  public static void build(Workspace ws, ProgressListener progress, CancellationToken cancel)
      throws IOException {
    List<SampleFile> files = SampleData.files();
    Path tmpDir = Files.createTempDirectory("statbench-sample");
    try {
      for (int i = 0; i < files.size(); i++) {
        cancel.throwIfCancelled();
        SampleFile f = files.get(i);
        Path tmp = tmpDir.resolve(f.fileName());
        try (InputStream in = f.open()) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        final int index = i;
        String stage = "importing " + f.datasetName();
        progress.progress(index * 1000L, files.size() * 1000L, stage);
        // The store may report several stages per file; the bar should only move forward.
        long[] furthest = {0};
        ws.importCsv(
            ImportRequest.of(f.datasetName(), tmp),
            (done, total, msg) -> {
              long part = total > 0 ? Math.min(999, done * 1000 / total) : 0;
              furthest[0] = Math.max(furthest[0], part);
              progress.progress(index * 1000L + furthest[0], files.size() * 1000L, stage);
            },
            cancel);
        if (f.isLookup()) {
          ws.setKind(f.datasetName(), DatasetKind.LOOKUP, f.edition());
        }
        Files.deleteIfExists(tmp);
      }
      progress.progress(files.size() * 1000L, files.size() * 1000L, "done");
    } finally {
      deleteRecursively(tmpDir);
    }
  }

  private static boolean isEmptyDirectory(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
