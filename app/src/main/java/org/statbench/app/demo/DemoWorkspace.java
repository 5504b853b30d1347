package org.statbench.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.statbench.app.workspace.SampleWorkspace;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.store.Workspace;

/**
 * The trainer's demo: a workspace folder ({@code ~/.statbench/demo}) that is always a fresh copy of
 * a pristine template ({@code ~/.statbench/demo-template}), so a reset puts back exactly the
 * starting state whatever was changed, in the time of a folder copy.
 *
 * <p>The template is built once from the bundled sample files (which stay untouched inside the
 * application) exactly as the sample workspace is ({@link SampleWorkspace#build}): every sample
 * extract and lookup imported, the sample joins (the whole geography hierarchy onto the referrals,
 * so roll-ups can be shown), and the saved demo tables ({@link #TABLES}) in its {@code tables}
 * folder and the cohort definition in its {@code cohorts} folder. A marker naming {@link
 * #TEMPLATE_VERSION} is written last; a template without it (interrupted, or from an older version)
 * is rebuilt.
 */
public final class DemoWorkspace {
  /** Bump when the template's content changes, so existing templates are rebuilt. */
  public static final String TEMPLATE_VERSION = "demo-template 2";

  /** Written last into a complete template. */
  public static final String TEMPLATE_MARKER = ".statbench-demo-template";

  /** Marks a demo folder: only such a folder (or an empty one) is ever deleted by a reset. */
  public static final String DEMO_MARKER = ".statbench-demo";

  /** The saved tables folder of a workspace, as the table builder reads it. */
  public static final String TABLES_DIR = SampleWorkspace.TABLES_DIR;

  /** Saved cohort definitions of the demo. */
  public static final String COHORTS_DIR = SampleWorkspace.COHORTS_DIR;

  /** The saved demo tables, in the order a demo goes through them (the sample's saved tables). */
  public static final List<SampleWorkspace.SavedTable> TABLES = SampleWorkspace.TABLES;

  /** The cohort definition of the demo (bundled with the sample data). */
  public static final String COHORT_DEFINITION = SampleWorkspace.COHORT_DEFINITION;

  private final Path home;

  /**
   * @param home the StatBench home folder (normally {@code ~/.statbench}); the demo and its
   *     template live in it
   */
  public DemoWorkspace(Path home) {
    this.home = home;
  }

  /** The demo workspace folder. */
  public Path directory() {
    return home.resolve("demo");
  }

  /** The pristine template the demo is copied from. */
  public Path template() {
    return home.resolve("demo-template");
  }

  /** The first demo table's file in the demo workspace. */
  public Path firstTable() {
    return directory().resolve(TABLES_DIR).resolve(TABLES.get(0).fileName());
  }

  /**
   * Puts the demo folder back to the starting state (building the template first when needed) and
   * opens it. Any workspace open on the demo folder must be closed first. Runs on a worker thread;
   * the caller closes the returned workspace.
   *
   * @throws InputException when the demo folder holds something that is not a demo
   */
  public SampleWorkspace.Opened reset(ProgressListener progress, CancellationToken cancel) {
    try {
      ensureTemplate(progress, cancel);
      cancel.throwIfCancelled();
      progress.progress(0, 1, "copying the demo workspace");
      Path dir = directory();
      if (Files.exists(dir)) {
        if (!Files.isRegularFile(dir.resolve(DEMO_MARKER)) && !isEmptyDirectory(dir)) {
          throw new InputException(dir + " is not a StatBench demo folder; move it away first");
        }
        deleteRecursively(dir);
      }
      Path tmp = home.resolve("demo.copying");
      deleteRecursively(tmp);
      copyRecursively(template(), tmp);
      Files.deleteIfExists(tmp.resolve(TEMPLATE_MARKER));
      Files.writeString(tmp.resolve(DEMO_MARKER), "StatBench demo workspace (Help > Reset demo)\n");
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      progress.progress(1, 1, "done");
      Workspace ws = Workspace.open(dir);
      return new SampleWorkspace.Opened(ws, ws.datasets(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the demo workspace in " + directory(), e);
    }
  }

  /** Builds the template unless a complete one of this version exists. */
  public void ensureTemplate(ProgressListener progress, CancellationToken cancel)
      throws IOException {
    Path marker = template().resolve(TEMPLATE_MARKER);
    if (Files.isRegularFile(marker) && Files.readString(marker).trim().equals(TEMPLATE_VERSION)) {
      return;
    }
    Files.createDirectories(home);
    Path building = home.resolve("demo-template.building");
    deleteRecursively(building);
    Files.createDirectories(building);
    try (Workspace ws = Workspace.open(building)) {
      SampleWorkspace.build(ws, progress, cancel);
    }
    Files.writeString(building.resolve(TEMPLATE_MARKER), TEMPLATE_VERSION + "\n");
    deleteRecursively(template());
    Files.move(building, template(), StandardCopyOption.ATOMIC_MOVE);
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static boolean isEmptyDirectory(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
