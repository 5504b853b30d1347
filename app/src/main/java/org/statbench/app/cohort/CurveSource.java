package org.statbench.app.cohort;

/** What the curves chart draws one line for. */
public enum CurveSource {
  /** The cohorts selected in the triangle (or a spread of cohorts when none is selected). */
  COHORTS("By cohort"),
  /** Each breakdown group, all cohorts pooled (Kaplan-Meier on the duration scale). */
  GROUPS("By group, cohorts pooled");

  private final String text;

  CurveSource(String text) {
    this.text = text;
  }

  @Override
  public String toString() {
    return text;
  }
}
