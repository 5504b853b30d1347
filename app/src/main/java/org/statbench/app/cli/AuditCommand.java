package org.statbench.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code audit verify --db DIR}. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Work with the workspace's audit log.",
    subcommands = {AuditVerifyCommand.class})
public final class AuditCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command: verify");
  }
}
