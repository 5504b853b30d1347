package org.statbench.tabulate.survey;

import org.statbench.core.table.Table;

/**
 * A table of survey estimates: the point estimates as an ordinary {@link Table} (whose record
 * counts are the unweighted bases and whose contributions feed the disclosure checks) and per cell
 * its standard error, interval, coefficient of variation and design effect. NaN where a quantity is
 * undefined (an empty domain; a design effect for a ratio, quantile or Gini; an interval end a
 * Woodruff interval cannot reach). Percentages have standard errors in percentage points.
 * Immutable.
 */
public final class SurveyTable {
  private final Table table;
  private final String measureLabel;
  private final double level;
  private final double[] se;
  private final double[] lower;
  private final double[] upper;
  private final double[] deff;

  SurveyTable(
      Table table,
      String measureLabel,
      double level,
      double[] se,
      double[] lower,
      double[] upper,
      double[] deff) {
    this.table = table;
    this.measureLabel = measureLabel;
    this.level = level;
    this.se = se.clone();
    this.lower = lower.clone();
    this.upper = upper.clone();
    this.deff = deff.clone();
  }

  /** The point estimates (values), unweighted record counts and contributions. */
  public Table table() {
    return table;
  }

  /** The measure's label for the long CSV ({@code count}, {@code row%:count}, {@code gini:V}). */
  public String measureLabel() {
    return measureLabel;
  }

  /** The confidence level of the intervals, e.g. 0.95. */
  public double level() {
    return level;
  }

  public double estimate(int cell) {
    return table.value(cell);
  }

  public double se(int cell) {
    return se[cell];
  }

  public double lower(int cell) {
    return lower[cell];
  }

  public double upper(int cell) {
    return upper[cell];
  }

  /** Coefficient of variation SE / |estimate| (a fraction, not a percentage); NaN at 0. */
  public double cv(int cell) {
    double v = table.value(cell);
    return v == 0 || Double.isNaN(v) ? Double.NaN : se[cell] / Math.abs(v);
  }

  /** Design effect: the design variance over the variance of a simple random sample. */
  public double deff(int cell) {
    return deff[cell];
  }

  /** Unweighted records in the cell. */
  public long base(int cell) {
    return table.count(cell);
  }

  public int cellCount() {
    return table.cellCount();
  }

  /** A copy with other point estimates in the table (e.g. after protection). */
  public SurveyTable withTable(Table t) {
    return new SurveyTable(t, measureLabel, level, se, lower, upper, deff);
  }
}
