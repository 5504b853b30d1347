package org.statbench.app.tablebuilder;

/** The drop zones of the table builder. */
public enum Zone {
  ROWS("Rows"),
  COLUMNS("Columns"),
  WAFERS("Wafers"),
  FILTERS("Filters");

  private final String title;

  Zone(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
