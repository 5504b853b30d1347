package org.statbench.app.cohort;

/** Which of the Cohorts tab's charts an export is of. */
public enum ChartKind {
  /** Cumulative proportion by duration, one line per cohort or group, with 95% bands. */
  CURVES("cohort-curves.png"),
  /** The fixed-horizon measure by cohort. */
  HORIZON("cohort-within-horizon.png");

  private final String fileName;

  ChartKind(String fileName) {
    this.fileName = fileName;
  }

  /** The file name offered when exporting. */
  public String fileName() {
    return fileName;
  }
}
