package org.statbench.tabulate.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.statbench.core.InputException;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.spec.Band;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.TableSpec;
import org.statbench.tabulate.RecordFilters;

/**
 * Quantile groups of a variable (deciles, quintiles, percentiles) as a dimension: the cut points
 * are the weighted quantiles {@code i/n} of the variable over the records the spec's filters keep
 * (the engine's weighted quantile definition), written as half-open bands {@code LO-<HI} (a value
 * on a cut point goes to the group above), the first open below ({@code <HI}), the last open above
 * ({@code LO+}); cut points are rounded to 10 significant digits and repeated cut points merged.
 * With {@code sum:V} and column percentages the table gives each group's share of the total; with
 * {@code mean:V} each group's mean; the labels give the bounds. Standard errors treat the cut
 * points as fixed.
 */
public final class QuantileGroups {
  private QuantileGroups() {}

  /**
   * The spec with {@code variable} banded into {@code n} weighted quantile groups; the variable
   * becomes the outermost row dimension when it is not a dimension yet.
   *
   * @param weight weight variable, or null for unit weights
   * @throws InputException when the variable is not numeric or has no values
   */
  public static TableSpec apply(
      TableSpec spec, String variable, int n, String weight, DatasetColumns data) {
    Bands bands = bands(data, variable, n, weight, RecordFilters.keep(data, spec.filters()));
    TableSpec s = spec;
    if (s.dimensions().stream().noneMatch(d -> d.variable().equals(variable))) {
      List<DimensionSpec> rows = new ArrayList<>();
      rows.add(DimensionSpec.of(variable));
      rows.addAll(s.rows());
      s = s.withRows(rows);
    }
    return s.withDerivation(variable, bands);
  }

  /** The bands of {@code n} weighted quantile groups of the kept records (null keeps all). */
  public static Bands bands(
      DatasetColumns data, String variable, int n, String weight, boolean[] keep) {
    if (n < 2) {
      throw new InputException("Quantile groups need at least 2 groups, got " + n);
    }
    Column c = data.column(variable);
    if (!(c instanceof NumericColumn num)) {
      throw new InputException(
          "Quantile groups need a numeric variable: '" + variable + "' is " + c.type().key());
    }
    double[] y = num.values();
    double[] w = weight == null ? null : DesignVariables.weights(weight, data);
    int m = 0;
    int[] rec = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      if ((keep == null || keep[i]) && y[i] == y[i] && (w == null || w[i] > 0)) {
        rec[m++] = i;
      }
    }
    if (m == 0) {
      throw new InputException("Quantile groups of '" + variable + "': no values");
    }
    Integer[] boxed = new Integer[m];
    for (int k = 0; k < m; k++) {
      boxed[k] = rec[k];
    }
    Arrays.sort(boxed, (p, q) -> Double.compare(y[p], y[q]));
    int[] sorted = new int[m];
    for (int k = 0; k < m; k++) {
      sorted[k] = boxed[k];
    }
    double[] ww = w;
    if (ww == null) {
      ww = new double[y.length];
      Arrays.fill(ww, 1);
    }
    double min = y[sorted[0]];
    double max = y[sorted[m - 1]];
    List<Band> out = new ArrayList<>();
    double start = min;
    for (int i = 1; i < n; i++) {
      double cut = Bands.readable(SurveyEstimator.quantile(sorted, y, ww, (double) i / n));
      if (cut > start && cut <= max) {
        // the first group is open below, so values outside the kept records' range still fall in
        // a group (no "Other")
        out.add(Band.halfOpen(out.isEmpty() ? Double.NEGATIVE_INFINITY : start, cut));
        start = cut;
      }
    }
    out.add(Band.of(start, Double.POSITIVE_INFINITY));
    return new Bands(out);
  }
}
