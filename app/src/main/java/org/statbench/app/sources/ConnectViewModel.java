package org.statbench.app.sources;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.DialogService;
import org.statbench.core.data.DatasetInfo;
import org.statbench.store.DatabaseSource;
import org.statbench.store.Workspace;
import org.statbench.tabulate.sql.DatabaseSources;
import org.statbench.tabulate.sql.Dialect;

/**
 * Datasets > Connect to database…: the engine (which fills in a URL template), URL, user and
 * password, Test connection (which fills the table picker), a table or a SELECT, and the dataset
 * name; Add reads the source's variables and puts it in the workspace. Server work runs through the
 * context's task runner (progress and Cancel); the password lives only in memory.
 */
public final class ConnectViewModel {
  private final AppContext context;

  // Properties
  private final ObjectProperty<Dialect> engine = new SimpleObjectProperty<>();
  private final StringProperty url = new SimpleStringProperty("");
  private final StringProperty user = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final StringProperty table = new SimpleStringProperty("");
  private final BooleanProperty useQuery = new SimpleBooleanProperty(false);
  private final StringProperty query = new SimpleStringProperty("");
  private final StringProperty name = new SimpleStringProperty("");
  private final ObservableList<String> tables = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper added = new ReadOnlyBooleanWrapper(false);

  public ConnectViewModel(AppContext context) {
    this.context = context;
    engine.addListener((o, a, b) -> url.set(b == null ? "" : b.urlTemplate()));
    table.addListener(
        (o, a, b) -> {
          if (b != null && !b.isBlank() && (name.get().isBlank() || name.get().equals(last(a)))) {
            name.set(last(b));
          }
        });
  }

  private static String last(String dotted) {
    if (dotted == null) {
      return "";
    }
    int i = dotted.lastIndexOf('.');
    return i < 0 ? dotted : dotted.substring(i + 1);
  }

  public List<Dialect> engines() {
    return Dialect.known();
  }

  public ObjectProperty<Dialect> engineProperty() {
    return engine;
  }

  public StringProperty urlProperty() {
    return url;
  }

  public StringProperty userProperty() {
    return user;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public StringProperty tableProperty() {
    return table;
  }

  public BooleanProperty useQueryProperty() {
    return useQuery;
  }

  public StringProperty queryProperty() {
    return query;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public ObservableList<String> tables() {
    return tables;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** True once the source is in the workspace (the view then closes). */
  public ReadOnlyBooleanProperty addedProperty() {
    return added.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return context.tasks().busyProperty();
  }

  // Commands

  /** Connects, lists the tables and views, disconnects. */
  public void testConnection() {
    String u = url.get().trim();
    String usr = blankToNull(user.get());
    char[] pw = password.get().toCharArray();
    status.set("Connecting…");
    context
        .tasks()
        .run(
            BackgroundTask.of(
                    "Connecting to " + u,
                    (p, cancel) ->
                        DatabaseSources.tables(u, usr, pw, SourceSessions.shared().driversFolder()))
                .onSuccess(
                    list -> {
                      tables.setAll(list);
                      status.set(
                          "Connected. Tables and views: "
                              + list.size()
                              + ". Choose one, or write a SELECT.");
                    })
                .onFailure(e -> status.set(DialogService.userMessage(e)))
                .onCancelled(() -> status.set("Cancelled")));
  }

  /** Reads the source's variables and adds it to the workspace. */
  public void add() {
    Workspace ws = context.workspace().workspace();
    if (ws == null) {
      status.set("Open a workspace first (File > Open).");
      return;
    }
    DatabaseSource source;
    try {
      source =
          new DatabaseSource(
              name.get().trim(),
              url.get().trim(),
              useQuery.get() ? null : table.get(),
              useQuery.get() ? query.get() : null,
              blankToNull(user.get()));
    } catch (RuntimeException e) {
      status.set(DialogService.userMessage(e));
      return;
    }
    char[] pw = password.get().toCharArray();
    status.set("Reading the variables of " + source.relation() + "…");
    context
        .tasks()
        .run(
            BackgroundTask.<DatasetInfo>of(
                    "Reading " + source.relation(),
                    (p, cancel) ->
                        DatabaseSources.add(
                            ws, source, pw, SourceSessions.shared().driversFolder(), cancel))
                .onSuccess(
                    info -> {
                      SourceSessions.shared().remember(ws, source, pw);
                      context.workspace().refresh(info.name());
                      status.set(
                          "Added "
                              + info.name()
                              + ": "
                              + info.rows()
                              + " records, "
                              + info.variables().size()
                              + " variables");
                      added.set(true);
                    })
                .onFailure(e -> status.set(DialogService.userMessage(e)))
                .onCancelled(() -> status.set("Cancelled")));
  }

  /** Cancels the running server query. */
  public void cancel() {
    context.tasks().cancelCurrent();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
