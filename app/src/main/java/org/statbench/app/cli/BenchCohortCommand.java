package org.statbench.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this capability lands. */
@Command(name = "cohort", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class BenchCohortCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("statbench: cohort is not available yet");
    return StatBenchCommand.EXIT_BAD_INPUT;
  }
}
