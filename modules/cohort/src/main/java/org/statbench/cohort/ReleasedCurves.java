package org.statbench.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.statbench.core.InputException;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.Table;

/**
 * Curves and fixed-horizon measures derived only from what a disclosure check lets out: the
 * published values of a protected {@link CohortTable#toCountTable()} (withheld cells NaN). A chart
 * drawn from these shows nothing the released count table does not already give away.
 *
 * <p>Rules (hand-checkable): a cohort's (and group's) size is the published {@code duration =
 * Total} cell; when it is withheld the whole curve is withheld. The number with an event by
 * duration {@code d}, {@code S(d)}, is known when every event count at durations {@code 0..d} is
 * published, or when the count within the horizon ({@link CohortTable#withinCode}, or else {@code
 * size - none}) and every event count at durations {@code d+1..horizon} are (then {@code S(d) =
 * within - sum(d+1..h)}). A point is drawn only when {@code S(d)} is known and the cohort is
 * observed at {@code d} (censoring follows the calendar, which is not disclosive); other observed
 * points are {@link CellStatus#WITHHELD}. Intervals are recomputed from the released numbers with
 * the estimator of the on-screen curve (Wilson for the cohort proportion, Greenwood for
 * Kaplan-Meier).
 *
 * <p>Pooled curves by group (Kaplan-Meier over cohorts on the duration scale) need at each duration
 * the at-risk and event counts of every cohort observed there; the curve stops at the first
 * duration where one of them is not derivable.
 *
 * <p>Only definitions whose censoring is by whole cohort can be derived this way: the cohort
 * proportion, or Kaplan-Meier with monthly cohorts and durations in months and neither an
 * end-of-observation nor a competing event.
 */
public final class ReleasedCurves {
  private ReleasedCurves() {}

  /**
   * One released curve.
   *
   * @param cohort the cohort label, or {@link CohortTable#ALL} for a pooled curve
   * @param group the breakdown codes (empty without a breakdown)
   * @param size the released size, or -1 when withheld
   * @param points durations 0..horizon: observed points with their released values, censored
   *     points, and withheld points (no value)
   */
  public record Curve(String cohort, List<String> group, long size, List<CohortRow> points) {
    public Curve {
      Objects.requireNonNull(cohort, "cohort");
      group = List.copyOf(group);
      points = List.copyOf(points);
    }

    /** True when nothing of the curve may be drawn (its size is withheld or nothing is known). */
    public boolean withheld() {
      return points.stream().noneMatch(CohortRow::hasValue);
    }

    /** True when some observed points are withheld. */
    public boolean partlyWithheld() {
      return !withheld() && points.stream().anyMatch(p -> p.status() == CellStatus.WITHHELD);
    }
  }

  /**
   * @throws InputException when the definition's censoring is not by whole cohort (see the class
   *     comment)
   */
  public static void requireDerivable(CohortSpec spec) {
    boolean byCohort =
        spec.estimator() == Estimator.SIMPLE
            || (spec.end() == null
                && spec.competing() == null
                && spec.period() == CohortPeriod.MONTH
                && spec.unit() == DurationUnit.MONTHS);
    if (!byCohort || spec.competing() != null) {
      throw new InputException(
          "Curves with individual follow-up (an end-of-observation or competing event, or"
              + " Kaplan-Meier on weeks or days) cannot be derived from the released counts:"
              + " export the table, or chart the cohort proportion");
    }
  }

  /** The curve of cohort {@code c} and group {@code g} of {@code t} from the published values. */
  public static Curve cohort(CohortTable t, Table published, int c, int g) {
    requireDerivable(t.spec());
    Known k = known(t, published, c, g);
    List<CohortRow> shown = t.rows(c, g);
    int w = t.horizon() + 1;
    List<CohortRow> out = new ArrayList<>(w);
    boolean km = t.spec().estimator() == Estimator.KAPLAN_MEIER;
    double[][] kmEst = null;
    if (km && k.size >= 0) {
      // Kaplan-Meier of one cohort censored as a whole: at risk = size - events before d while
      // observed; defined only as far as every S(d) is known.
      int upTo = -1;
      while (upTo + 1 < w
          && shown.get(upTo + 1).status() == CellStatus.OBSERVED
          && k.s[upTo + 1] >= 0) {
        upTo++;
      }
      long[] n = new long[upTo + 1];
      long[] e = new long[upTo + 1];
      for (int d = 0; d <= upTo; d++) {
        n[d] = k.size - (d == 0 ? 0 : k.s[d - 1]);
        e[d] = k.s[d] - (d == 0 ? 0 : k.s[d - 1]);
      }
      kmEst = Estimates.kaplanMeier(n, e);
    }
    for (int d = 0; d < w; d++) {
      CohortRow r = shown.get(d);
      if (r.status() == CellStatus.CENSORED) {
        out.add(point(r, -1, -1, Double.NaN, Double.NaN, Double.NaN, CellStatus.CENSORED));
      } else if (k.size == 0) {
        // an empty cohort: no proportion, as on screen
        out.add(point(r, 0, 0, Double.NaN, Double.NaN, Double.NaN, CellStatus.OBSERVED));
      } else if (k.size < 0 || k.s[d] < 0) {
        out.add(point(r, -1, -1, Double.NaN, Double.NaN, Double.NaN, CellStatus.WITHHELD));
      } else {
        long before = d == 0 ? 0 : k.s[d - 1];
        long events = before >= 0 ? k.s[d] - before : -1;
        if (kmEst != null) {
          double[] est =
              d < kmEst.length ? kmEst[d] : new double[] {Double.NaN, Double.NaN, Double.NaN};
          CellStatus st = Double.isNaN(est[0]) ? CellStatus.WITHHELD : CellStatus.OBSERVED;
          out.add(point(r, before >= 0 ? k.size - before : -1, events, est[0], est[1], est[2], st));
        } else {
          double[] ci = Estimates.wilson(k.s[d], k.size);
          out.add(
              point(
                  r,
                  before >= 0 ? k.size - before : -1,
                  events,
                  (double) k.s[d] / k.size,
                  ci[0],
                  ci[1],
                  CellStatus.OBSERVED));
        }
      }
    }
    return new Curve(t.cohorts().get(c), t.groups().get(g), k.size, out);
  }

  /**
   * The pooled Kaplan-Meier curve of group {@code g} over all cohorts from the published values: at
   * duration {@code d}, the cohorts observed at {@code d} contribute their members without an event
   * before {@code d} as at risk and their events at {@code d}. Each such sum is taken from the
   * cohorts' own released counts, or from the group's released margin over all cohorts less the
   * released counts of the cohorts not observed at {@code d}; the curve stops at the first duration
   * where neither is possible.
   */
  public static Curve pooled(CohortTable t, Table published, int g) {
    requireDerivable(t.spec());
    int w = t.horizon() + 1;
    int nc = t.cohorts().size();
    Known[] known = new Known[nc];
    long[] sizes = new long[nc];
    long[][] events = new long[w][nc];
    for (int c = 0; c < nc; c++) {
      known[c] = known(t, published, c, g);
      sizes[c] = known[c].size;
      for (int d = 0; d < w; d++) {
        events[d][c] = known[c].e[d];
      }
    }
    Known margin = known(t, published, -1, g);
    List<Long> atRisk = new ArrayList<>();
    List<Long> eventsAt = new ArrayList<>();
    for (int d = 0; d < w; d++) {
      boolean[] observed = new boolean[nc];
      boolean any = false;
      for (int c = 0; c < nc; c++) {
        observed[c] = t.rows(c, g).get(d).status() == CellStatus.OBSERVED;
        any |= observed[c];
      }
      if (!any) {
        break;
      }
      long n = sumOver(observed, sizes, margin.size);
      for (int k = 0; k < d && n >= 0; k++) {
        long before = sumOver(observed, events[k], margin.e[k]);
        n = before < 0 ? -1 : n - before;
      }
      long e = sumOver(observed, events[d], margin.e[d]);
      if (n < 0 || e < 0) {
        break;
      }
      atRisk.add(n);
      eventsAt.add(e);
    }
    long size = margin.size;
    double[][] est =
        Estimates.kaplanMeier(
            atRisk.stream().mapToLong(Long::longValue).toArray(),
            eventsAt.stream().mapToLong(Long::longValue).toArray());
    List<CohortRow> shown = t.pooledRows(g);
    List<CohortRow> out = new ArrayList<>(w);
    for (int d = 0; d < w; d++) {
      CohortRow r = shown.get(d);
      if (d < est.length && !Double.isNaN(est[d][0])) {
        out.add(
            point(
                r,
                atRisk.get(d),
                eventsAt.get(d),
                est[d][0],
                est[d][1],
                est[d][2],
                CellStatus.OBSERVED));
      } else if (r.status() == CellStatus.CENSORED) {
        out.add(point(r, -1, -1, Double.NaN, Double.NaN, Double.NaN, CellStatus.CENSORED));
      } else {
        out.add(point(r, -1, -1, Double.NaN, Double.NaN, Double.NaN, CellStatus.WITHHELD));
      }
    }
    return new Curve(CohortTable.ALL, t.groups().get(g), size, out);
  }

  /**
   * The sum of {@code values} over the cohorts in {@code in}: directly when each is known, else the
   * margin less the others when those are known; -1 when neither.
   */
  private static long sumOver(boolean[] in, long[] values, long margin) {
    long inside = 0;
    long outside = 0;
    boolean insideKnown = true;
    boolean outsideKnown = margin >= 0;
    for (int c = 0; c < in.length; c++) {
      if (in[c]) {
        if (values[c] < 0) {
          insideKnown = false;
        } else {
          inside += values[c];
        }
      } else if (values[c] < 0) {
        outsideKnown = false;
      } else {
        outside += values[c];
      }
    }
    if (insideKnown) {
      return inside;
    }
    return outsideKnown ? margin - outside : -1;
  }

  /**
   * The fixed-horizon measure of every cohort and group (in {@link CohortTable#horizonMeasures()}
   * order) from the published values: the size and the number with an event within the horizon
   * ({@code size - none}) when both are released and the cohort is old enough; otherwise the
   * proportion is NaN with status {@link CellStatus#WITHHELD} (or censored), and withheld counts
   * are -1.
   */
  public static List<HorizonMeasure> horizon(CohortTable t, Table published) {
    requireDerivable(t.spec());
    List<HorizonMeasure> out = new ArrayList<>();
    int h = t.horizon();
    for (int c = 0; c < t.cohorts().size(); c++) {
      for (int g = 0; g < t.groups().size(); g++) {
        Curve curve = cohort(t, published, c, g);
        CohortRow last = curve.points().get(h);
        Known k = known(t, published, c, g);
        out.add(
            new HorizonMeasure(
                t.cohorts().get(c),
                t.groups().get(g),
                k.size,
                k.s[h],
                last.cumulative(),
                last.lower(),
                last.upper(),
                last.status()));
      }
    }
    return out;
  }

  private static CohortRow point(
      CohortRow r,
      long atRisk,
      long events,
      double cum,
      double lower,
      double upper,
      CellStatus status) {
    return new CohortRow(
        r.cohort(), r.group(), r.duration(), atRisk, events, cum, lower, upper, status);
  }

  /**
   * Released size, known S(d) and known event counts e(d) (-1 when withheld and not derivable) of
   * cohort {@code c} (-1: the margin over all cohorts) and group {@code g}.
   */
  private record Known(long size, long[] s, long[] e) {}

  private static Known known(CohortTable t, Table published, int c, int g) {
    int h = t.horizon();
    List<Dimension> dims = published.dimensions();
    int k = dims.size();
    int[] coord = new int[k];
    coord[0] = c >= 0 ? c : dims.get(0).totalIndex();
    for (int v = 0; v < k - 2; v++) {
      coord[1 + v] = position(dims.get(1 + v), t.groups().get(g).get(v));
    }
    Dimension duration = dims.get(k - 1);
    double[] e = new double[h + 1];
    for (int d = 0; d <= h; d++) {
      coord[k - 1] = position(duration, Integer.toString(d));
      e[d] = published.value(published.index(coord));
    }
    coord[k - 1] = position(duration, CohortTable.NO_EVENT);
    double none = published.value(published.index(coord));
    coord[k - 1] = position(duration, CohortTable.withinCode(h));
    double within = published.value(published.index(coord));
    coord[k - 1] = duration.totalIndex();
    double sizeValue = published.value(published.index(coord));
    long size = Double.isNaN(sizeValue) ? -1 : Math.round(sizeValue);
    long[] s = new long[h + 1];
    java.util.Arrays.fill(s, -1);
    long[] known = new long[h + 1];
    for (int d = 0; d <= h; d++) {
      known[d] = Double.isNaN(e[d]) ? -1 : Math.round(e[d]);
    }
    if (size < 0) {
      return new Known(-1, s, known);
    }
    // From the start: S(d) known while every count 0..d is published.
    long sum = 0;
    for (int d = 0; d <= h && !Double.isNaN(e[d]); d++) {
      sum += Math.round(e[d]);
      s[d] = sum;
    }
    // From the end: S(h) is the count within the horizon (or size - none), and S(d) = S(h) -
    // sum(d+1..h) while those are published.
    long total =
        !Double.isNaN(within)
            ? Math.round(within)
            : !Double.isNaN(none) ? size - Math.round(none) : -1;
    if (total >= 0) {
      long after = 0;
      for (int d = h; d >= 0; d--) {
        s[d] = total - after;
        if (Double.isNaN(e[d])) {
          break;
        }
        after += Math.round(e[d]);
      }
    }
    // An event count withheld but between two known S is derivable anyway.
    for (int d = 0; d <= h; d++) {
      long before = d == 0 ? 0 : s[d - 1];
      if (known[d] < 0 && s[d] >= 0 && before >= 0) {
        known[d] = s[d] - before;
      }
    }
    return new Known(size, s, known);
  }

  private static int position(Dimension dim, String code) {
    for (int i = 0; i < dim.size(); i++) {
      if (!dim.isTotal(i) && dim.code(i).equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException("No category '" + code + "' in " + dim.variable());
  }
}
