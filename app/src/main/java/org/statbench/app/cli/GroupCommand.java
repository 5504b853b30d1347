package org.statbench.app.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * A command made only of sub-commands ({@code source}, {@code clearance}, ...): run without one, it
 * exits 2 naming them in their declared order ("Missing sub-command: add, list or test").
 */
abstract class GroupCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing sub-command: " + orList(subcommandNames(spec)));
  }

  /** The sub-commands' names in declared order, each once (aliases left out). */
  static List<String> subcommandNames(CommandLine.Model.CommandSpec spec) {
    return spec.subcommands().values().stream()
        .distinct()
        .map(CommandLine::getCommandName)
        .toList();
  }

  /** "a", "a or b", "a, b or c". */
  static String orList(List<String> names) {
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }
}
