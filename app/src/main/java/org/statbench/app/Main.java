package org.statbench.app;

import org.statbench.app.cli.BackgroundFailures;
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
      String problem =
          noDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperties());
      if (problem != null) {
        // without this, JavaFX dies with a stack trace ("Unable to open DISPLAY")
        System.err.println("statbench: " + problem);
        System.exit(StatBenchCommand.EXIT_BAD_INPUT);
      }
      StatBenchApp.launchGui(args);
      return;
    }
    java.io.PrintWriter err =
        new java.io.PrintWriter(System.err, true, java.nio.charset.Charset.defaultCharset());
    BackgroundFailures background = new BackgroundFailures(err);
    Thread.setDefaultUncaughtExceptionHandler(background);
    org.statbench.app.cli.KeyPrefetch.start(args); // the KDF overlaps start-up
    int code;
    try {
      code = StatBenchCommand.run(args);
    } catch (Throwable t) { // what escapes a command: a message and an exit code, no stack trace
      code = StatBenchCommand.escaped(t, err);
    }
    System.exit(background.exitCode(code));
  }

  /**
   * Why the GUI cannot open, or null when it can try: on Linux and other X11/Wayland systems a
   * display must be named by {@code DISPLAY} or {@code WAYLAND_DISPLAY}, unless a headless JavaFX
   * platform (Monocle) is chosen with {@code -Dglass.platform}.
   */
  public static String noDisplay(
      java.util.Map<String, String> env, String osName, java.util.Properties props) {
    String os = osName.toLowerCase(java.util.Locale.ROOT);
    if (os.startsWith("windows")
        || os.startsWith("mac")
        || props.getProperty("glass.platform") != null) {
      return null;
    }
    if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
      return null;
    }
    return "no display for the GUI (DISPLAY is not set). Run a sub-command instead, e.g."
        + " 'statbench.jar --help', or start the GUI on a desktop session.";
  }

  private static boolean isSet(String v) {
    return v != null && !v.isBlank();
  }
}
