package org.statbench.app.disclosurepanel;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The legend of the grid's disclosure marks, coloured by the same style classes as the cells (so it
 * follows the theme): failing, withheld as primary, withheld as secondary.
 */
final class MarkLegend {
  private MarkLegend() {}

  static Node build() {
    // one entry a line, its words wrapping in a narrow panel or with large text
    VBox legend =
        new VBox(
            4,
            entry("cell-failing", "", "fails a rule"),
            entry("cell-primary", "x", "withheld (primary)"),
            entry("cell-secondary", "x", "withheld (secondary)"));
    legend.setId("disclosure-legend");
    return legend;
  }

  private static Node entry(String style, String symbol, String text) {
    Label swatch = new Label(symbol);
    swatch.getStyleClass().addAll("legend-swatch", style);
    swatch.setAlignment(Pos.CENTER);
    swatch.setMinWidth(Region.USE_PREF_SIZE);
    Label label = new Label(text);
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    HBox box = new HBox(4, swatch, label);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }
}
