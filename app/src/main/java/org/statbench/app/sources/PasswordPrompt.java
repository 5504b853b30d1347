package org.statbench.app.sources;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.statbench.app.shell.DialogService;
import org.statbench.store.DatabaseSource;

/**
 * The password prompt for a database source, shown on the FX thread when a background query needs a
 * connection (the query's thread waits for the answer). Returns null when cancelled.
 */
public final class PasswordPrompt {
  private PasswordPrompt() {}

  /** Installs the prompt for the program's {@link SourceSessions}. */
  public static void install(DialogService dialogs) {
    SourceSessions.shared().setPasswordPrompt(s -> ask(dialogs, s));
  }

  static char[] ask(DialogService dialogs, DatabaseSource source) {
    if (Platform.isFxApplicationThread()) {
      return show(dialogs, source);
    }
    CompletableFuture<char[]> answer = new CompletableFuture<>();
    Platform.runLater(() -> answer.complete(show(dialogs, source)));
    return answer.join();
  }

  /** The prompt's heading: who at which database, and that the password is never saved. */
  static String heading(DatabaseSource source) {
    return "Password for "
        + (source.user() == null ? "the database" : source.user())
        + " at "
        + source.url()
        + "\n(kept in memory until StatBench closes, never saved)";
  }

  private static char[] show(DialogService dialogs, DatabaseSource source) {
    Dialog<char[]> d = new Dialog<>();
    d.getDialogPane().setId("sourcePasswordDialog");
    d.setTitle("Database password");
    d.setHeaderText(heading(source));
    PasswordField field = new PasswordField();
    field.setId("sourcePassword");
    d.getDialogPane().setContent(new VBox(field));
    d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    d.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
    Platform.runLater(field::requestFocus);
    return dialogs.showCustomDialogAndWait(d).orElse(null);
  }
}
