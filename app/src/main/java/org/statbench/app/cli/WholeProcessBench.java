package org.statbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the bench commands share (the bench harness, written once): timing a command as a user meets
 * it, a whole new {@code java -jar statbench.jar} process; the median of timed runs; the peak heap;
 * and their temporary folders (made, or the {@code --keep} folder, and removed).
 */
final class WholeProcessBench {
  private WholeProcessBench() {}

  /**
   * Runs {@code java -jar statbench.jar ARGS} {@code runs} times (output inherited) and prints the
   * median, min and max wall time in ms; prints why it was skipped when not running from the jar.
   *
   * @param args the sub-command and its options, e.g. {@code tabulate --db ...}
   * @param what what the process does, printed after "java -jar statbench.jar"
   * @return the median in ms, or NaN when skipped or failed
   */
  static double time(PrintWriter out, int runs, List<String> args, String what) throws Exception {
    return timeAlternating(out, runs, List.of(args), List.of(what))[0];
  }

  /**
   * As {@link #time}, for several commands run in turn (A, B, A, B, ...), so that a change in the
   * machine's load between them weighs on each alike; prints each one's line as {@link #time} does.
   *
   * @return the median of each command in ms (NaN for all when skipped or one failed)
   */
  static double[] timeAlternating(
      PrintWriter out, int runs, List<List<String>> commands, List<String> whats) throws Exception {
    double[] medians = new double[commands.size()];
    Arrays.fill(medians, Double.NaN);
    Path jar = jarPath();
    if (jar == null) {
      out.println("whole process: skipped (not running from statbench.jar)");
      return medians;
    }
    double[][] times = new double[commands.size()][runs];
    for (int i = 0; i < runs; i++) {
      for (int c = 0; c < commands.size(); c++) {
        List<String> args = commands.get(c);
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        cmd.addAll(args);
        long s = System.nanoTime();
        int rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
        times[c][i] = (System.nanoTime() - s) / 1e6;
        if (rc != 0) {
          out.println("whole process: statbench.jar " + args.get(0) + " exited with " + rc);
          return medians;
        }
      }
    }
    for (int c = 0; c < commands.size(); c++) {
      double[] t = times[c];
      Arrays.sort(t);
      medians[c] = median(t);
      out.printf(
          Locale.ROOT,
          "whole process: java -jar statbench.jar %s: median %.0f ms (min %.0f, max %.0f over %d"
              + " runs)%n",
          whats.get(c),
          medians[c],
          t[0],
          t[runs - 1],
          runs);
    }
    out.flush();
    return medians;
  }

  /** The java launcher of this process, for child processes that run as a user runs them. */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
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
  static Path jarPath() {
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

  /**
   * The folder to keep a bench's files in when given ({@code --keep}), else a new temporary one.
   */
  static Path workFolder(Path keep) throws IOException {
    return keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("sb-bench");
  }

  /** The median of timed runs (the midpoint of the two middle ones for an even count). */
  static double median(double[] runs) {
    double[] s = runs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /** The median of timed runs in whole ms (the lower middle one for an even count, rounded up). */
  static long median(long[] runs) {
    long[] s = runs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2] + 1) / 2;
  }

  /** Starts a new peak-heap measurement ({@link #peakHeapBytes}). */
  static void resetHeapPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /**
   * Sum of the heap pools' peaks since the last {@link #resetHeapPeaks}: an upper bound of the heap
   * in use at any moment.
   */
  static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
