package org.statbench.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the audit capability lands. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class AuditCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("statbench: audit is not available yet");
    return StatBenchCommand.EXIT_BAD_INPUT;
  }
}
