package org.statbench.app.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In a tab too narrow for the set-up beside the results (600 px at the normal text size, under 54
 * em) the set-up is the first of the results' tabs, in front at first; a finished training brings
 * the model's tab to the front, so the results of Train are what the user sees next.
 */
@ExtendWith(ApplicationExtension.class)
class LinkageNarrowTabTest {
  @TempDir Path dir;
  private LinkageFixture fx;
  private LinkageViewModel vm;

  @Start
  void start(Stage stage) {
    fx = new LinkageFixture(dir);
    vm = new LinkageViewModel(fx.context);
    stage.setScene(new Scene((javafx.scene.Parent) new LinkageView(vm, fx.tasks).node(), 600, 700));
    // the stage is shared by the test classes: one sized by another test keeps its size otherwise
    stage.setWidth(600);
    stage.setHeight(700);
    stage.show();
  }

  @AfterEach
  void close() {
    fx.ws.close();
  }

  @Test
  void theSetUpIsTheFirstTabAndTrainingBringsTheModelToTheFront(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    TabPane results = robot.lookup("#linkTabs").queryAs(TabPane.class);
    robot.interact(() -> results.getScene().getRoot().layout());
    assertThat(results.getTabs().get(0).getText()).isEqualTo("Set-up");
    assertThat(results.getSelectionModel().getSelectedItem().getText()).isEqualTo("Set-up");
    robot.interact(
        () -> {
          vm.leftProperty().set("customers");
          vm.rightProperty().set("recipients");
        });
    robot.interact(() -> robot.lookup("#linkTrain").queryAs(Button.class).fire());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.trainedProperty().get()).isTrue();
    assertThat(results.getSelectionModel().getSelectedItem().getText()).isEqualTo("Model");
  }
}
