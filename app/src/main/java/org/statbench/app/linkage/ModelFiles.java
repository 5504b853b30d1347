package org.statbench.app.linkage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.DialogService.FileFilter;
import org.statbench.core.StatBenchException;
import org.statbench.link.LinkModel;

/**
 * Load model… and Save model… of the Linkage tab: the versioned model JSON the command line reads
 * with {@code --model} and writes with {@code --save-model}. A loaded model is used instead of
 * training until it is forgotten; a file that is not a model is reported in a dialog naming the
 * file and what is wrong. Plain Java (no javafx.scene).
 */
final class ModelFiles {
  static final FileFilter MODELS = new FileFilter("Linkage models", List.of("*.json"));

  private final DialogService dialogs;
  private final ReadOnlyObjectWrapper<LinkModel> loaded = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper text =
      new ReadOnlyStringWrapper(this, "text", "Model: trained on the data");

  ModelFiles(DialogService dialogs) {
    this.dialogs = dialogs;
  }

  /** The loaded model, used instead of training; null to train. */
  ReadOnlyObjectProperty<LinkModel> loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  /** e.g. {@code Model: loaded from model.json (5 fields)}. */
  ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** Asks for a model file and loads it. */
  void chooseAndLoad() {
    dialogs.chooseFileToOpen("Load linkage model", null, List.of(MODELS)).ifPresent(this::load);
  }

  /** Loads a model file; a bad one is reported and the current choice kept. */
  boolean load(Path file) {
    try {
      LinkModel m = LinkModel.load(file);
      loaded.set(m);
      text.set(
          String.format(
              Locale.ROOT,
              "Model: loaded from %s (%d fields)",
              file.getFileName(),
              m.fields().size()));
      return true;
    } catch (StatBenchException e) {
      dialogs.showError("Cannot load the model " + file.getFileName(), e.getMessage());
      return false;
    }
  }

  /** Back to training on the data. */
  void forget() {
    loaded.set(null);
    text.set("Model: trained on the data");
  }

  /** Asks for a file and writes {@code model} to it. */
  void chooseAndSave(LinkModel model) {
    dialogs
        .chooseFileToSave("Save linkage model", null, "model.json", List.of(MODELS))
        .ifPresent(f -> save(model, f));
  }

  /** Writes {@code model} as the versioned JSON; a write failure is reported. */
  boolean save(LinkModel model, Path file) {
    try {
      model.save(file);
      return true;
    } catch (IOException e) {
      dialogs.showError(
          "Cannot save the model " + file.getFileName(),
          file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return false;
    }
  }
}
