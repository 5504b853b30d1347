package org.statbench.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this capability lands. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class AuditVerifyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("statbench: verify is not available yet");
    return StatBenchCommand.EXIT_BAD_INPUT;
  }
}
