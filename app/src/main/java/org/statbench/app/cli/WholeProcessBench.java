package org.statbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the bench commands share: timing a command as a user meets it, a whole new {@code java -jar
 * statbench.jar} process, and removing their temporary folders.
 */
final class WholeProcessBench {
  private WholeProcessBench() {}

  /**
   * Runs {@code java -jar statbench.jar ARGS} {@code runs} times (output inherited) and prints the
   * median, min and max wall time in ms; prints why it was skipped when not running from the jar.
   *
   * @param args the sub-command and its options, e.g. {@code tabulate --db ...}
   * @param what what the process does, printed after "java -jar statbench.jar"
   */
  static void time(PrintWriter out, int runs, List<String> args, String what) throws Exception {
    Path jar = jarPath();
    if (jar == null) {
      out.println("whole process: skipped (not running from statbench.jar)");
      return;
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(args);
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      int rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
      times[i] = (System.nanoTime() - s) / 1e6;
      if (rc != 0) {
        out.println("whole process: statbench.jar " + args.get(0) + " exited with " + rc);
        return;
      }
    }
    Arrays.sort(times);
    out.printf(
        Locale.ROOT,
        "whole process: java -jar statbench.jar %s: median %.0f ms (min %.0f, max %.0f over %d"
            + " runs)%n",
        what,
        times[runs / 2],
        times[0],
        times[runs - 1],
        runs);
  }

  /**
   * The command that starts statbench in a new JVM with the given JVM options: {@code java OPTIONS
   * -jar statbench.jar}, or from the class path when not running from the jar (tests, IDE).
   */
  static List<String> javaCommand(List<String> jvmOptions) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(jvmOptions);
    Path jar = jarPath();
    if (jar != null) {
      cmd.add("-jar");
      cmd.add(jar.toString());
    } else {
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add("org.statbench.app.Main");
    }
    return cmd;
  }

  /** The jar this class runs from, or null when it runs from classes (tests, IDE). */
  private static Path jarPath() {
    try {
      Path p =
          Path.of(
              WholeProcessBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return p.toString().endsWith(".jar") ? p : null;
    } catch (Exception e) {
      return null;
    }
  }

  /** Deletes a bench's temporary folder, quietly: the OS cleans what is left eventually. */
  static void deleteTreeQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a temporary folder
    }
  }
}
