package org.statbench.app.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.statbench.core.InputException;

/**
 * Output files named on the command line ({@code --out}, {@code --report}, ...): checked before any
 * work is done, so that a typo in a folder name is an immediate usage error (exit 2) rather than a
 * failure after a long computation, or after a command such as {@code join} has already changed the
 * workspace. Files are written exactly where the path says: a missing folder is an error, never
 * created.
 */
final class OutputFiles {
  private OutputFiles() {}

  /**
   * Checks that {@code file} can be created or replaced: its folder exists and is writable, and it
   * is not itself a folder. Does nothing when {@code file} is null (option not given).
   *
   * @param option the option that named the file, e.g. {@code --out}
   * @throws InputException naming the file and what is wrong
   */
  static void requireWritable(Path file, String option) {
    if (file == null) {
      return;
    }
    Path abs = file.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new InputException(
          file.toString(), -1, null, option + " names a folder; give a file name");
    }
    Path folder = abs.getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new InputException(
          file.toString(),
          -1,
          null,
          option + ": the folder " + folder + " does not exist (it is not created)");
    }
    if (folder != null && !Files.isWritable(folder)) {
      throw new InputException(
          file.toString(), -1, null, option + ": the folder " + folder + " is not writable");
    }
    if (Files.exists(abs) && !Files.isWritable(abs)) {
      throw new InputException(file.toString(), -1, null, option + ": the file is read-only");
    }
  }

  /**
   * A user-readable description of a file-system failure found in {@code ex} or its causes, e.g.
   * {@code cannot write /proc/t.csv: the file cannot be created there}, or null when there is none.
   */
  static String describe(Throwable ex) {
    FileSystemException fse = null;
    boolean writing = false;
    for (Throwable t = ex; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.regionMatches(true, 0, "cannot write", 0, 12)) {
        writing = true;
      }
      if (t instanceof FileSystemException f) {
        fse = f;
        break;
      }
    }
    if (fse == null || fse.getFile() == null) {
      return null;
    }
    String reason;
    if (fse instanceof NoSuchFileException) {
      Path parent = Path.of(fse.getFile()).toAbsolutePath().getParent();
      reason =
          parent != null && !Files.isDirectory(parent)
              ? "the folder " + parent + " does not exist"
              : "no such file, and it cannot be created there";
    } else if (fse instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (fse.getReason() != null) {
      reason = fse.getReason();
    } else {
      reason = fse.getClass().getSimpleName();
    }
    return (writing ? "cannot write " : "") + fse.getFile() + ": " + reason;
  }
}
