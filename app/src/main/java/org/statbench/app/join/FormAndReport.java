package org.statbench.app.join;

import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * The join form with its match report beside it when the width allows both at their preferred
 * widths, otherwise below it (at 1024x700 in presenter mode the report was pushed off the right of
 * the window, its Export button with it). Stacked, it asks for the height of both, so a scroll pane
 * around it scrolls instead of squeezing.
 */
final class FormAndReport extends Pane {
  private final Region form;
  private final Region report;
  private final double gap;

  FormAndReport(Region form, Region report, double gap) {
    this.form = form;
    this.report = report;
    this.gap = gap;
    getChildren().addAll(form, report);
  }

  /** True when {@code width} cannot hold the form and the report side by side. */
  boolean stacked(double width) {
    return width < form.prefWidth(-1) + gap + report.prefWidth(-1);
  }

  private double widthOr(double width) {
    return width > 0 ? width : getWidth() > 0 ? getWidth() : Double.MAX_VALUE;
  }

  @Override
  protected double computePrefWidth(double height) {
    return form.prefWidth(-1) + gap + report.prefWidth(-1);
  }

  @Override
  protected double computeMinWidth(double height) {
    return Math.max(form.minWidth(-1), report.minWidth(-1));
  }

  @Override
  protected double computePrefHeight(double width) {
    double w = widthOr(width);
    return stacked(w)
        ? form.prefHeight(-1) + gap + report.prefHeight(w)
        : Math.max(form.prefHeight(-1), report.prefHeight(-1));
  }

  @Override
  protected double computeMinHeight(double width) {
    // the form whole, and stacked the report whole too: a scroll pane around scrolls instead
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double formWidth = Math.min(w, form.prefWidth(-1));
    double formHeight = form.prefHeight(formWidth);
    form.resizeRelocate(0, 0, formWidth, formHeight);
    if (stacked(w)) {
      double top = formHeight + gap;
      report.resizeRelocate(0, top, w, Math.max(report.prefHeight(w), getHeight() - top));
    } else {
      double left = formWidth + gap;
      report.resizeRelocate(left, 0, w - left, getHeight());
    }
  }
}
