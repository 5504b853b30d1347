package org.statbench.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the bench capability lands. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("statbench: bench is not available yet");
    return StatBenchCommand.EXIT_BAD_INPUT;
  }
}
