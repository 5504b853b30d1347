package org.statbench.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the datasets capability lands. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class DatasetsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("statbench: datasets is not available yet");
    return StatBenchCommand.EXIT_BAD_INPUT;
  }
}
