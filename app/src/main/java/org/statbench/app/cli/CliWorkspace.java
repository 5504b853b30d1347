package org.statbench.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import org.statbench.store.Workspace;
import org.statbench.store.WorkspaceFiles;
import picocli.CommandLine;

/**
 * How every command opens a workspace: with the passphrase of {@code --passphrase-file F} (an
 * option every sub-command inherits) or the {@code STATBENCH_PASSPHRASE} environment variable. A
 * passphrase given for an unencrypted workspace is ignored; an encrypted workspace without one, or
 * with a wrong one, exits 2 with a clear message. The option's value is scoped to the running
 * command line (set by {@link StatBenchCommand} around each execution).
 */
final class CliWorkspace {
  private static final ThreadLocal<Path> PASSPHRASE_FILE = new ThreadLocal<>();

  private CliWorkspace() {}

  /** Opens (creating an unencrypted one when missing) the workspace in {@code db}. */
  static Workspace open(Path db) {
    char[] pass = Passphrases.fromFileOrEnv(passphraseFile());
    try {
      return Workspace.open(db, pass);
    } finally {
      if (pass != null) {
        Arrays.fill(pass, '\0');
      }
    }
  }

  /**
   * Opens the workspace in {@code db} for a command that only reads (see {@link
   * Workspace#openForQueries(Path, char[])}).
   */
  static Workspace openForQueries(Path db) {
    char[] pass = Passphrases.fromFileOrEnv(passphraseFile());
    try {
      return Workspace.openForQueries(db, pass);
    } finally {
      if (pass != null) {
        Arrays.fill(pass, '\0');
      }
    }
  }

  /**
   * Reads a definition file (e.g. {@code --spec}); a file sealed by an encrypted workspace is
   * opened with that workspace's passphrase.
   */
  static String readDocument(Path file, Path db) {
    byte[] b;
    try {
      b = java.nio.file.Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new org.statbench.core.InputException(
          file.toString(), -1, null, "cannot read the file: " + e.getMessage());
    }
    if (WorkspaceFiles.isSealed(b)) {
      if (db == null) {
        throw new org.statbench.core.InputException(
            file.toString(), -1, null, "the file is encrypted: give the workspace (--db)");
      }
      char[] pass = Passphrases.fromFileOrEnv(passphraseFile());
      b = WorkspaceFiles.of(db, pass).decode(file, b);
    }
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Writes a definition file: sealed when it lies inside an encrypted workspace (so nothing of the
   * data is in clear there), else as plain UTF-8.
   */
  static void writeDocument(Workspace ws, Path file, String text) {
    try {
      org.statbench.app.security.WorkspaceDocuments.write(ws, file, text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The {@code --passphrase-file} of the running command line, or null. */
  static Path passphraseFile() {
    return PASSPHRASE_FILE.get();
  }

  /** Runs a parsed command line with its {@code --passphrase-file} in scope. */
  static int execute(CommandLine.ParseResult parseResult) {
    Path file = null;
    for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--passphrase-file")) {
        file = pr.matchedOptionValue("--passphrase-file", (Path) null);
      }
    }
    PASSPHRASE_FILE.set(file);
    try {
      return new CommandLine.RunLast().execute(parseResult);
    } finally {
      PASSPHRASE_FILE.remove();
    }
  }
}
