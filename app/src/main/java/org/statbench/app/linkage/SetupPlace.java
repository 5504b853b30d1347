package org.statbench.app.linkage;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Puts the Linkage tab's set-up beside the results when the tab is wide enough for both (see {@link
 * SetupPlacement}), otherwise as the first of the results' tabs, and moves it when the width or the
 * text size changes. In tabs, the set-up is in front until a model is trained, and a finished
 * training brings the model's tab to the front. Nodes only; the decision is {@link
 * SetupPlacement}'s.
 */
final class SetupPlace {
  private final LinkageViewModel vm;
  private final StackPane root;
  private final Node setup;
  private final TabPane results;
  private final Tab setupTab = new Tab("Set-up");
  private final SplitPane split = new SplitPane();
  private final Label fontProbe = new Label(); // the theme's text size, for widths in em
  private Boolean beside; // null until the tab first has a width

  /** Places {@code setup} and {@code results} in {@code root} from now on. */
  SetupPlace(LinkageViewModel vm, StackPane root, Node setup, TabPane results) {
    this.vm = vm;
    this.root = root;
    this.setup = setup;
    this.results = results;
    setupTab.setId("linkSetupTab");
    split.setId("linkage");
    fontProbe.setManaged(false);
    fontProbe.setVisible(false);
    DoubleBinding em =
        Bindings.createDoubleBinding(() -> fontProbe.getFont().getSize(), fontProbe.fontProperty());
    ((Region) setup).minWidthProperty().bind(em.multiply(SetupPlacement.SETUP_MIN_EM));
    results.minWidthProperty().bind(em.multiply(SetupPlacement.RESULTS_MIN_EM));
    root.getChildren().setAll(fontProbe);
    root.setMinWidth(0);
    root.widthProperty().addListener((o, a, b) -> place());
    fontProbe.fontProperty().addListener((o, a, b) -> place());
    vm.trainedProperty()
        .addListener(
            (o, was, now) -> {
              if (now && results.getSelectionModel().getSelectedItem() == setupTab) {
                results.getSelectionModel().select(1);
              }
            });
  }

  /** The size of the theme's text in pixels. */
  double em() {
    return fontProbe.getFont().getSize();
  }

  private void place() {
    double w = root.getWidth();
    if (w <= 0) {
      return;
    }
    boolean wide = SetupPlacement.beside(w, em());
    if (beside != null && beside == wide) {
      return;
    }
    beside = wide;
    root.getChildren().remove(0, root.getChildren().size() - 1); // all but the font probe
    if (wide) {
      results.getTabs().remove(setupTab);
      setupTab.setContent(null);
      split.getItems().setAll(setup, results);
      split.setDividerPositions(SetupPlacement.divider(w, em()));
      root.getChildren().add(0, split);
    } else {
      split.getItems().clear();
      setupTab.setContent(setup);
      results.getTabs().add(0, setupTab);
      if (!vm.trainedProperty().get()) {
        results.getSelectionModel().select(setupTab);
      }
      root.getChildren().add(0, results);
    }
  }
}
