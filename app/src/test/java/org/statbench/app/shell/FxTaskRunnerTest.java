package org.statbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {
  private FxTaskRunner runner;
  private final List<String> events = new CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) {
    runner = new FxTaskRunner(e -> events.add("default:" + e.getMessage()));
    RecordingDialogService dialogs = new RecordingDialogService();
    AppContext context =
        new AppContext(
            runner,
            dialogs,
            new WorkspaceModel(
                runner, dialogs, new WorkspacePreferences(java.nio.file.Path.of("."))));
    stage.setScene(new Scene(new StatusBarView(context), 600, 40));
    stage.show();
  }

  @Test
  void cancelInTheStatusBarStopsTheRunningTask(FxRobot robot) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    robot.interact(
        () ->
            runner.run(
                BackgroundTask.of(
                        "Long work",
                        (progress, cancel) -> {
                          started.countDown();
                          progress.progress(1, 4, "step 1");
                          while (!cancel.isCancelled()) {
                            Thread.sleep(5);
                          }
                          cancel.throwIfCancelled();
                          return "finished";
                        })
                    .onSuccess(r -> events.add("success"))
                    .onCancelled(() -> events.add("cancelled"))));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#taskBox").query().isVisible()).isTrue();
    robot.clickOn("#taskCancel");
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> events.contains("cancelled"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(events).containsExactly("cancelled");
    assertThat(runner.busyProperty().get()).isFalse();
  }

  @Test
  void resultsComeBackOnTheFxThreadAndUnhandledFailuresGoToTheDefaultHandler() throws Exception {
    robot(
        () -> {
          runner.run(
              BackgroundTask.of("ok", (p, c) -> 7)
                  .onSuccess(
                      r ->
                          events.add(
                              "fx="
                                  + javafx.application.Platform.isFxApplicationThread()
                                  + " "
                                  + r)));
          runner.run(
              BackgroundTask.<Integer>of(
                  "bad",
                  (p, c) -> {
                    throw new org.statbench.core.InputException("broken");
                  }));
        });
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> events.size() == 2);
    assertThat(events).containsExactlyInAnyOrder("fx=true 7", "default:broken");
  }

  private static void robot(Runnable r) {
    new FxRobot().interact(r);
  }
}
