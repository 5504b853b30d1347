package org.statbench.app.sources;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.statbench.store.DatabaseSource;

/**
 * The password prompt for a database source, shown on the FX thread when a background query needs a
 * connection (the query's thread waits for the answer). Returns null when cancelled.
 */
public final class PasswordPrompt {
  private PasswordPrompt() {}

  /** Installs the prompt for the program's {@link SourceSessions}. */
  public static void install(Window owner) {
    SourceSessions.shared().setPasswordPrompt(s -> ask(owner, s));
  }

  static char[] ask(Window owner, DatabaseSource source) {
    if (Platform.isFxApplicationThread()) {
      return show(owner, source);
    }
    CompletableFuture<char[]> answer = new CompletableFuture<>();
    Platform.runLater(() -> answer.complete(show(owner, source)));
    return answer.join();
  }

  private static char[] show(Window owner, DatabaseSource source) {
    Dialog<char[]> d = new Dialog<>();
    if (owner != null) {
      d.initOwner(owner);
    }
    d.setTitle("Database password");
    d.setHeaderText(
        "Password for "
            + (source.user() == null ? "the database" : source.user())
            + " at "
            + source.url()
            + "\n(kept in memory until StatBench closes, never saved)");
    PasswordField field = new PasswordField();
    field.setId("sourcePassword");
    d.getDialogPane().setContent(new VBox(field));
    d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    d.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
    Platform.runLater(field::requestFocus);
    return d.showAndWait().orElse(null);
  }
}
