package org.statbench.app.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.store.Workspace;

/**
 * Saved definitions of one kind (tables, cohorts, and every later feature's): JSON files in a
 * sub-folder of the open workspace, listed by file name and re-listed when the workspace changes,
 * plus the recently opened or saved ones remembered in the user's preferences. The feature keeps
 * its own format (reading and writing the JSON); this is where the files live. No nodes; use from
 * the FX thread.
 */
public final class SavedDefinitions {
  private final WorkspaceModel workspace;
  private final String folder;
  private final String kind;
  private final ObservableList<Path> saved = FXCollections.observableArrayList();
  private final ObservableList<Path> recent = FXCollections.observableArrayList();

  /**
   * @param folder the workspace's sub-folder, e.g. {@code tables}
   * @param kind the preferences' name for the recent list, e.g. {@code Table} (see {@link
   *     WorkspacePreferences#recentFiles})
   */
  public SavedDefinitions(WorkspaceModel workspace, String folder, String kind) {
    this.workspace = workspace;
    this.folder = folder;
    this.kind = kind;
    workspace.workspaceProperty().addListener((o, a, b) -> refresh());
    recent.setAll(workspace.preferences().recentFiles(kind));
    refresh();
  }

  /** Saved table definitions ({@value SampleWorkspace#TABLES_DIR}). */
  public static SavedDefinitions tables(WorkspaceModel workspace) {
    return new SavedDefinitions(workspace, SampleWorkspace.TABLES_DIR, WorkspacePreferences.TABLE);
  }

  /** Saved cohort definitions ({@value SampleWorkspace#COHORTS_DIR}). */
  public static SavedDefinitions cohorts(WorkspaceModel workspace) {
    return new SavedDefinitions(
        workspace, SampleWorkspace.COHORTS_DIR, WorkspacePreferences.COHORT);
  }

  // Properties

  /** Definitions saved in the workspace's folder, by file name. */
  public ObservableList<Path> saved() {
    return saved;
  }

  /** Recently opened or saved definitions, newest first. */
  public ObservableList<Path> recent() {
    return recent;
  }

  /** The open workspace's folder of these definitions, or null without a workspace. */
  public Path directory() {
    Workspace ws = workspace.workspace();
    return ws == null ? null : ws.directory().resolve(folder);
  }

  /**
   * The folder to start a save dialog in: {@link #directory()}, created when missing (null without
   * a workspace; when it cannot be created the dialog simply starts there or elsewhere).
   */
  public Path saveDirectory() {
    Path dir = directory();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      // The chooser then starts elsewhere.
    }
    return dir;
  }

  // Commands

  /** Re-reads the workspace's folder. */
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

  /**
   * Notes a file just saved or opened: first in the recent list (a failure to remember is not an
   * error) and, when it is in the workspace's folder, listed.
   */
  public void remember(Path file) {
    try {
      recent.setAll(workspace.preferences().rememberFile(kind, file));
    } catch (UncheckedIOException e) {
      // Not remembering a recent file is no reason to fail the save or open.
    }
  }

  /**
   * Creates the parent folder of {@code target} if needed (before the feature writes it).
   *
   * @throws IOException when it cannot be created
   */
  public static void createParent(Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
