package org.statbench.app.tablebuilder.survey;

/** What the grid's value cells show of a survey table. */
public enum Show {
  ESTIMATE("Estimate"),
  SE("Standard error"),
  INTERVAL("Interval"),
  CV("CV"),
  BASE("Unweighted base");

  private final String text;

  Show(String text) {
    this.text = text;
  }

  @Override
  public String toString() {
    return text;
  }
}
