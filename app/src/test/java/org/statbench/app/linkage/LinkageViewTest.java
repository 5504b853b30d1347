package org.statbench.app.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.store.AuditEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Linkage tab end to end on the sample pair: pick the datasets, train, move the threshold,
 * accept a grey-zone pair with the keyboard, save the linked dataset.
 */
@ExtendWith(ApplicationExtension.class)
class LinkageViewTest {
  @TempDir Path dir;
  private LinkageFixture fx;
  private LinkageViewModel vm;

  @Start
  void start(Stage stage) {
    fx = new LinkageFixture(dir);
    vm = new LinkageViewModel(fx.context);
    stage.setScene(
        new Scene((javafx.scene.Parent) new LinkageView(vm, fx.tasks).node(), 1400, 900));
    // the stage is shared by the test classes: one sized by another test keeps its size otherwise
    stage.setWidth(1400);
    stage.setHeight(900);
    stage.show();
  }

  @AfterEach
  void close() {
    fx.ws.close();
  }

  @SuppressWarnings("unchecked")
  @Test
  void trainReviewWithTheKeyboardAndSaveTheLinkedDataset(FxRobot robot) throws Exception {
    ComboBox<String> left = robot.lookup("#linkLeft").queryAs(ComboBox.class);
    ComboBox<String> right = robot.lookup("#linkRight").queryAs(ComboBox.class);
    robot.interact(
        () -> {
          left.setValue("customers");
          right.setValue("recipients");
        });
    assertThat(robot.lookup("#linkFields").queryAs(TableView.class).getItems()).hasSize(6);
    assertThat(robot.lookup("#linkPairs").queryAs(Label.class).getText()).startsWith("At most");
    // one-to-one is the view-model's, and only for two datasets
    javafx.scene.control.CheckBox oneToOne =
        robot.lookup("#linkOneToOne").queryAs(javafx.scene.control.CheckBox.class);
    robot.clickOn(oneToOne);
    assertThat(vm.oneToOneProperty().get()).isTrue();
    robot.interact(() -> right.setValue(LinkageViewModel.DEDUPLICATE));
    assertThat(oneToOne.isDisabled()).isTrue();
    robot.interact(
        () -> {
          right.setValue("recipients");
          oneToOne.setSelected(false);
        });
    assertThat(oneToOne.isDisabled()).isFalse();

    // Load model… with a file that is no model: a dialog names the file
    java.nio.file.Path bad = dir.resolve("bad.json");
    java.nio.file.Files.writeString(bad, "not json");
    fx.dialogs.files.add(bad);
    robot.clickOn("#linkSectionModel .title"); // the model file section starts closed
    robot.clickOn("#linkLoadModel");
    assertThat(fx.dialogs.errors).singleElement().asString().contains("bad.json");

    // a match key before the model: its links show their stage in the links table
    robot.clickOn("#linkSectionKeys .title"); // so do the match keys
    robot.clickOn("#linkNewKey").write("forename+surname+dob+postcode");
    robot.clickOn("#linkAddKey");

    // a wide review band so there is a grey zone to review
    robot.interact(() -> robot.lookup("#linkReviewFrom").queryAs(Slider.class).setValue(-4));
    robot.clickOn("#linkTrain");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.trainedProperty().get()).isTrue();
    assertThat(robot.lookup("#linkLevels").queryAs(TableView.class).getItems()).isNotEmpty();

    // the threshold slider: fewer links at a stricter threshold
    Label text = robot.lookup("#linkThresholdText").queryAs(Label.class);
    robot.clickOn("#linkWeightsTab");
    // the count axis is logarithmic by default: the top is a whole power of ten (log10(n) + 1)
    javafx.scene.chart.NumberAxis counts =
        robot.lookup("#linkHistogramCounts").queryAs(javafx.scene.chart.NumberAxis.class);
    long most = vm.histogram().stream().mapToLong(LinkageCharts.Bar::pairs).max().orElseThrow();
    assertThat(counts.getUpperBound()).isEqualTo(Math.ceil(Math.log10(most) + 1));
    robot.interact(() -> robot.lookup("#linkThreshold").queryAs(Slider.class).setValue(0));
    String loose = text.getText();
    robot.interact(() -> robot.lookup("#linkThreshold").queryAs(Slider.class).setValue(15));
    String strict = text.getText();
    assertThat(links(loose)).isGreaterThan(links(strict));

    assertThat(robot.lookup("#linkLinks").queryAs(TableView.class).getItems())
        .anySatisfy(
            p ->
                assertThat(((LinkageViewModel.PairRow) p).stage())
                    .isEqualTo("key:forename+surname+dob+postcode"));

    // keyboard review: A accepts the pair under review
    robot.clickOn("#linkReviewTab");
    int before = vm.resultProperty().get().links().size();
    assertThat(vm.currentReviewProperty().get()).isNotNull();
    robot.clickOn("#linkReviewFields");
    robot.type(KeyCode.A);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.resultProperty().get().links().size()).isEqualTo(before + 1);
    assertThat(fx.ws.auditLog().entries()).extracting(AuditEntry::type).contains("link-review");

    // save as a linked dataset: it appears in the workspace's datasets
    robot.clickOn("#linkOutputsTab");
    robot.clickOn("#linkSaveName").write("linked");
    robot.clickOn("#linkSave");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx.context.workspace().datasets()).extracting(d -> d.name()).contains("linked");
    assertThat(left.getItems()).contains("linked");

    // deduplication has a review queue too: R rejects the pair under review, audited
    robot.interact(() -> right.setValue(LinkageViewModel.DEDUPLICATE));
    robot.interact(() -> robot.lookup("#linkReviewFrom").queryAs(Slider.class).setValue(-4));
    robot.clickOn("#linkTrain");
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#linkReviewTab");
    assertThat(vm.currentReviewProperty().get()).isNotNull();
    long reviews =
        fx.ws.auditLog().entries().stream().filter(e -> e.type().equals("link-review")).count();
    robot.clickOn("#linkReviewFields");
    robot.type(KeyCode.R);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx.ws.auditLog().entries().stream().filter(e -> e.type().equals("link-review")))
        .hasSize((int) reviews + 1);
  }

  private static long links(String thresholdText) {
    // "p ≥ 0.500 (0.0 bits): 1,234 links; ..."
    String n =
        thresholdText.substring(thresholdText.indexOf("): ") + 3, thresholdText.indexOf(" links"));
    return Long.parseLong(n.replace(",", ""));
  }
}
