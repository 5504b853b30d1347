package org.statbench.app.shell;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A dialog service for tests: records messages and answers from queued replies. */
public class RecordingDialogService implements DialogService {
  public final List<String> errors = new ArrayList<>();
  public final List<String> infos = new ArrayList<>();
  public final List<String> confirmations = new ArrayList<>();
  public final Deque<Path> files = new ArrayDeque<>();

  /** The file names the save dialogs suggested, in order. */
  public final List<String> suggestedNames = new ArrayList<>();

  public boolean confirmAnswer = true;
  public final Deque<String> passphrases = new ArrayDeque<>();
  public final List<String> passphrasePrompts = new ArrayList<>();
  public final List<Refusal> refusals = new ArrayList<>();
  public RefusalChoice refusalAnswer = RefusalChoice.CANCEL;
  public final List<String> unsavedQuestions = new ArrayList<>();
  public UnsavedChoice unsavedAnswer = UnsavedChoice.DISCARD;

  @Override
  public RefusalChoice askAboutRefusal(Refusal refusal) {
    refusals.add(refusal);
    return refusalAnswer;
  }

  @Override
  public UnsavedChoice askUnsaved(String title, String message) {
    unsavedQuestions.add(message);
    return unsavedAnswer;
  }

  public final List<String> customDialogs = new ArrayList<>();

  /** Records the dialog's pane id, then shows it (GUI tests work it with the robot). */
  @Override
  public <R> Optional<R> showCustomDialogAndWait(javafx.scene.control.Dialog<R> dialog) {
    customDialogs.add(dialog.getDialogPane().getId());
    return DialogService.super.showCustomDialogAndWait(dialog);
  }

  @Override
  public Optional<char[]> askPassphrase(String title, String message) {
    passphrasePrompts.add(message);
    String p = passphrases.poll();
    return p == null ? Optional.empty() : Optional.of(p.toCharArray());
  }

  @Override
  public void showError(String title, String message) {
    errors.add(title + ": " + message);
  }

  @Override
  public void showInformation(String title, String message) {
    infos.add(title + ": " + message);
  }

  @Override
  public boolean confirm(String title, String message) {
    confirmations.add(title + ": " + message);
    return confirmAnswer;
  }

  @Override
  public Optional<Path> chooseFileToOpen(
      String title, Path initialDirectory, List<FileFilter> filters) {
    return Optional.ofNullable(files.poll());
  }

  @Override
  public Optional<Path> chooseFileToSave(
      String title, Path initialDirectory, String initialName, List<FileFilter> filters) {
    suggestedNames.add(initialName);
    return Optional.ofNullable(files.poll());
  }

  @Override
  public Optional<Path> chooseDirectory(String title, Path initialDirectory) {
    return Optional.ofNullable(files.poll());
  }
}
