package org.statbench.app.tablebuilder;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The toolbar's heat-map switch and, while it is on, its legend: the shade from the smallest to the
 * largest data cell of the shown wafer, with both values in the table's number format.
 */
final class HeatMapControl extends HBox {
  private final Label low = new Label();
  private final Label high = new Label();
  private final HBox legend;

  HeatMapControl(BooleanProperty heatMap) {
    super(6);
    CheckBox heat = new CheckBox("Heat map");
    heat.setId("heatMap");
    heat.selectedProperty().bindBidirectional(heatMap);
    Region bar = new Region();
    bar.getStyleClass().add("heat-legend-bar");
    low.setId("heatLow");
    high.setId("heatHigh");
    legend = new HBox(4, low, bar, high);
    legend.setId("heatLegend");
    legend.setAlignment(Pos.CENTER_LEFT);
    legend.visibleProperty().bind(heatMap);
    legend.managedProperty().bind(heatMap);
    setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(heat, legend);
  }

  /** Shows the scale of a laid-out table. */
  void show(GridLayout layout) {
    double[] range = layout.heatRange();
    low.setText(Double.isNaN(range[0]) ? "" : layout.format(range[0]));
    high.setText(Double.isNaN(range[1]) ? "" : layout.format(range[1]));
  }
}
