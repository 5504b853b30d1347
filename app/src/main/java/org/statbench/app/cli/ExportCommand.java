package org.statbench.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the export capability lands. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class ExportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("statbench: export is not available yet");
    return StatBenchCommand.EXIT_BAD_INPUT;
  }
}
