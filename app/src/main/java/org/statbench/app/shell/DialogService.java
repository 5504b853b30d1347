package org.statbench.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.statbench.core.StatBenchException;

/**
 * Every dialog the application shows: errors, confirmations and file choosers. View models call it
 * instead of building dialogs, so tests can replace it ({@link FxDialogService} in the
 * application). Call from the FX thread.
 */
public interface DialogService {
  /** Shows an error; does not wait for the user. */
  void showError(String title, String message);

  /**
   * Shows an error for an exception: a {@link StatBenchException}'s message is meant for the user
   * and is shown as it is; anything else is a bug and is shown with its type.
   */
  default void showError(String title, Throwable error) {
    showError(title, userMessage(error));
  }

  /** Shows a message; does not wait for the user. */
  void showInformation(String title, String message);

  /** Asks a yes/no question and waits for the answer. */
  boolean confirm(String title, String message);

  /**
   * Asks for a passphrase (typed masked); empty when cancelled. The caller clears the array after
   * use.
   */
  default Optional<char[]> askPassphrase(String title, String message) {
    return Optional.empty();
  }

  /** The answers to a refused export (see {@link #askAboutRefusal}). */
  enum RefusalChoice {
    PROTECT,
    REQUEST_CLEARANCE,
    CANCEL
  }

  /**
   * A refused export, as the refusal dialog explains it.
   *
   * @param summary one or two sentences: how many cells fail which rules, and why it was refused
   * @param cells the first failing cells, one line each
   * @param canProtect whether Protect applies (the table fails and is not protected yet)
   * @param canRequest whether a clearance request can be made
   */
  record Refusal(String summary, List<String> cells, boolean canProtect, boolean canRequest) {
    public Refusal {
      cells = List.copyOf(cells);
    }
  }

  /**
   * Explains a refused export and asks what to do: Protect…, Request clearance… or Cancel. Nothing
   * happens without an explicit choice. The default asks a yes/no question about clearance.
   */
  default RefusalChoice askAboutRefusal(Refusal refusal) {
    if (refusal.canRequest()
        && confirm(
            "Refused by the disclosure check", refusal.summary() + "\n\nRequest clearance now?")) {
      return RefusalChoice.REQUEST_CLEARANCE;
    }
    return RefusalChoice.CANCEL;
  }

  /** The answers to unsaved changes (see {@link #askUnsaved}). */
  enum UnsavedChoice {
    SAVE,
    DISCARD,
    CANCEL
  }

  /**
   * Asks what to do with unsaved changes before an action would lose them: Save, Discard or Cancel.
   * The default asks a yes/no question (yes discards).
   */
  default UnsavedChoice askUnsaved(String title, String message) {
    return confirm(title, message + "\n\nDiscard the changes?")
        ? UnsavedChoice.DISCARD
        : UnsavedChoice.CANCEL;
  }

  /**
   * Shows a dialog a view laid out (fields, buttons, checks on OK) and waits for its result; empty
   * when cancelled or closed. The service owns the window, style sheets and modality, so every
   * dialog looks and behaves alike. This default makes the focused window its owner.
   */
  default <R> Optional<R> showCustomDialogAndWait(javafx.scene.control.Dialog<R> dialog) {
    javafx.stage.Window.getWindows().stream()
        .filter(javafx.stage.Window::isFocused)
        .findFirst()
        .ifPresent(w -> FxDialogService.own(dialog, w));
    return dialog.showAndWait();
  }

  /** Lets the user pick an existing file, or empty when cancelled. */
  Optional<Path> chooseFileToOpen(String title, Path initialDirectory, List<FileFilter> filters);

  /** Lets the user pick a file to write, or empty when cancelled. */
  Optional<Path> chooseFileToSave(
      String title, Path initialDirectory, String initialName, List<FileFilter> filters);

  /** Lets the user pick a folder, or empty when cancelled. */
  Optional<Path> chooseDirectory(String title, Path initialDirectory);

  /**
   * A file-type filter.
   *
   * @param description e.g. {@code CSV files}
   * @param patterns e.g. {@code *.csv}
   */
  record FileFilter(String description, List<String> patterns) {
    public static final FileFilter CSV = new FileFilter("CSV files", List.of("*.csv", "*.txt"));
    public static final FileFilter JSON = new FileFilter("Table definitions", List.of("*.json"));
    public static final FileFilter ALL = new FileFilter("All files", List.of("*.*"));
  }

  /** The text to show the user for an error. */
  static String userMessage(Throwable error) {
    org.statbench.core.ResourceException resource =
        org.statbench.core.ResourceException.classify(error, "working", null);
    if (resource != null) {
      return resource.getMessage();
    }
    Throwable e = error;
    while (!(e instanceof StatBenchException) && e.getCause() != null && e.getCause() != e) {
      e = e.getCause();
    }
    if (e instanceof StatBenchException) {
      return e.getMessage();
    }
    String m = error.getMessage();
    return error.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
