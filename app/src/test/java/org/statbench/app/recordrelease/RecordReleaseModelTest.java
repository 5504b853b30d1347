package org.statbench.app.recordrelease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.InputException;
import org.statbench.core.RefusedException;
import org.statbench.export.ClearanceBook;
import org.statbench.export.RecordLevelRelease;
import org.statbench.export.RecordRequest;
import org.statbench.export.SigningKey;
import org.statbench.export.TrustFile;
import org.statbench.store.Workspace;

class RecordReleaseModelTest {
  @TempDir Path tmp;

  @Test
  void aRequestGoesToTheQueueAndTheFileIsReleasedOnlyOnceApproved() throws Exception {
    Path links = Files.writeString(tmp.resolve("links.csv"), "left_id,right_id\nA1,B1\nA2,B2\n");
    Path out = tmp.resolve("sent/links.csv");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      RecordRequest r = RecordReleaseModel.request(ws, "links a x b", "2", "Team", "evaluation");
      assertThat(r.id()).isEqualTo("RL-0001");
      assertThatThrownBy(() -> RecordReleaseModel.release(ws, "RL-0001", links, out))
          .isInstanceOf(RefusedException.class)
          .hasMessageContaining("pending");
      SigningKey sam = SigningKey.create("sam");
      TrustFile trust = TrustFile.at(tmp.resolve("trusted-statisticians"));
      trust.add(sam.publicKey());
      ClearanceBook.open(ws.directory().resolve("clearance"), ws.auditLog(), "sam", trust)
          .approve("RL-0001", "ok", sam);
      // the gate reads the trust file of the StatBench home
      String home = System.getProperty("statbench.home");
      System.setProperty("statbench.home", tmp.toString());
      try {
        assertThat(RecordReleaseModel.release(ws, "RL-0001", links, out))
            .startsWith("Released 2 records");
      } finally {
        if (home == null) {
          System.clearProperty("statbench.home");
        } else {
          System.setProperty("statbench.home", home);
        }
      }
      assertThat(Files.readString(out)).isEqualTo("left_id,right_id\nA1,B1\nA2,B2\n");
      assertThat(ws.auditLog().entries())
          .extracting(e -> e.type())
          .contains(RecordLevelRelease.RELEASE_RECORDS);
    }
  }

  @Test
  void theReleaseButtonsCopyRunsThroughTheTaskRunnerAndReportsTheRefusalWhenItRan()
      throws Exception {
    Path links = Files.writeString(tmp.resolve("links.csv"), "left_id,right_id\nA1,B1\n");
    Path out = tmp.resolve("sent.csv");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      RecordReleaseModel.request(ws, "links a x b", "1", "Team", "evaluation");
      org.statbench.app.shell.QueuedTaskRunner tasks =
          new org.statbench.app.shell.QueuedTaskRunner();
      org.statbench.app.shell.RecordingDialogService dialogs =
          new org.statbench.app.shell.RecordingDialogService();

      RecordReleaseModel.releaseInBackground(tasks, dialogs, ws, "RL-0001", links, out);

      // nothing done on the caller's (FX) thread: the work waits in the runner
      assertThat(tasks.pending()).isEqualTo(1);
      assertThat(dialogs.errors).isEmpty();
      tasks.runAll();
      assertThat(dialogs.errors).singleElement().asString().contains("pending");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void aRowCountThatIsNotANumberIsBadInput() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      assertThatThrownBy(() -> RecordReleaseModel.request(ws, "links", "many", "Team", "why"))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("not a whole number");
    }
  }
}
