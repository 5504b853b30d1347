package org.statbench.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the check capability lands. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("statbench: check is not available yet");
    return StatBenchCommand.EXIT_BAD_INPUT;
  }
}
