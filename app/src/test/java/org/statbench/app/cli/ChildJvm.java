package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code statbench} as a user runs it, in a child JVM with a heap of its own ({@code -Xmx}),
 * from shell scripts: the one place the small-heap command-line tests build the child's command
 * line and wait for it (at most five minutes), keeping what it printed (stdout and stderr together)
 * and its exit code.
 */
final class ChildJvm {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private ChildJvm() {}

  /** What a script printed and its exit code. */
  record Run(int code, String out) {}

  /** The command line of {@code statbench ARGS} in a child JVM with the given heap (e.g. 96m). */
  static String statbench(String heap, String args) {
    return JAVA
        + " -Xmx"
        + heap
        + " -cp '"
        + System.getProperty("java.class.path")
        + "' org.statbench.app.Main "
        + args;
  }

  /** {@link #statbench} followed by a line {@code RC=exit code}. */
  static String statbenchRc(String heap, String args) {
    return statbench(heap, args) + "; echo RC=$?\n";
  }

  /** Runs a shell script ({@code sh -c}). */
  static Run sh(String script) throws Exception {
    return run(List.of("sh", "-c", script));
  }

  /** Runs a command, waiting at most five minutes for it. */
  static Run run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Run(p.exitValue(), out);
  }
}
