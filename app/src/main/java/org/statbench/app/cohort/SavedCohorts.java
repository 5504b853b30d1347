package org.statbench.app.cohort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.workspace.SampleWorkspace;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.cohort.CohortSpec;
import org.statbench.cohort.CohortSpecJson;
import org.statbench.store.Workspace;

/**
 * Cohort definitions saved in the workspace, kept like saved tables: JSON files in the workspace's
 * {@value SampleWorkspace#COHORTS_DIR} folder (the sample workspace ships one there), listed by
 * name, plus the recently opened or saved definitions remembered in the preferences. Use from the
 * FX thread.
 */
public final class SavedCohorts {
  /** Sub-folder of a workspace holding saved cohort definitions. */
  public static final String COHORTS_DIR = SampleWorkspace.COHORTS_DIR;

  /** File name ending of a saved cohort definition (any {@code .json} is listed). */
  public static final String SUFFIX = ".cohort.json";

  private final WorkspaceModel workspace;
  private final ObservableList<Path> saved = FXCollections.observableArrayList();
  private final ObservableList<Path> recent = FXCollections.observableArrayList();

  public SavedCohorts(WorkspaceModel workspace) {
    this.workspace = workspace;
    workspace.workspaceProperty().addListener((o, a, b) -> refresh());
    recent.setAll(workspace.preferences().recentCohorts());
    refresh();
  }

  // Properties

  /** Definitions saved in the workspace's cohorts folder, by file name. */
  public ObservableList<Path> saved() {
    return saved;
  }

  /** Recently opened or saved definitions, newest first. */
  public ObservableList<Path> recent() {
    return recent;
  }

  /** The open workspace's cohorts folder, or null without a workspace. */
  public Path directory() {
    Workspace ws = workspace.workspace();
    return ws == null ? null : ws.directory().resolve(COHORTS_DIR);
  }

  // Commands

  /** Re-reads the workspace's cohorts folder. */
  public void refresh() {
    Path dir = directory();
    if (dir == null || !Files.isDirectory(dir)) {
      saved.clear();
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      saved.setAll(
          s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts a definition file first in the recent list (a failure to remember is not an error). */
  public void remember(Path file) {
    try {
      recent.setAll(workspace.preferences().rememberCohort(file));
    } catch (UncheckedIOException e) {
      // Not remembering a recent file is no reason to fail the save or open.
    }
  }

  /** The file name a definition is saved under by default: its title, or entry and event. */
  public static String suggestedName(CohortSpec spec) {
    String base =
        spec.title() != null && !spec.title().isBlank()
            ? spec.title()
            : spec.event() + "-by-" + spec.entry() + "-cohort";
    String safe =
        base.trim()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_.-]+", "-")
            .replaceAll("^-+|-+$", "");
    return (safe.isEmpty() ? "cohort" : safe) + SUFFIX;
  }

  /**
   * What a menu shows for a saved definition: its title when it has one, else the file name without
   * {@code .cohort.json}.
   */
  public static String displayName(Path file) {
    try {
      CohortSpec s = CohortSpecJson.load(file);
      if (s.title() != null && !s.title().isBlank()) {
        return s.title();
      }
    } catch (RuntimeException e) {
      // An unreadable file is listed by name; opening it reports the problem.
    }
    return fileLabel(file);
  }

  /** The file name without {@code .cohort.json} or {@code .json}. */
  public static String fileLabel(Path file) {
    String n = file.getFileName().toString();
    if (n.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
      return n.substring(0, n.length() - SUFFIX.length());
    }
    return n.replaceFirst("(?i)\\.json$", "");
  }

  /** The labels of a list of files, for menus; the same order. */
  static List<String> displayNames(List<Path> files) {
    return files.stream().map(SavedCohorts::displayName).toList();
  }
}
