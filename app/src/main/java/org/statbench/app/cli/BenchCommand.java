package org.statbench.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bench import|tabulate|disclosure|cohort|status|join|startup|source|survey [--rows N]}:
 * prints benchmark figures.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Generate data, run a capability several times and print figures (median ms, rows/s, heap).",
    subcommands = {
      BenchImportCommand.class,
      BenchTabulateCommand.class,
      BenchDisclosureCommand.class,
      BenchCohortCommand.class,
      BenchStatusCommand.class,
      BenchJoinCommand.class,
      BenchStartupCommand.class,
      BenchSourceCommand.class,
      BenchSurveyCommand.class,
      BenchLinkCommand.class
    })
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "Missing benchmark: import, tabulate, disclosure, cohort, status, join, startup, source or"
            + " survey");
  }
}
