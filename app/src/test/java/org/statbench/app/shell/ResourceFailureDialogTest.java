package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * What the GUI's error dialog (every background task's failure, the import wizard's included) says
 * when the machine runs out of heap or disk: the same words as the command line, never a class
 * name.
 */
class ResourceFailureDialogTest {
  @Test
  void outOfMemoryInABackgroundTaskSaysHowMuchHeapThereIsAndHowToRaiseIt() {
    RecordingDialogService dialogs = new RecordingDialogService();
    long maxMb = Runtime.getRuntime().maxMemory() >> 20;

    dialogs.showError(
        "Import failed", new IllegalStateException(new OutOfMemoryError("Java heap space")));

    assertThat(dialogs.errors).hasSize(1);
    assertThat(dialogs.errors.get(0))
        .startsWith("Import failed: Out of memory while working: Java may use at most ")
        .contains(String.format("%,d MB", maxMb))
        .contains("JAVA_TOOL_OPTIONS=-Xmx", "java-options=-Xmx", "Nothing was changed.")
        .doesNotContain("OutOfMemoryError", "IllegalStateException");
  }

  @Test
  void aFullDiskSaysSoWithTheFreeSpace() {
    RecordingDialogService dialogs = new RecordingDialogService();

    dialogs.showError(
        "Import failed",
        new UncheckedIOException(
            new java.nio.file.FileSystemException(
                "/data/ws/columns/x.mv", null, "No space left on device")));

    assertThat(dialogs.errors.get(0))
        .startsWith("Import failed: Not enough disk space while working in /data/ws/columns: ")
        .contains("are free", "Nothing was changed.");
  }

  @Test
  void otherFailuresAreNotMistakenForResourceFailures() {
    assertThat(DialogService.userMessage(new UncheckedIOException(new IOException("bad"))))
        .isEqualTo("UncheckedIOException: java.io.IOException: bad");
  }
}
