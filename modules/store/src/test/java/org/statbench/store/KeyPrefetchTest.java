package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;

class KeyPrefetchTest {
  @TempDir Path tmp;

  private static final char[] PASS = "a long passphrase".toCharArray();

  @AfterEach
  void forget() {
    Workspace.forgetDerivedKeys();
  }

  private Path encryptedWorkspace() {
    Path dir = tmp.resolve("ws");
    try (Workspace ws = Workspace.createEncrypted(dir, PASS, 1_000)) {
      ws.importCsv(
          ImportRequest.of("people", Fixtures.csv(tmp, "p.csv", "name,age\nAnn,31\nBob,44\n")),
          ProgressListener.NONE,
          CancellationToken.NONE);
    }
    Workspace.forgetDerivedKeys();
    return dir;
  }

  @Test
  void aPrefetchedKeyOpensTheWorkspaceAndIsDerivedOnce() {
    Path dir = encryptedWorkspace();
    assertThat(Workspace.keyDerivedOrDeriving(dir, PASS)).isFalse();
    Workspace.prefetchKey(dir, PASS);
    assertThat(Workspace.keyDerivedOrDeriving(dir, PASS)).isTrue();
    assertThat(Workspace.keyDerivedOrDeriving(dir, "other".toCharArray())).isFalse();
    try (Workspace ws = Workspace.open(dir, PASS)) {
      assertThat(ws.columns("people", List.of("name")).column("name").text(1)).isEqualTo("Bob");
    }
  }

  @Test
  void aPrefetchWithTheWrongPassphraseStillRefusesTheOpen() {
    Path dir = encryptedWorkspace();
    char[] wrong = "wrong".toCharArray();
    Workspace.prefetchKey(dir, wrong);
    assertThatThrownBy(() -> Workspace.open(dir, wrong))
        .isInstanceOf(Crypto.WrongPassphraseException.class);
    try (Workspace ws = Workspace.open(dir, PASS)) {
      assertThat(ws.datasets()).hasSize(1);
    }
  }

  @Test
  void aPrefetchForAnUnencryptedWorkspaceDoesNothing() {
    Path dir = tmp.resolve("plain");
    Workspace.open(dir).close();
    Workspace.prefetchKey(dir, PASS);
    assertThat(Workspace.keyDerivedOrDeriving(dir, PASS)).isFalse();
  }

  @Test
  void theCryptoWarmUpRunsOnTheJdkAlone() {
    assertThat(CryptoWarmUp.run()).isTrue();
  }
}
