package org.statbench.app.theme;

import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Two blocks side by side when the width holds both at their preferred widths, otherwise the second
 * below the first at the full width: the join first and its match second (at 1024x700 in presenter
 * mode the second and its Export button were pushed off the right of the window), buttons and the
 * note that explains them (squeezed beside the buttons, the note wrapped to a column of single
 * words). Below, it asks for the height of both, so a scroll pane around it scrolls instead of
 * squeezing.
 */
public final class BesideOrBelow extends Pane {
  private final Region first;
  private final Region second;
  private final double gap;

  /** {@code second} beside or below {@code first}, {@code gap} pixels apart. */
  public BesideOrBelow(Region first, Region second, double gap) {
    this.first = first;
    this.second = second;
    this.gap = gap;
    getChildren().addAll(first, second);
  }

  /** True when {@code width} cannot hold the two side by side. */
  public boolean stacked(double width) {
    return width < first.prefWidth(-1) + gap + second.prefWidth(-1);
  }

  /** The width inside the padding, for a width asked about or the current one. */
  private double inner(double width) {
    double w = width > 0 ? width : getWidth() > 0 ? getWidth() : Double.MAX_VALUE;
    return w - snappedLeftInset() - snappedRightInset();
  }

  private double horizontalInsets() {
    return snappedLeftInset() + snappedRightInset();
  }

  private double verticalInsets() {
    return snappedTopInset() + snappedBottomInset();
  }

  @Override
  protected double computePrefWidth(double height) {
    return first.prefWidth(-1) + gap + second.prefWidth(-1) + horizontalInsets();
  }

  @Override
  protected double computeMinWidth(double height) {
    return Math.max(first.minWidth(-1), second.minWidth(-1)) + horizontalInsets();
  }

  @Override
  protected double computePrefHeight(double width) {
    double w = inner(width);
    return verticalInsets()
        + (stacked(w)
            ? first.prefHeight(-1) + gap + second.prefHeight(w)
            : Math.max(first.prefHeight(-1), second.prefHeight(-1)));
  }

  @Override
  protected double computeMinHeight(double width) {
    // the first whole, and stacked the second whole too: a scroll pane around scrolls instead
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    double x = snappedLeftInset();
    double y = snappedTopInset();
    double w = getWidth() - horizontalInsets();
    double h = getHeight() - verticalInsets();
    double firstWidth = Math.min(w, first.prefWidth(-1));
    double firstHeight = first.prefHeight(firstWidth);
    first.resizeRelocate(x, y, firstWidth, firstHeight);
    if (stacked(w)) {
      double top = firstHeight + gap;
      second.resizeRelocate(x, y + top, w, Math.max(second.prefHeight(w), h - top));
    } else {
      double left = firstWidth + gap;
      second.resizeRelocate(x + left, y, w - left, h);
    }
  }
}
