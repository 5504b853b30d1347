package org.statbench.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the application remembers between runs, in a small properties file in the StatBench home
 * folder ({@code ~/.statbench}, or the {@code statbench.home} system property): the last workspace
 * and the recently opened table and cohort definitions. A plain file rather than java.util.prefs so
 * that it works without a writable registry on locked-down workstations and is easy to reset.
 */
public final class WorkspacePreferences {
  private static final String LAST_WORKSPACE = "lastWorkspace";
  private static final String RECENT_TABLE = "recentTable.";
  private static final String RECENT_COHORT = "recentCohort.";
  private static final int MAX_RECENT = 8;

  private final Path home;

  public WorkspacePreferences(Path home) {
    this.home = home;
  }

  /** The user's StatBench home: {@code statbench.home} or {@code ~/.statbench}. */
  public static WorkspacePreferences userDefault() {
    return new WorkspacePreferences(org.statbench.export.StatBenchHome.directory());
  }

  /** The StatBench home folder (may not exist yet). */
  public Path home() {
    return home;
  }

  /** Where the sample workspace goes by default. */
  public Path sampleWorkspaceDirectory() {
    return home.resolve("sample");
  }

  /** The last workspace opened, if it still exists. */
  public Optional<Path> lastWorkspace() {
    String v = load().getProperty(LAST_WORKSPACE);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    Path p = Path.of(v);
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }

  public void rememberWorkspace(Path dir) {
    Properties p = load();
    p.setProperty(LAST_WORKSPACE, dir.toAbsolutePath().toString());
    save(p);
  }

  /** Another remembered setting (e.g. {@code view.theme}), if set. */
  public Optional<String> value(String key) {
    return Optional.ofNullable(load().getProperty(key));
  }

  /** Remembers a setting under {@code key}. */
  public void remember(String key, String value) {
    Properties p = load();
    p.setProperty(key, value);
    save(p);
  }

  /** The kind of saved definition of the table builder (see {@link #recentFiles}). */
  public static final String TABLE = "Table";

  /** The kind of saved definition of the Cohorts tab (see {@link #recentFiles}). */
  public static final String COHORT = "Cohort";

  /**
   * Recently opened or saved definitions of a kind ({@link #TABLE}, {@link #COHORT}, or a later
   * feature's own word), newest first, only those that still exist.
   */
  public List<Path> recentFiles(String kind) {
    return recent("recent" + kind + ".");
  }

  /** Puts a definition of a kind first in its recent list; returns the list. */
  public List<Path> rememberFile(String kind, Path file) {
    return remember("recent" + kind + ".", file);
  }

  /** Recently opened or saved table definitions, newest first, only those that still exist. */
  public List<Path> recentTables() {
    return recent(RECENT_TABLE);
  }

  /** Puts a table definition first in the recent list. */
  public List<Path> rememberTable(Path file) {
    return remember(RECENT_TABLE, file);
  }

  /** Recently opened or saved cohort definitions, newest first, only those that still exist. */
  public List<Path> recentCohorts() {
    return recent(RECENT_COHORT);
  }

  /** Puts a cohort definition first in the recent list. */
  public List<Path> rememberCohort(Path file) {
    return remember(RECENT_COHORT, file);
  }

  private List<Path> recent(String prefix) {
    Properties p = load();
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < MAX_RECENT; i++) {
      String v = p.getProperty(prefix + i);
      if (v != null && Files.isRegularFile(Path.of(v))) {
        out.add(Path.of(v));
      }
    }
    return out;
  }

  private List<Path> remember(String prefix, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    List<Path> list = new ArrayList<>(recent(prefix));
    list.remove(abs);
    list.add(0, abs);
    Properties p = load();
    for (int i = 0; i < MAX_RECENT; i++) {
      if (i < list.size()) {
        p.setProperty(prefix + i, list.get(i).toString());
      } else {
        p.remove(prefix + i);
      }
    }
    save(p);
    return List.copyOf(list.subList(0, Math.min(MAX_RECENT, list.size())));
  }

  private Path file() {
    return home.resolve("statbench.properties");
  }

  private Properties load() {
    Properties p = new Properties();
    if (Files.isRegularFile(file())) {
      try (InputStream in = Files.newInputStream(file())) {
        p.load(in);
      } catch (IOException e) {
        // An unreadable preferences file is as good as none: start afresh.
        return new Properties();
      }
    }
    return p;
  }

  private void save(Properties p) {
    try {
      Files.createDirectories(home);
      Path tmp = Files.createTempFile(home, "statbench", ".properties");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        p.store(out, "StatBench preferences");
      }
      Files.move(
          tmp,
          file(),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save preferences in " + home, e);
    }
  }
}
