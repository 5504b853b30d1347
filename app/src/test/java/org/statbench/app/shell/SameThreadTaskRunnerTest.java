package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.CancelledException;

class SameThreadTaskRunnerTest {
  @Test
  void runsWorkAndCallbackImmediatelyAndRecordsProgress() {
    SameThreadTaskRunner runner = new SameThreadTaskRunner();
    List<Integer> got = new ArrayList<>();
    runner.run(
        BackgroundTask.of(
                "sum",
                (p, c) -> {
                  p.progress(1, 2, "half");
                  return 42;
                })
            .onSuccess(got::add));
    assertThat(got).containsExactly(42);
    assertThat(runner.titles()).containsExactly("sum");
    assertThat(runner.reportedFractions()).containsExactly(0.5);
  }

  @Test
  void cancellationGoesToTheCancelCallbackNotTheFailureCallback() {
    SameThreadTaskRunner runner = new SameThreadTaskRunner();
    List<String> events = new ArrayList<>();
    runner.run(
        BackgroundTask.of(
                "x",
                (p, c) -> {
                  throw new CancelledException();
                })
            .onFailure(e -> events.add("failed"))
            .onCancelled(() -> events.add("cancelled")));
    assertThat(events).containsExactly("cancelled");
  }

  @Test
  void userMessageShowsStatBenchMessagesAsTheyAre() {
    assertThat(
            DialogService.userMessage(
                new RuntimeException(
                    new org.statbench.core.InputException("a.csv", 3, "age", "not a number"))))
        .isEqualTo("a.csv, line 3, column age: not a number");
    assertThat(DialogService.userMessage(new IllegalStateException("boom")))
        .isEqualTo("IllegalStateException: boom");
  }
}
