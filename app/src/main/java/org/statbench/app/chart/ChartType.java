package org.statbench.app.chart;

/** The kinds of chart the Chart tab draws. */
public enum ChartType {
  BAR("Bar"),
  STACKED_BAR("Stacked bar"),
  LINE("Line");

  private final String label;

  ChartType(String label) {
    this.label = label;
  }

  /** Menu text. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
