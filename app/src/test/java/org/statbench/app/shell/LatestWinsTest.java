package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestWinsTest {
  @Test
  void dropsResultsOfSupersededRunsAndCancelsThem() {
    QueuedTaskRunner runner = new QueuedTaskRunner();
    LatestWins latest = new LatestWins(runner);
    List<String> applied = new ArrayList<>();
    List<String> cancelled = new ArrayList<>();
    for (String s : List.of("a", "b", "c")) {
      latest.submit(
          BackgroundTask.of(s, (p, c) -> s)
              .onSuccess(applied::add)
              .onCancelled(() -> cancelled.add(s)));
    }
    runner.runAll();
    assertThat(applied).containsExactly("c");
    assertThat(cancelled).containsExactly("a", "b");
  }

  @Test
  void aSlowOlderResultArrivingLastIsIgnored() {
    QueuedTaskRunner runner = new QueuedTaskRunner();
    LatestWins latest = new LatestWins(runner);
    List<String> applied = new ArrayList<>();
    // The work ignores its token, as a computation past its last check would.
    latest.submit(BackgroundTask.of("old", (p, c) -> "old").onSuccess(applied::add));
    latest.submit(BackgroundTask.of("new", (p, c) -> "new").onSuccess(applied::add));
    runner.runNewestFirst();
    assertThat(applied).containsExactly("new");
  }

  @Test
  void failuresOfTheLatestRunReachItsHandler() {
    SameThreadTaskRunner runner = new SameThreadTaskRunner();
    LatestWins latest = new LatestWins(runner);
    List<Throwable> errors = new ArrayList<>();
    latest.submit(
        BackgroundTask.<String>of(
                "x",
                (p, c) -> {
                  throw new org.statbench.core.InputException("bad");
                })
            .onFailure(errors::add));
    assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("bad");
  }
}
