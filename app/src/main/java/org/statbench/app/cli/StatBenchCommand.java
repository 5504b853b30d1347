package org.statbench.app.cli;

import java.io.PrintWriter;
import org.statbench.core.InputException;
import org.statbench.core.RefusedException;
import org.statbench.core.StatBenchException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line. Exit codes: 0 ok, 2 bad usage or bad input (a message on stderr, never
 * a stack trace), 3 refused by the disclosure check.
 */
@Command(
    name = "statbench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Offline tabulation, cohort tracking, area joins and disclosure control.",
    subcommands = {
      ImportCommand.class,
      DatasetsCommand.class,
      TabulateCommand.class,
      CheckCommand.class,
      ProtectCommand.class,
      ExportCommand.class,
      CohortCommand.class,
      JoinCommand.class,
      LinkCommand.class,
      PseudonymiseCommand.class,
      BenchCommand.class,
      AuditCommand.class,
      ClearanceCommand.class,
      CommandLine.HelpCommand.class
    })
public final class StatBenchCommand implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_REFUSED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command");
  }

  /** Runs the command line and returns the exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** A configured command line (exposed for tests that capture output). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new StatBenchCommand());
    cl.setExecutionExceptionHandler(StatBenchCommand::handle);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("statbench: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          err.flush();
          return EXIT_BAD_INPUT;
        });
    return cl;
  }

  private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (ex instanceof RefusedException) {
      err.println("statbench: refused: " + ex.getMessage());
      err.flush();
      return EXIT_REFUSED;
    }
    if (ex instanceof InputException || ex instanceof StatBenchException) {
      err.println("statbench: " + ex.getMessage());
      err.flush();
      return EXIT_BAD_INPUT;
    }
    if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
      // a bare NoSuchFileException's message is only the path: say what went wrong with it
      String described = OutputFiles.describe(ex);
      err.println("statbench: " + (described != null ? described : ex.getMessage()));
      err.flush();
      return EXIT_BAD_INPUT;
    }
    err.println("statbench: internal error: " + ex);
    if (Boolean.getBoolean("statbench.debug")) {
      ex.printStackTrace(err);
    }
    err.flush();
    return 1;
  }
}
