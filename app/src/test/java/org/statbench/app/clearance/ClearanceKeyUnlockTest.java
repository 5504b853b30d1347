package org.statbench.app.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.export.SigningKey;

/** The key chooser's logic, without a toolkit: ask for the passphrase until it unlocks. */
class ClearanceKeyUnlockTest {
  @TempDir Path dir;

  private Path keyFile() {
    Path f = dir.resolve("sam.key");
    SigningKey.create("sam").write(f, "right".toCharArray(), 1_000);
    return f;
  }

  private static java.util.function.Supplier<Optional<char[]>> answers(
      Deque<String> answers, int[] asked) {
    return () -> {
      asked[0]++;
      String a = answers.poll();
      return a == null ? Optional.empty() : Optional.of(a.toCharArray());
    };
  }

  @Test
  void aWrongPassphraseIsAskedAgainUntilTheRightOneUnlocksTheKey() {
    ClearanceQueueViewModel vm = new ClearanceQueueViewModel();
    int[] asked = {0};
    Deque<String> typed = new ArrayDeque<>(java.util.List.of("wrong", "right"));

    assertThat(vm.unlockKey(keyFile(), answers(typed, asked))).isTrue();

    assertThat(asked[0]).isEqualTo(2);
    assertThat(vm.signingKeyProperty().get()).isNotNull();
    assertThat(vm.messageProperty().get()).startsWith("Signing as sam");
  }

  @Test
  void cancellingThePromptLeavesNoKeyAndSaysWhyTheLastTryFailed() {
    ClearanceQueueViewModel vm = new ClearanceQueueViewModel();
    int[] asked = {0};
    Deque<String> typed = new ArrayDeque<>(java.util.List.of("wrong"));

    assertThat(vm.unlockKey(keyFile(), answers(typed, asked))).isFalse();

    assertThat(asked[0]).isEqualTo(2);
    assertThat(vm.signingKeyProperty().get()).isNull();
    assertThat(vm.messageProperty().get()).endsWith("Try again.");
  }
}
