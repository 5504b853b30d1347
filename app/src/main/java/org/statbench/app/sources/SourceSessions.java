package org.statbench.app.sources;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.store.DatabaseSource;
import org.statbench.store.Workspace;
import org.statbench.tabulate.Tabulator;
import org.statbench.tabulate.sql.DatabaseSources;
import org.statbench.tabulate.sql.SourceConnection;

/**
 * The program's open connections to database sources, so that every feature that reads records
 * (tables, cohorts) computes a source's figures on its server: {@link #tabulate} and {@link
 * #columns} use the workspace for imported datasets and the source's connection otherwise. A
 * connection is opened on first use, without a password first and then with the one the user types
 * in the password prompt (kept in memory for this run only, never stored). Queries run on the
 * caller's (background) thread with its cancellation token, which cancels the statement on the
 * server. Thread-safe; one shared instance per program.
 */
public final class SourceSessions {
  private static final SourceSessions SHARED = new SourceSessions();

  private final Map<String, SourceConnection> open = new ConcurrentHashMap<>();
  private final Map<String, char[]> passwords = new ConcurrentHashMap<>();
  private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
  private volatile Function<DatabaseSource, char[]> prompt = s -> null;
  private volatile Path driversDir =
      DatabaseSources.driversFolder(WorkspacePreferences.userDefault().home());

  /** The program's sessions. */
  public static SourceSessions shared() {
    return SHARED;
  }

  /** For the status bar: the last source used and whether it is connected, or empty. */
  public ReadOnlyStringProperty stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** How a password is asked (the view installs a dialog); returns null when the user cancels. */
  public void setPasswordPrompt(Function<DatabaseSource, char[]> prompt) {
    this.prompt = prompt;
  }

  /** The folder of extra JDBC drivers. */
  public Path driversFolder() {
    return driversDir;
  }

  /** Uses another home's drivers folder. */
  public void setHome(Path home) {
    driversDir = DatabaseSources.driversFolder(home);
  }

  /** Keeps a password typed when the source was added, for this run of the program. */
  public void remember(Workspace ws, DatabaseSource source, char[] password) {
    if (password != null && password.length > 0) {
      passwords.put(key(ws, source), password.clone());
    }
  }

  /** A table from the workspace, or from the source's server when the dataset is a source. */
  public Table tabulate(Tabulator engine, TableSpec spec, Workspace ws, CancellationToken cancel) {
    DatabaseSource source = ws.source(spec.dataset());
    if (source == null) {
      return engine.tabulate(spec, ws, cancel);
    }
    return onServer(ws, source, c -> c.tabulate(spec, cancel));
  }

  /** Records for cohorts: from the workspace, or grouped by the source's server. */
  public DatasetColumns columns(
      Workspace ws, String dataset, List<String> variables, CancellationToken cancel) {
    DatabaseSource source = ws.source(dataset);
    if (source == null) {
      return ws.columns(dataset, variables);
    }
    return onServer(ws, source, c -> c.groupedRecords(variables, cancel));
  }

  /** Runs one query on the source's connection (one at a time), showing "querying…" meanwhile. */
  private <T> T onServer(Workspace ws, DatabaseSource source, Function<SourceConnection, T> query) {
    SourceConnection c = connection(ws, source);
    synchronized (c) {
      show(source, "querying…");
      try {
        return query.apply(c);
      } finally {
        show(source, "connected");
      }
    }
  }

  /** Closes every connection (when the workspace closes). */
  public void closeAll() {
    open.values().forEach(SourceConnection::close);
    open.clear();
    setState("");
  }

  private SourceConnection connection(Workspace ws, DatabaseSource source) {
    String key = key(ws, source);
    SourceConnection c = open.get(key);
    if (c != null && c.source().equals(source)) {
      return c;
    }
    show(source, "connecting…");
    char[] pw = passwords.get(key);
    try {
      c = DatabaseSources.connect(source, pw, driversDir, DatabaseSources.DEFAULT_TIMEOUT_SECONDS);
    } catch (InputException first) {
      char[] typed = pw == null ? prompt.apply(source) : null;
      if (typed == null) {
        show(source, "not connected");
        throw first;
      }
      try {
        c =
            DatabaseSources.connect(
                source, typed, driversDir, DatabaseSources.DEFAULT_TIMEOUT_SECONDS);
      } catch (RuntimeException e) {
        show(source, "not connected");
        throw e;
      }
      passwords.put(key, typed);
    }
    SourceConnection old = open.put(key, c);
    if (old != null) {
      old.close();
    }
    show(source, "connected");
    return c;
  }

  private static String key(Workspace ws, DatabaseSource source) {
    return ws.directory() + "\u0000" + source.name();
  }

  private void show(DatabaseSource s, String what) {
    setState(
        "Database source "
            + s.name()
            + " ("
            + org.statbench.tabulate.sql.Dialect.forUrl(s.url()).name()
            + "): "
            + what);
  }

  private void setState(String text) {
    try {
      if (Platform.isFxApplicationThread()) {
        state.set(text);
      } else {
        Platform.runLater(() -> state.set(text));
      }
    } catch (IllegalStateException noToolkit) {
      state.set(text); // tests without JavaFX
    }
  }
}
