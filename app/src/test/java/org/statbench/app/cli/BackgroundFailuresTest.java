package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * A background thread's failure during a command (at -Xmx96m, status tracking of 1,000,000 people
 * once printed "Exception in thread "H2-serialization" java.lang.OutOfMemoryError" and its stack
 * trace before the command's own message): no stack trace, and running out of heap said once.
 */
class BackgroundFailuresTest {
  private final StringWriter out = new StringWriter();
  private final BackgroundFailures background = new BackgroundFailures(new PrintWriter(out));

  private void failInThread(Throwable e) throws InterruptedException {
    Thread t =
        new Thread(
            () -> {
              throw sneaky(e);
            },
            "H2-serialization");
    t.setUncaughtExceptionHandler(background);
    t.start();
    t.join();
  }

  private static RuntimeException sneaky(Throwable e) {
    if (e instanceof Error err) {
      throw err;
    }
    return (RuntimeException) e;
  }

  @Test
  void runningOutOfHeapInTheBackgroundIsLeftToTheCommandsOwnMessage() throws Exception {
    failInThread(new OutOfMemoryError("Java heap space"));
    assertThat(out.toString()).isEmpty();
    // the command failed and said why itself: its code stands and nothing more is printed
    assertThat(background.exitCode(2)).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aCommandThatEndedWellAfterTheBackgroundRanOutOfHeapSaysSoAndExits2() throws Exception {
    failInThread(new OutOfMemoryError("Java heap space"));
    assertThat(background.exitCode(0)).isEqualTo(StatBenchCommand.EXIT_BAD_INPUT);
    assertThat(out.toString())
        .startsWith("statbench: Out of memory while running statbench")
        .contains("JAVA_TOOL_OPTIONS=-Xmx")
        .doesNotContain("\tat ");
  }

  @Test
  void anotherBackgroundFailureIsOneLineWithoutAStackTrace() throws Exception {
    failInThread(new IllegalStateException("writer stopped"));
    assertThat(out.toString())
        .isEqualTo(
            "statbench: a background task (H2-serialization) failed:"
                + " java.lang.IllegalStateException: writer stopped"
                + System.lineSeparator())
        .doesNotContain("\tat ");
    assertThat(background.exitCode(0)).isZero();
  }

  @Test
  void withoutBackgroundFailuresTheCommandsCodeStands() {
    assertThat(background.exitCode(0)).isZero();
    assertThat(background.exitCode(2)).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
  }
}
