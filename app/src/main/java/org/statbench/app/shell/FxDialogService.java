package org.statbench.app.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dialogs as JavaFX alerts and native file choosers, owned by the main window. */
public class FxDialogService implements DialogService {
  private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

  private final Supplier<Window> owner;

  public FxDialogService(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public void showError(String title, String message) {
    LOG.info("{}: {}", title, message);
    Alert alert = alert(Alert.AlertType.ERROR, title, message);
    alert.getDialogPane().setId("errorDialog");
    alert.show();
  }

  @Override
  public void showError(String title, Throwable error) {
    if (!(DialogService.userMessage(error).equals(error.getMessage()))) {
      LOG.error(title, error);
    }
    DialogService.super.showError(title, error);
  }

  @Override
  public void showInformation(String title, String message) {
    Alert alert = alert(Alert.AlertType.INFORMATION, title, message);
    alert.getDialogPane().setId("informationDialog");
    alert.show();
  }

  @Override
  public boolean confirm(String title, String message) {
    Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
    alert.getDialogPane().setId("confirmDialog");
    return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
  }

  @Override
  public Optional<char[]> askPassphrase(String title, String message) {
    javafx.scene.control.Dialog<char[]> d = new javafx.scene.control.Dialog<>();
    Window w = owner.get();
    if (w != null) {
      d.initOwner(w);
    }
    d.setTitle(title);
    d.setHeaderText(message);
    javafx.scene.control.PasswordField field = new javafx.scene.control.PasswordField();
    field.setId("passphraseField");
    d.getDialogPane().setContent(field);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    d.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
    javafx.application.Platform.runLater(field::requestFocus);
    return d.showAndWait().filter(p -> p.length > 0);
  }

  @Override
  public RefusalChoice askAboutRefusal(Refusal refusal) {
    return RefusalDialog.create(owner.get(), refusal).showAndWait().orElse(RefusalChoice.CANCEL);
  }

  @Override
  public UnsavedChoice askUnsaved(String title, String message) {
    ButtonType save = new ButtonType("Save…", ButtonBar.ButtonData.YES);
    ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
    alert.getDialogPane().setId("unsavedDialog");
    alert.getButtonTypes().setAll(save, discard, ButtonType.CANCEL);
    alert.getDialogPane().lookupButton(save).setId("unsaved-save");
    alert.getDialogPane().lookupButton(discard).setId("unsaved-discard");
    alert.getDialogPane().lookupButton(ButtonType.CANCEL).setId("unsaved-cancel");
    ButtonType b = alert.showAndWait().orElse(ButtonType.CANCEL);
    return b == save
        ? UnsavedChoice.SAVE
        : b == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
  }

  @Override
  public <R> Optional<R> showCustomDialogAndWait(javafx.scene.control.Dialog<R> dialog) {
    own(dialog, owner.get());
    return dialog.showAndWait();
  }

  /** Makes {@code window} (when there is one) own the dialog, which takes its style sheets. */
  static void own(javafx.scene.control.Dialog<?> dialog, Window window) {
    if (window != null) {
      dialog.initOwner(window);
      if (window.getScene() != null) {
        dialog.getDialogPane().getStylesheets().addAll(window.getScene().getStylesheets());
      }
    }
  }

  private Alert alert(Alert.AlertType type, String title, String message) {
    Alert alert = new Alert(type);
    Window w = owner.get();
    if (w != null) {
      alert.initOwner(w);
    }
    alert.initModality(Modality.WINDOW_MODAL);
    alert.setTitle(title);
    alert.setHeaderText(title);
    Label text = new Label(message);
    text.setId("dialogMessage");
    text.setWrapText(true);
    text.setMaxWidth(560);
    alert.getDialogPane().setContent(text);
    alert.setResizable(true);
    return alert;
  }

  @Override
  public Optional<Path> chooseFileToOpen(
      String title, Path initialDirectory, List<FileFilter> filters) {
    FileChooser chooser = fileChooser(title, initialDirectory, filters);
    File f = chooser.showOpenDialog(owner.get());
    return Optional.ofNullable(f).map(File::toPath);
  }

  @Override
  public Optional<Path> chooseFileToSave(
      String title, Path initialDirectory, String initialName, List<FileFilter> filters) {
    FileChooser chooser = fileChooser(title, initialDirectory, filters);
    if (initialName != null) {
      chooser.setInitialFileName(initialName);
    }
    File f = chooser.showSaveDialog(owner.get());
    return Optional.ofNullable(f).map(File::toPath);
  }

  @Override
  public Optional<Path> chooseDirectory(String title, Path initialDirectory) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(title);
    if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
      chooser.setInitialDirectory(initialDirectory.toFile());
    }
    File f = chooser.showDialog(owner.get());
    return Optional.ofNullable(f).map(File::toPath);
  }

  private static FileChooser fileChooser(
      String title, Path initialDirectory, List<FileFilter> filters) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
      chooser.setInitialDirectory(initialDirectory.toFile());
    }
    for (FileFilter f : filters) {
      chooser
          .getExtensionFilters()
          .add(new FileChooser.ExtensionFilter(f.description(), f.patterns()));
    }
    return chooser;
  }
}
