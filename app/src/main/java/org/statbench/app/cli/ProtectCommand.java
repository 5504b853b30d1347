package org.statbench.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the protect capability lands. */
@Command(name = "protect", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class ProtectCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("statbench: protect is not available yet");
    return StatBenchCommand.EXIT_BAD_INPUT;
  }
}
