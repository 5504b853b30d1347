package org.statbench.app.cohort;

import java.util.List;
import java.util.Objects;
import org.statbench.cohort.CohortTable;
import org.statbench.cohort.HorizonMeasure;

/**
 * What an exported chart shows: the chart on screen redrawn from the published values of the
 * protected count table only ({@link org.statbench.cohort.ReleasedCurves}). Curves or measures the
 * disclosure check withholds are not drawn and are named in {@code withheld}.
 *
 * @param kind curves or fixed-horizon measure
 * @param table the computed result (definition, labels, calendar censoring; not its counts)
 * @param source what the curves are of (cohorts or pooled groups)
 * @param curves the released curves drawn, labelled as on screen ({@code (partly withheld)} when
 *     some observed points are withheld); empty for the fixed-horizon chart
 * @param horizon the released fixed-horizon measures (NaN when withheld); empty for curves
 * @param withheld labels of curves, or cohorts of measures, withheld entirely
 */
public record ReleasedChart(
    ChartKind kind,
    CohortTable table,
    CurveSource source,
    List<Curve> curves,
    List<HorizonMeasure> horizon,
    List<String> withheld) {
  public ReleasedChart {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(table, "table");
    curves = List.copyOf(curves);
    horizon = List.copyOf(horizon);
    withheld = List.copyOf(withheld);
  }
}
