package org.statbench.app.cohort;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.collections.ObservableList;
import org.statbench.app.workspace.SampleWorkspace;
import org.statbench.app.workspace.SavedDefinitions;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.cohort.CohortSpec;
import org.statbench.cohort.CohortSpecJson;

/**
 * Cohort definitions saved in the workspace, kept like saved tables (one {@link SavedDefinitions}
 * store): JSON files in the workspace's {@value SampleWorkspace#COHORTS_DIR} folder (the sample
 * workspace ships one there), listed by name, plus the recently opened or saved definitions
 * remembered in the preferences; and how a cohort definition is named and listed. Use from the FX
 * thread.
 */
public final class SavedCohorts {
  /** Sub-folder of a workspace holding saved cohort definitions. */
  public static final String COHORTS_DIR = SampleWorkspace.COHORTS_DIR;

  /** File name ending of a saved cohort definition (any {@code .json} is listed). */
  public static final String SUFFIX = ".cohort.json";

  private final SavedDefinitions files;
  private final WorkspaceModel workspace;

  public SavedCohorts(WorkspaceModel workspace) {
    this.files = SavedDefinitions.cohorts(workspace);
    this.workspace = workspace;
  }

  /**
   * What a menu shows for a saved definition, reading one sealed in the open encrypted workspace
   * through its key (so it is listed by its title, not its file name).
   */
  public String label(Path file) {
    try {
      CohortSpec s =
          CohortSpecJson.fromJson(
              org.statbench.app.security.WorkspaceDocuments.read(workspace.workspace(), file),
              file.toString());
      if (s.title() != null && !s.title().isBlank()) {
        return s.title();
      }
    } catch (java.io.IOException | RuntimeException e) {
      // An unreadable file is listed by name; opening it reports the problem.
    }
    return fileLabel(file);
  }

  // Properties

  /** Definitions saved in the workspace's cohorts folder, by file name. */
  public ObservableList<Path> saved() {
    return files.saved();
  }

  /** Recently opened or saved definitions, newest first. */
  public ObservableList<Path> recent() {
    return files.recent();
  }

  /** The open workspace's cohorts folder, or null without a workspace. */
  public Path directory() {
    return files.directory();
  }

  /** The cohorts folder to start a save dialog in (created when missing), or null. */
  public Path saveDirectory() {
    return files.saveDirectory();
  }

  // Commands

  /** Re-reads the workspace's cohorts folder. */
  public void refresh() {
    files.refresh();
  }

  /** Puts a definition file first in the recent list (a failure to remember is not an error). */
  public void remember(Path file) {
    files.remember(file);
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
