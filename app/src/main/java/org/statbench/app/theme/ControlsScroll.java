package org.statbench.app.theme;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * A block of controls above a feature's results that scrolls once it would take more than a share
 * of the window's height, so that at small windows and presenter mode's larger text the results
 * (charts, heat maps) stay on screen instead of being pushed below the window.
 */
public final class ControlsScroll {
  private ControlsScroll() {}

  /**
   * Wraps {@code controls} in a scroll pane as tall as the controls need but at most {@code share}
   * of the window's height; wider than the pane, it scrolls sideways rather than squeezing.
   */
  public static ScrollPane capped(Node controls, double share) {
    ScrollPane scroll =
        new ScrollPane(controls) {
          // a BorderPane gives its top child the preferred height, so the cap is on that
          @Override
          protected double computePrefHeight(double width) {
            double full = super.computePrefHeight(width);
            Scene scene = getScene();
            return scene == null ? full : Math.min(full, share * scene.getHeight());
          }
        };
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
    scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
    scroll.getStyleClass().add("edge-to-edge");
    scroll.setMinHeight(48);
    scroll
        .sceneProperty()
        .addListener(
            (o, was, scene) -> {
              if (scene != null) {
                scene.heightProperty().addListener(h -> scroll.requestLayout());
              }
            });
    return scroll;
  }
}
