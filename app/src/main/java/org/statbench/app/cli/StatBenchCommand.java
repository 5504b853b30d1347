package org.statbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.statbench.core.InputException;
import org.statbench.core.RefusedException;
import org.statbench.core.ResourceException;
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
      StatusCommand.class,
      JoinCommand.class,
      LinkCommand.class,
      PseudonymiseCommand.class,
      BenchCommand.class,
      AuditCommand.class,
      ClearanceCommand.class,
      KeysCommand.class,
      WorkspaceCommand.class,
      SourceCommand.class,
      CommandLine.HelpCommand.class
    })
public final class StatBenchCommand implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_REFUSED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static final String PASSPHRASE_FILE_HELP =
      "File whose first line is the passphrase of an encrypted workspace (and of a key file);"
          + " else $STATBENCH_PASSPHRASE. Ignored for an unencrypted workspace.";

  @CommandLine.Option(
      names = "--passphrase-file",
      scope = CommandLine.ScopeType.INHERIT,
      paramLabel = "F",
      description = PASSPHRASE_FILE_HELP)
  Path passphraseFile;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command");
  }

  /** Runs the command line and returns the exit code. */
  public static int run(String... args) {
    CommandLine cl = commandLine(args);
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      return escaped(e, cl.getErr());
    }
  }

  /** A configured command line with every sub-command (exposed for tests that capture output). */
  public static CommandLine commandLine() {
    return configure(new CommandLine(new StatBenchCommand()));
  }

  /**
   * A configured command line for these arguments. When the first names a sub-command (other than
   * {@code help}), the root holds only that one: building picocli's model of every command costs a
   * short command (e.g. {@code tabulate}) a fifth of its start-up. Usage, errors and exit codes are
   * the same as {@link #commandLine()}'s, since a sub-command's parse never looks at its siblings.
   */
  public static CommandLine commandLine(String... args) {
    Class<?> only = args.length > 0 ? subcommand(args[0]) : null;
    if (only == null) {
      return commandLine();
    }
    CommandLine.Model.CommandSpec root =
        CommandLine.Model.CommandSpec.wrapWithoutInspection(new StatBenchCommand())
            .name(StatBenchCommand.class.getAnnotation(Command.class).name());
    // the root's inherited option, which every sub-command shows and takes (read by CliWorkspace)
    root.addOption(
        CommandLine.Model.OptionSpec.builder("--passphrase-file")
            .scopeType(CommandLine.ScopeType.INHERIT)
            .paramLabel("F")
            .type(Path.class)
            .description(PASSPHRASE_FILE_HELP)
            .build());
    CommandLine cl = new CommandLine(root);
    cl.addSubcommand(only);
    return configure(cl);
  }

  /** The class registered in {@code subcommands} under this name or alias, or null. */
  private static Class<?> subcommand(String name) {
    for (Class<?> c : StatBenchCommand.class.getAnnotation(Command.class).subcommands()) {
      Command command = c.getAnnotation(Command.class);
      if (command == null || CommandLine.IHelpCommandInitializable2.class.isAssignableFrom(c)) {
        continue; // 'help' describes the whole tree
      }
      if (command.name().equals(name)
          || java.util.Arrays.asList(command.aliases()).contains(name)) {
        return c;
      }
    }
    return null;
  }

  private static CommandLine configure(CommandLine cl) {
    cl.setExecutionExceptionHandler(StatBenchCommand::handle);
    cl.setExecutionStrategy(CliWorkspace::execute);
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
    ResourceException resource = ResourceException.classify(ex, running(cl), null);
    if (resource != null) {
      err.println("statbench: " + resource.getMessage());
      err.flush();
      return EXIT_BAD_INPUT;
    }
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

  /**
   * The exit code for what escaped a command (an {@link Error} such as OutOfMemoryError, which the
   * execution handler does not see): a resource failure is a message and exit 2.
   */
  public static int escaped(Throwable t, PrintWriter err) {
    ResourceException resource = ResourceException.classify(t, "running statbench", null);
    if (resource != null) {
      err.println("statbench: " + resource.getMessage());
      err.flush();
      return EXIT_BAD_INPUT;
    }
    err.println("statbench: internal error: " + t);
    if (Boolean.getBoolean("statbench.debug")) {
      t.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  /** What a sub-command was doing, for messages: e.g. "running 'statbench import'". */
  static String running(CommandLine cl) {
    return "running '" + cl.getCommandSpec().qualifiedName() + "'";
  }
}
