package org.statbench.app.recordrelease;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.DialogService;
import org.statbench.app.theme.BesideOrBelow;
import org.statbench.export.RecordRequest;
import org.statbench.store.Workspace;

/**
 * "Request release…" and "Release…" for record-level outputs (the Linkage tab's links and
 * verification files): a request says what, how many rows, to whom and why, and goes to the
 * clearance queue; a release copies a working file under an approved clearance. Thin: the work is
 * {@link RecordReleaseModel}'s.
 */
public final class RecordReleaseControls {
  private RecordReleaseControls() {}

  /** {@code content} with the two buttons in a bar below it. */
  public static Node below(Node content, AppContext context) {
    BorderPane pane = new BorderPane(content);
    pane.setBottom(bar(context));
    return pane;
  }

  /** The two buttons with their note, for a feature to place (e.g. beside its own outputs). */
  public static Node bar(AppContext context) {
    Button request = new Button("Request release…");
    request.setId("recordRequestRelease");
    request.setOnAction(e -> request(context));
    Button release = new Button("Release…");
    release.setId("recordRelease");
    release.setOnAction(e -> release(context));
    Label note =
        new Label(
            "Record-level files (links, verification) leave only under an approved record-level"
                + " clearance.");
    request.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    release.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    note.setId("recordReleaseNote");
    note.setWrapText(true); // a narrow window wraps the note rather than cutting it
    HBox buttons = new HBox(8, request, release);
    buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    // the note beside the buttons, or below them at the full width when it would not fit on one
    // line (squeezed beside them it wrapped to a column of single words at 1024x700)
    BesideOrBelow bar = new BesideOrBelow(buttons, note, 8);
    bar.setPadding(new Insets(4, 8, 4, 8));
    return bar;
  }

  private static void request(AppContext context) {
    Workspace ws = context.workspace().workspace();
    DialogService dialogs = context.dialogs();
    if (ws == null) {
      dialogs.showError("Request release", "Open a workspace first");
      return;
    }
    Dialog<List<String>> d = new Dialog<>();
    d.getDialogPane().setId("recordRequestDialog");
    d.setTitle("Request release of record-level data");
    d.setHeaderText("A statistician approves it like a table clearance");
    TextField what = field("recordWhat", "e.g. links customers x recipients (links.csv)");
    TextField rows = field("recordRows", "most records the release may hold");
    TextField to = field("recordTo", "who receives it");
    TextField why = field("recordWhy", "why it is needed");
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.addRow(0, new Label("What"), what);
    g.addRow(1, new Label("Rows (at most)"), rows);
    g.addRow(2, new Label("To whom"), to);
    g.addRow(3, new Label("Why"), why);
    d.getDialogPane().setContent(g);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    d.setResultConverter(
        b ->
            b == ButtonType.OK
                ? List.of(what.getText(), rows.getText(), to.getText(), why.getText())
                : null);
    Optional<List<String>> v = dialogs.showCustomDialogAndWait(d);
    if (v.isEmpty() || v.get() == null) {
      return;
    }
    try {
      RecordRequest r =
          RecordReleaseModel.request(
              ws, v.get().get(0), v.get().get(1), v.get().get(2), v.get().get(3));
      dialogs.showInformation(
          "Release requested",
          r.id() + " is in the clearance queue: a statistician approves or rejects it there.");
    } catch (RuntimeException e) {
      dialogs.showError("Cannot request the release", e);
    }
  }

  private static void release(AppContext context) {
    Workspace ws = context.workspace().workspace();
    DialogService dialogs = context.dialogs();
    if (ws == null) {
      dialogs.showError("Release", "Open a workspace first");
      return;
    }
    TextInputDialog id = new TextInputDialog("RL-");
    id.setTitle("Release record-level data");
    id.setHeaderText("The approved record-level clearance (RL-NNNN)");
    id.getDialogPane().setId("recordReleaseIdDialog");
    Optional<String> rl = dialogs.showCustomDialogAndWait(id);
    if (rl.isEmpty()) {
      return;
    }
    Optional<Path> in =
        dialogs.chooseFileToOpen(
            "File to release (links or verification)", null, List.of(DialogService.FileFilter.CSV));
    if (in.isEmpty()) {
      return;
    }
    Optional<Path> out =
        dialogs.chooseFileToSave(
            "Released copy",
            null,
            "released-" + in.get().getFileName(),
            List.of(DialogService.FileFilter.CSV));
    if (out.isEmpty()) {
      return;
    }
    // the copy may be millions of rows: the task runner does it, off the FX thread
    RecordReleaseModel.releaseInBackground(
        context.tasks(), dialogs, ws, rl.get(), in.get(), out.get());
  }

  private static TextField field(String id, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.setPrefColumnCount(32);
    return f;
  }
}
