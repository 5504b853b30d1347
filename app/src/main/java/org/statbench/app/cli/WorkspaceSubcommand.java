package org.statbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.statbench.core.InputException;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The plumbing every sub-command of a {@link GroupCommand} on a workspace shares: the {@code --db}
 * option, the command's output, and opening the workspace with the passphrase of {@code
 * --passphrase-file} (through {@link CliWorkspace}).
 */
abstract class WorkspaceSubcommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--db", required = true, paramLabel = "DIR", description = "Workspace folder.")
  Path db;

  /** Where the command writes its answer (picocli's out, so tests can capture it). */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Opens the workspace in {@code --db}, creating an unencrypted one when the folder is new. */
  Workspace openWorkspace() {
    return CliWorkspace.open(db);
  }

  /**
   * Opens the workspace in {@code --db}, which must exist.
   *
   * @throws InputException when there is no such folder
   */
  Workspace openExisting() {
    if (!Files.isDirectory(db)) {
      throw new InputException(db.toString(), -1, null, "no workspace folder here");
    }
    return CliWorkspace.open(db);
  }
}
