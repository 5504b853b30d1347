package org.statbench.app;

import org.statbench.app.cli.StatBenchCommand;
import org.statbench.app.shell.StatBenchApp;

/**
 * Entry point of {@code statbench.jar}: no arguments opens the GUI, a sub-command runs headless.
 * Deliberately not a JavaFX {@code Application}, so the fat jar runs from the class path.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      StatBenchApp.launchGui(args);
      return;
    }
    System.exit(StatBenchCommand.run(args));
  }
}
