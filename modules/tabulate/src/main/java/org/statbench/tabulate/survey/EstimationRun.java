package org.statbench.tabulate.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.spec.Percentage;
import org.statbench.core.table.Dimension;
import org.statbench.tabulate.Cube;
import org.statbench.tabulate.LeafAssignment;

// Size (over 500 lines): each estimator's variance (linear, percentages, ratios, replicate weights,
// quantiles' Woodruff intervals, the Gini), degrees of freedom and design effect per cell, from one
// design frame and one set of sums; the formulas are documented on SurveyEstimator and read best
// side by side.
/**
 * One estimation of {@link SurveyEstimator}: per cell of the all-totals layout the estimate, its
 * standard error, interval and design effect, from the design frame and the sums of the records
 * ({@link DesignSums}, adopted from a pass in memory or a streamed one).
 */
final class EstimationRun {
  final DesignFrame f;
  final LeafAssignment la;
  final SurveyMeasure measure;
  final SurveyMeasure.Kind kind;
  final Percentage pct;
  final double level;
  final CancellationToken cancel;
  final double[] y;
  final double[] x;
  final int cells;
  final double[] est;
  final double[] se;
  final double[] lower;
  final double[] upper;
  final double[] deff;
  final double z;
  final int[][] leavesOfCell;
  final int[] margin;
  // scratch: per PSU totals and the PSUs touched
  final double[] pa;
  final double[] pb;
  final int[] touched;
  int touchedCount;
  final boolean[] isTouched;
  final double[] sh;
  final double[] shh;
  final boolean[] stratumSeen;
  final int[] strataTouched;
  final int okStrata;
  final int allStrata;
  // each record its own PSU (no PSU variable, no replicates): per stratum the cell's sums of the
  // records' pa, pb, pa^2, pa pb and pb^2 (see strataVariance)
  final boolean perRecord;
  final double[] ca;
  final double[] cb;
  final double[] caa;
  final double[] cab;
  final double[] cbb;
  // per cell weighted totals (and per replicate) for margins of percentages
  final Map<Integer, double[]> marginPsu = new HashMap<>();
  final Map<Integer, int[]> marginTouched = new HashMap<>();

  EstimationRun(
      DesignFrame f,
      LeafAssignment la,
      SurveyMeasure measure,
      Percentage pct,
      DatasetColumns data,
      double level,
      CancellationToken cancel) {
    this.f = f;
    this.la = la;
    this.measure = measure;
    this.kind = measure.kind();
    this.pct = pct;
    this.level = level;
    this.cancel = cancel;
    // null data: the sums come from a streamed pass ({@link #adopt})
    this.y = measure.variable() == null || data == null ? null : numeric(measure.variable(), data);
    this.x =
        measure.denominator() == null || data == null ? null : numeric(measure.denominator(), data);
    this.cells = la.outputCellCount();
    est = new double[cells];
    se = new double[cells];
    lower = new double[cells];
    upper = new double[cells];
    deff = new double[cells];
    z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
    int leaves = la.leafCount();
    List<List<Integer>> lists = new ArrayList<>();
    for (int o = 0; o < cells; o++) {
      lists.add(new ArrayList<>());
    }
    for (int l = 1; l <= leaves; l++) {
      for (int o : la.outputCells(l)) {
        lists.get(o).add(l);
      }
    }
    leavesOfCell = new int[cells][];
    for (int o = 0; o < cells; o++) {
      leavesOfCell[o] = lists.get(o).stream().mapToInt(Integer::intValue).toArray();
    }
    margin = margins(la.dimensions(), pct);
    pa = new double[f.psuCount];
    pb = new double[f.psuCount];
    touched = new int[f.psuCount];
    isTouched = new boolean[f.psuCount];
    sh = new double[f.strata];
    shh = new double[f.strata];
    stratumSeen = new boolean[f.strata];
    strataTouched = new int[f.strata];
    int ok = 0;
    int all = 0;
    for (int h = 0; h < f.strata; h++) {
      if (f.psusInStratum[h] > 0) {
        all++;
        if (f.psusInStratum[h] > 1) {
          ok++;
        }
      }
    }
    okStrata = ok;
    allStrata = all;
    perRecord = f.reps == null && f.design.psu() == null;
    int hs = perRecord ? f.strata : 0;
    ca = new double[hs];
    cb = new double[hs];
    caa = new double[hs];
    cab = new double[hs];
    cbb = new double[hs];
  }

  static double[] numeric(String v, DatasetColumns data) {
    Column c = data.column(v);
    if (!(c instanceof NumericColumn n)) {
      throw new InputException(
          "Survey estimates need a numeric variable: '" + v + "' is " + c.type().key());
    }
    return n.values();
  }

  /** Per cell the margin a percentage divides by, or null. */
  private static int[] margins(List<Dimension> dims, Percentage pct) {
    if (pct == Percentage.NONE) {
      return null;
    }
    int nd = dims.size();
    int[] size = new int[nd];
    int[] stride = new int[nd];
    int n = 1;
    for (int d = nd - 1; d >= 0; d--) {
      size[d] = dims.get(d).size();
      stride[d] = n;
      n *= size[d];
    }
    int[] out = new int[n];
    for (int o = 0; o < n; o++) {
      int g = 0;
      for (int d = 0; d < nd; d++) {
        int c = (o / stride[d]) % size[d];
        boolean toTotal = Cube.dividesByTotal(pct, dims.get(d).role());
        g += (toTotal ? size[d] - 1 : c) * stride[d];
      }
      out[o] = g;
    }
    return out;
  }

  /** When set, each cell's linearised PSU totals (or replicate estimates) are kept. */
  boolean keep;

  int current;
  final Map<Integer, int[]> keptPsus = new HashMap<>();
  final Map<Integer, double[]> keptU = new HashMap<>();
  final Map<Integer, double[]> keptReplicates = new HashMap<>();
  // each record its own PSU: per cell its strata and their sums of u and u^2
  final Map<Integer, int[]> keptStrata = new HashMap<>();
  final Map<Integer, double[]> keptSh = new HashMap<>();
  final Map<Integer, double[]> keptShh = new HashMap<>();

  /**
   * Variance of the difference of two cells' estimates (b minus a) from their kept linearised PSU
   * totals or replicate estimates: the covariance of the same PSUs in both is counted.
   */
  double differenceVariance(int a, int b) {
    if (f.reps != null) {
      double[] ta = keptReplicates.get(a);
      double[] tb = keptReplicates.get(b);
      double[] d = new double[ta.length];
      for (int k = 0; k < d.length; k++) {
        d[k] = tb[k] - ta[k];
      }
      return replicateVariance(d);
    }
    if (perRecord) {
      // the two cells are different waves, so no record (PSU) is in both: per stratum the sums
      // of u subtract and the sums of u^2 add
      int st = 0;
      for (int c : new int[] {b, a}) {
        int[] hs = keptStrata.get(c);
        double[] s1 = keptSh.get(c);
        double[] s2 = keptShh.get(c);
        for (int k = 0; k < hs.length; k++) {
          int h = hs[k];
          st = seeStratum(h, st);
          sh[h] += c == b ? s1[k] : -s1[k];
          shh[h] += s2[k];
        }
      }
      return combine(st);
    }
    resetPsus();
    int[] pa2 = keptPsus.get(b);
    double[] ub = keptU.get(b);
    for (int k = 0; k < pa2.length; k++) {
      touch(pa2[k]);
      pa[pa2[k]] += ub[k];
    }
    int[] ps = keptPsus.get(a);
    double[] ua = keptU.get(a);
    for (int k = 0; k < ps.length; k++) {
      touch(ps[k]);
      pa[ps[k]] -= ua[k];
    }
    boolean was = keep;
    keep = false;
    double v = variance(0, 1);
    keep = was;
    return v;
  }

  void compute() {
    for (int o = 0; o < cells; o++) {
      if ((o & 63) == 0) {
        cancel.throwIfCancelled();
      }
      current = o;
      switch (kind) {
        case QUANTILE -> woodruff(o);
        case GINI -> giniFromSums(o);
        default -> linear(o);
      }
    }
  }

  private double a(int i) {
    return kind == SurveyMeasure.Kind.COUNT ? 1 : y[i];
  }

  private double b(int i) {
    return kind == SurveyMeasure.Kind.RATIO ? x[i] : 1;
  }

  private void resetPsus() {
    for (int k = 0; k < touchedCount; k++) {
      int p = touched[k];
      pa[p] = 0;
      pb[p] = 0;
      isTouched[p] = false;
    }
    touchedCount = 0;
  }

  private void touch(int p) {
    if (!isTouched[p]) {
      isTouched[p] = true;
      touched[touchedCount++] = p;
    }
  }

  // ---- linear estimators: one sequential pass accumulates per (PSU, leaf) and per leaf ----

  /** Per (PSU, leaf) slot, grouped by leaf: slots of leaf l are [slotStart[l], slotStart[l+1]). */
  int[] slotStart;

  int[] slotPsu;
  double[] slotA;
  double[] slotB;
  double[] slotAA;
  double[] slotAB;
  double[] slotBB;

  /** Per leaf: totals of w a and w b, weights, w a, w a^2 and records with a weight. */
  double[] leafA;

  double[] leafB;
  double[] leafW;
  double[] leafWA;
  double[] leafWAA;
  // ratios' SRS variance: sum w b^2 and sum w a b
  double[] leafWBB;
  double[] leafWAB;
  long[] leafN;

  /** Per leaf and replicate: totals of w_r a and w_r b ([leaf * R + r]). */
  double[] leafRepA;

  double[] leafRepB;

  /** The one pass over the records in memory (see {@link DesignSums}). */
  private void accumulate() {
    int r = f.reps == null ? 0 : f.reps.length;
    boolean byStratum = f.design.psu() == null;
    DesignSums sums =
        new DesignSums(
            la.leafCount(),
            r,
            kind,
            f.design,
            byStratum ? f.strata : f.psuCount,
            la.leafOfRecord().length);
    // without a PSU variable each record is its own PSU and in memory stratumOfPsu is per record
    sums.add(la.leafOfRecord(), f.w, byStratum ? f.stratumOfPsu : f.psu, f.reps, y, x, cancel);
    adopt(sums);
  }

  /** Takes the finished sums of the pass over the records (in memory or slice by slice). */
  void adopt(DesignSums sums) {
    sums.finish();
    slotStart = sums.slotStart;
    slotPsu = sums.slotPsu;
    slotA = sums.slotA;
    slotB = sums.slotB;
    slotAA = sums.slotAA;
    slotAB = sums.slotAB;
    slotBB = sums.slotBB;
    leafA = sums.leafA;
    leafB = sums.leafB;
    leafW = sums.leafW;
    leafWA = sums.leafWA;
    leafWAA = sums.leafWAA;
    leafWBB = sums.leafWBB;
    leafWAB = sums.leafWAB;
    leafN = sums.leafN;
    leafRepA = sums.leafRepA;
    leafRepB = sums.leafRepB;
  }

  /** Count, sum, mean, ratio and percentages. */
  private void linear(int o) {
    if (slotStart == null) {
      accumulate();
    }
    boolean ratio = kind == SurveyMeasure.Kind.MEAN || kind == SurveyMeasure.Kind.RATIO;
    double sa = 0;
    double sb = 0;
    double sw = 0;
    double swa = 0;
    double swaa = 0;
    double swbb = 0;
    double swab = 0;
    long nobs = 0;
    resetPsus();
    for (int l : leavesOfCell[o]) {
      sa += leafA[l];
      sb += leafB[l];
      sw += leafW[l];
      swa += leafWA[l];
      swaa += leafWAA[l];
      swbb += leafWBB[l];
      swab += leafWAB[l];
      nobs += leafN[l];
      if (f.reps == null && !perRecord) {
        for (int k = slotStart[l]; k < slotStart[l + 1]; k++) {
          int p = slotPsu[k];
          touch(p);
          pa[p] += slotA[k];
          pb[p] += slotB[k];
        }
      }
    }
    double theta;
    double v;
    double vsrs = Double.NaN;
    if (margin != null) {
      int m = margin[o];
      double[] mp = perRecord ? null : marginTotals(m);
      double total = perRecord ? marginTotal(m) : mp[f.psuCount];
      theta = total == 0 ? Double.NaN : sa / total;
      if (total == 0) {
        v = Double.NaN;
      } else if (perRecord) {
        v = strataVariance(leavesOfCell[o], leavesOfCell[m], theta, total);
      } else {
        // u_p = (A_p,cell - p A_p,margin) / A_margin over the margin's PSUs (a superset)
        if (f.reps == null) {
          for (int p : marginTouched.get(m)) {
            touch(p);
            pb[p] = mp[p];
          }
        }
        v = variance(theta, total);
      }
      if (kind == SurveyMeasure.Kind.COUNT && total != 0) {
        long nm = 0;
        double nhat = 0;
        for (int l : leavesOfCell[m]) {
          nm += leafN[l];
          nhat += leafW[l];
        }
        vsrs = theta * (1 - theta) * nm / (nm - 1.0) / nm * (nhat - nm) / nhat;
      }
    } else if (ratio) {
      theta = sb == 0 ? Double.NaN : sa / sb;
      v =
          sb == 0
              ? Double.NaN
              : perRecord ? strataVariance(leavesOfCell[o], null, theta, sb) : variance(theta, sb);
      if (kind == SurveyMeasure.Kind.MEAN && nobs > 1) {
        double s2 = (swaa / sw - (swa / sw) * (swa / sw)) * nobs / (nobs - 1.0);
        vsrs = s2 / nobs * (sw - nobs) / sw;
      } else if (kind == SurveyMeasure.Kind.RATIO && nobs > 1 && sb != 0) {
        // z = (a - R b) / B, its weighted mean 0: sum w z^2 = (swaa - 2 R swab + R^2 swbb) / B^2
        double swzz = (swaa - 2 * theta * swab + theta * theta * swbb) / (sb * sb);
        vsrs = srsWithReplacement(nobs, sw, 0, swzz);
      }
    } else {
      theta = sa;
      v = perRecord ? strataVariance(leavesOfCell[o], null, 0, 1) : variance(0, 1);
      if (kind == SurveyMeasure.Kind.SUM && nobs > 1) {
        double s2 = (swaa / sw - (swa / sw) * (swa / sw)) * nobs / (nobs - 1.0);
        vsrs = s2 * sw * sw * (sw - nobs) / (sw * nobs);
      } else if (kind == SurveyMeasure.Kind.COUNT) {
        vsrs = countSrs(sa);
      }
    }
    if (f.reps != null) {
      v = replicateVarianceLinear(o, ratio);
    }
    double scale = margin != null ? 100 : 1;
    est[o] = theta * scale;
    se[o] = Math.sqrt(v) * scale;
    lower[o] = est[o] - z * se[o];
    upper[o] = est[o] + z * se[o];
    deff[o] = vsrs > 0 ? v / vsrs : Double.NaN;
  }

  /** SRS variance of a count: the domain as an indicator over the whole table. */
  private double countSrs(double count) {
    double total = 0;
    long n = 0;
    for (int l = 1; l <= la.leafCount(); l++) {
      total += leafW[l];
      n += leafN[l];
    }
    if (n < 2 || total == 0) {
      return Double.NaN;
    }
    double p = count / total;
    double nn = n;
    return total * total * p * (1 - p) * nn / (nn - 1) / nn * (total - nn) / total;
  }

  /** The margin cell's total of w a (in the order {@link #marginTotals} adds it). */
  private double marginTotal(int m) {
    double total = 0;
    for (int l : leavesOfCell[m]) {
      total += leafA[l];
    }
    return total;
  }

  /**
   * The linearisation variance when each record is its own PSU, from the per-(stratum, leaf) sums:
   * per stratum {@code sum u = (sum pa - theta sum pb) / d} and {@code sum u^2 = (sum pa^2 - 2
   * theta sum pa pb + theta^2 sum pb^2) / d^2} over the records, {@code pa} = w a in the cell's
   * leaves. Without margin leaves {@code pb} = w b in the cell; a percentage's {@code pb} is w a in
   * the margin's leaves (which hold the cell's: {@code pa pb = pa^2}). Records outside both have u
   * = 0 and count only in the stratum's record number.
   */
  private double strataVariance(int[] cellLeaves, int[] marginLeaves, double theta, double d) {
    int st = 0;
    for (int l : cellLeaves) {
      for (int k = slotStart[l]; k < slotStart[l + 1]; k++) {
        int h = slotPsu[k];
        st = seeStratum(h, st);
        ca[h] += slotA[k];
        caa[h] += slotAA[k];
        if (marginLeaves == null) {
          cb[h] += slotB[k];
          cab[h] += slotAB[k];
          cbb[h] += slotBB[k];
        } else {
          cab[h] += slotAA[k];
        }
      }
    }
    if (marginLeaves != null) {
      for (int l : marginLeaves) {
        for (int k = slotStart[l]; k < slotStart[l + 1]; k++) {
          int h = slotPsu[k];
          st = seeStratum(h, st);
          cb[h] += slotA[k];
          cbb[h] += slotAA[k];
        }
      }
    }
    for (int k = 0; k < st; k++) {
      int h = strataTouched[k];
      sh[h] = (ca[h] - theta * cb[h]) / d;
      shh[h] = (caa[h] - 2 * theta * cab[h] + theta * theta * cbb[h]) / (d * d);
    }
    if (keep) {
      int[] hs = Arrays.copyOf(strataTouched, st);
      double[] s1 = new double[st];
      double[] s2 = new double[st];
      for (int k = 0; k < st; k++) {
        s1[k] = sh[hs[k]];
        s2[k] = shh[hs[k]];
      }
      keptStrata.put(current, hs);
      keptSh.put(current, s1);
      keptShh.put(current, s2);
    }
    return combine(st);
  }

  /** Marks stratum h as touched (its sums zeroed the first time) and returns the touched count. */
  private int seeStratum(int h, int st) {
    if (!stratumSeen[h]) {
      stratumSeen[h] = true;
      strataTouched[st++] = h;
      sh[h] = 0;
      shh[h] = 0;
      if (perRecord) {
        ca[h] = 0;
        cb[h] = 0;
        caa[h] = 0;
        cab[h] = 0;
        cbb[h] = 0;
      }
    }
    return st;
  }

  /** Per PSU the margin cell's totals, and at index P their sum (cached per margin). */
  private double[] marginTotals(int m) {
    double[] out = marginPsu.get(m);
    if (out != null) {
      return out;
    }
    out = new double[f.psuCount + 1];
    boolean[] seen = new boolean[f.psuCount];
    int[] list = new int[f.psuCount];
    int count = 0;
    for (int l : leavesOfCell[m]) {
      out[f.psuCount] += leafA[l];
      for (int k = slotStart[l]; k < slotStart[l + 1]; k++) {
        int p = slotPsu[k];
        out[p] += slotA[k];
        if (!seen[p]) {
          seen[p] = true;
          list[count++] = p;
        }
      }
    }
    marginPsu.put(m, out);
    marginTouched.put(m, Arrays.copyOf(list, count));
    return out;
  }

  /**
   * Linearisation variance of a total of {@code u_p = (pa_p - theta pb_p) / denominator} over the
   * touched PSUs (the others are zero), stratum by stratum.
   */
  private double variance(double theta, double denominator) {
    if (f.reps != null) {
      return 0; // replaced by the replicate variance
    }
    if (keep) {
      int[] ps = Arrays.copyOf(touched, touchedCount);
      double[] us = new double[touchedCount];
      for (int k = 0; k < touchedCount; k++) {
        us[k] = (pa[ps[k]] - theta * pb[ps[k]]) / denominator;
      }
      keptPsus.put(current, ps);
      keptU.put(current, us);
    }
    int st = 0;
    for (int k = 0; k < touchedCount; k++) {
      int p = touched[k];
      double u = (pa[p] - theta * pb[p]) / denominator;
      int h = f.stratumOfPsu[p];
      st = seeStratum(h, st);
      sh[h] += u;
      shh[h] += u * u;
    }
    return combine(st);
  }

  /**
   * The variance from the sums of u and u^2 of the {@code st} touched strata, stratum by stratum by
   * the design's rules (scale, lonely PSUs); clears the touched marks.
   */
  private double combine(int st) {
    double v = 0;
    for (int k = 0; k < st; k++) {
      int h = strataTouched[k];
      stratumSeen[h] = false;
      int nh = f.psusInStratum[h];
      if (nh > 1) {
        v += f.scale[h] * (shh[h] - sh[h] * sh[h] / nh);
      } else if (f.design.lonely() == SurveyDesign.LonelyPsu.ADJUST) {
        v += f.scale[h] * shh[h];
      }
    }
    if (f.design.lonely() == SurveyDesign.LonelyPsu.AVERAGE && okStrata > 0) {
      v *= (double) allStrata / okStrata;
    }
    return Math.max(v, 0);
  }

  private double replicateVarianceLinear(int o, boolean ratio) {
    int r = f.reps.length;
    double[] num = new double[r];
    double[] den = new double[r];
    for (int l : leavesOfCell[o]) {
      for (int q = 0; q < r; q++) {
        num[q] += leafRepA[l * r + q];
        if (ratio) {
          den[q] += leafRepB[l * r + q];
        }
      }
    }
    if (margin != null) {
      for (int l : leavesOfCell[margin[o]]) {
        for (int q = 0; q < r; q++) {
          den[q] += leafRepA[l * r + q];
        }
      }
    }
    double[] theta = new double[r];
    for (int q = 0; q < r; q++) {
      theta[q] = margin != null || ratio ? num[q] / den[q] : num[q];
    }
    if (keep) {
      keptReplicates.put(current, theta);
    }
    return replicateVariance(theta);
  }

  /** R's svrVar with mse=FALSE: scale sum rscale (theta_r - mean)^2. */
  private double replicateVariance(double[] theta) {
    double mean = 0;
    int used = 0;
    for (int k = 0; k < theta.length; k++) {
      if (f.rscales[k] > 0 && !Double.isNaN(theta[k])) {
        mean += theta[k];
        used++;
      }
    }
    if (used == 0) {
      return Double.NaN;
    }
    mean /= used;
    double v = 0;
    for (int k = 0; k < theta.length; k++) {
      if (!Double.isNaN(theta[k])) {
        double d = theta[k] - mean;
        v += d * d * f.rscales[k];
      }
    }
    return v * f.repScale;
  }

  /**
   * The weighted quantile of sorted records (R qrule "school"): the value where the cumulative
   * weight first reaches p W, the midpoint with the next record's value when it equals p W.
   */
  static double quantileOf(int[] rec, double[] y, double[] w, double p) {
    double total = 0;
    for (int i : rec) {
      total += w[i];
    }
    if (rec.length == 0 || total == 0) {
      return Double.NaN;
    }
    double t = p >= 1 ? total : total * p;
    double cum = 0;
    for (int k = 0; k < rec.length; k++) {
      cum += w[rec[k]];
      if (cum >= t) {
        if (cum == t && k + 1 < rec.length) {
          return (y[rec[k]] + y[rec[k + 1]]) / 2;
        }
        return y[rec[k]];
      }
    }
    return y[rec[rec.length - 1]];
  }

  /** Quantiles: per cell the point estimate (NaN for none), from the table path. */
  double[] q;

  /** Quantiles: per cell the interval of the estimated F(q) and the t it was made with. */
  double[] pLow;

  double[] pHigh;
  double[] tq;

  /**
   * Takes the sums of the Woodruff records ({@link DesignSums#addByCell}: cells as leaves) and the
   * cells' quantiles.
   */
  void adoptQuantiles(DesignSums sums, double[] quantiles) {
    adopt(sums);
    q = quantiles;
    pLow = new double[cells];
    pHigh = new double[cells];
    tq = new double[cells];
    Arrays.fill(tq, Double.NaN);
  }

  /**
   * A quantile's Woodruff interval up to the estimated F(q) and its interval: {@code pHat} = the
   * domain's weighted share of {@code y <= q}, its variance from the per-PSU totals {@code u_p =
   * (sum w 1{y <= q} - pHat sum w) / N} (the linearisation of a domain mean of the indicator), or
   * from the replicate shares. The interval ends are the quantiles at {@code pHat -+ t se}, found
   * afterwards by one walk over the records in value order ({@link #finishQuantiles}).
   */
  private void woodruff(int o) {
    est[o] = q[o];
    pLow[o] = Double.NaN;
    pHigh[o] = Double.NaN;
    if (Double.isNaN(q[o])) {
      se[o] = lower[o] = upper[o] = Double.NaN;
      return;
    }
    int l = o + 1;
    double nhat = leafB[l];
    double below = leafA[l];
    double pHat = below / nhat;
    double v;
    double df;
    if (f.reps == null) {
      if (perRecord) {
        v = strataVariance(new int[] {l}, null, pHat, nhat);
        // a PSU per record: the domain's records less its strata (a slot per stratum here)
        df = leafN[l] - (slotStart[l + 1] - slotStart[l]);
      } else {
        resetPsus();
        for (int k = slotStart[l]; k < slotStart[l + 1]; k++) {
          int pu = slotPsu[k];
          touch(pu);
          pa[pu] += slotA[k];
          pb[pu] += slotB[k];
        }
        v = variance(pHat, nhat);
        df = degreesOfFreedom();
      }
    } else {
      int r = f.reps.length;
      double[] theta = new double[r];
      for (int k = 0; k < r; k++) {
        theta[k] = leafRepA[l * r + k] / leafRepB[l * r + k];
      }
      v = replicateVariance(theta);
      df = r - 1;
    }
    // the Woodruff linearisation z = (1{y <= q} - p) / N under SRS with replacement (the slope
    // that turns F's interval into q's cancels in the ratio): sum w z^2 over the two groups
    double swzz = ((1 - pHat) * (1 - pHat) * below + pHat * pHat * (nhat - below)) / (nhat * nhat);
    double vsrs = srsWithReplacement(leafN[l], nhat, 0, swzz);
    deff[o] = vsrs > 0 ? v / vsrs : Double.NaN;
    double t =
        df >= 1e9 || df <= 0
            ? z
            : new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - level) / 2);
    double sep = Math.sqrt(v);
    // as R's woodruffCI: the interval of the estimated F(q), not of p
    pLow[o] = pHat - t * sep;
    pHigh[o] = pHat + t * sep;
    tq[o] = t;
  }

  /**
   * The interval ends, the quantiles at {@code pLow} and {@code pHigh} per cell ({@link
   * InverseWalk#ends}), and the standard error, the interval's width / (2 t); an end below 0 or
   * above 1 is NaN.
   */
  void finishQuantiles(double[][] ends) {
    for (int o = 0; o < cells; o++) {
      if (Double.isNaN(tq[o])) {
        continue;
      }
      lower[o] = pLow[o] < 0 ? Double.NaN : ends[0][o];
      upper[o] = pHigh[o] > 1 ? Double.NaN : ends[1][o];
      se[o] = (upper[o] - lower[o]) / (2 * tq[o]);
    }
  }

  /** R's degf of a domain: PSUs with a record in the touched set minus their strata. */
  private double degreesOfFreedom() {
    int psus = touchedCount;
    LinkedHashSet<Integer> strata = new LinkedHashSet<>();
    for (int k = 0; k < touchedCount; k++) {
      strata.add(f.stratumOfPsu[touched[k]]);
    }
    return psus - strata.size();
  }

  /** Gini: per cell the coefficient from the value-order walk ({@link GiniWalk}). */
  double[] giniByCell;

  /** Gini under replicate weights: per replicate and cell the replicate's Gini, else null. */
  double[][] giniReplicates;

  /**
   * Takes the per (PSU, cell) sums of {@code w z} ({@link GiniWalk#addRecords}), the Ginis and
   * under replicate weights each replicate's ({@code [replicate][cell]}, else null).
   */
  void adoptGini(DesignSums sums, double[] gini, double[][] replicates) {
    adopt(sums);
    giniByCell = gini;
    giniReplicates = replicates;
  }

  /**
   * A Gini's standard error from the replicate Ginis, or by linearisation from the per (PSU, cell)
   * sums of {@code w z}; the design effect from the cell's sums of {@code w}, {@code w z} and
   * {@code w z^2}.
   */
  private void giniFromSums(int o) {
    double g = giniByCell[o];
    est[o] = g;
    deff[o] = Double.NaN;
    if (Double.isNaN(g)) {
      se[o] = lower[o] = upper[o] = Double.NaN;
      return;
    }
    int l = o + 1;
    double v;
    if (giniReplicates != null) {
      double[] theta = new double[giniReplicates.length];
      for (int k = 0; k < theta.length; k++) {
        theta[k] = giniReplicates[k][o];
      }
      v = replicateVariance(theta);
    } else if (perRecord) {
      v = strataVariance(new int[] {l}, null, 0, 1);
    } else {
      resetPsus();
      for (int k = slotStart[l]; k < slotStart[l + 1]; k++) {
        int pu = slotPsu[k];
        touch(pu);
        pa[pu] += slotA[k];
      }
      v = variance(0, 1);
    }
    se[o] = Math.sqrt(v);
    lower[o] = g - z * se[o];
    upper[o] = g + z * se[o];
    double vsrs = srsWithReplacement(leafN[l], leafW[l], leafWA[l], leafWAA[l]);
    deff[o] = vsrs > 0 ? v / vsrs : Double.NaN;
  }

  /**
   * The variance of {@code sum w z} (an estimator's linearisation) under simple random sampling
   * with replacement of {@code n} records: {@code N^2 s^2(z) / n}, {@code N = sum w} and {@code
   * s^2} the weighted variance of {@code z} with the factor {@code n/(n-1)}.
   */
  private static double srsWithReplacement(long n, double sw, double swz, double swzz) {
    if (n < 2 || sw == 0) {
      return Double.NaN;
    }
    double mean = swz / sw;
    double s2 = (swzz / sw - mean * mean) * n / (n - 1.0);
    return sw * sw * s2 / n;
  }
}
