package org.statbench.tabulate.survey;

import java.util.Arrays;
import org.statbench.core.CancellationToken;
import org.statbench.tabulate.LeafAssignment;

/**
 * The sums the linear estimators need, accumulated over the records in record order (all at once in
 * memory, or slice by slice over data larger than the heap: the same additions in the same order,
 * so the same sums to the last bit): per (PSU, leaf) the totals of {@code w a} and {@code w b}, per
 * leaf the moments the design effect needs and the replicate totals. Held memory grows with the
 * (PSU, leaf) pairs, not the records. Without a PSU variable (each record its own PSU) the slots
 * are per (stratum, leaf) instead and also hold the records' sums of squares and products {@code (w
 * a)^2}, {@code w a w b} and {@code (w b)^2}: all a stratum's sum of squared linearised values
 * needs, so nothing is kept per record.
 */
final class DesignSums {
  private final int leaves;
  private final int r;
  private final SurveyMeasure.Kind kind;
  private final boolean byStratum;
  private final LongIntMap slots;
  private int cap = 1024;
  private int[] sPsu = new int[cap];
  private int[] sLeaf = new int[cap];
  private double[] sA = new double[cap];
  private double[] sB = new double[cap];
  private double[] sAA;
  private double[] sAB;
  private double[] sBB;
  private int used;

  /** Per (PSU, leaf) slot, grouped by leaf: slots of leaf l are [slotStart[l], slotStart[l+1]). */
  int[] slotStart;

  /** The slot's PSU, or its stratum when each record is its own PSU. */
  int[] slotPsu;

  double[] slotA;
  double[] slotB;

  /** Per slot the sums of (w a)^2, w a w b and (w b)^2; only when each record is its own PSU. */
  double[] slotAA;

  double[] slotAB;
  double[] slotBB;
  final double[] leafA;
  final double[] leafB;
  final double[] leafW;
  final double[] leafWA;
  final double[] leafWAA;
  final double[] leafWBB;
  final double[] leafWAB;
  final long[] leafN;
  final double[] leafRepA;
  final double[] leafRepB;

  /**
   * @param replicates replicate weights (0 for linearisation)
   * @param design keyed by (stratum, leaf) when it has no PSU variable, else by (PSU, leaf)
   * @param psus PSUs (or strata) expected, sizing the slot map's first table
   * @param expectedRecords sizes the slot map's first table
   */
  DesignSums(
      int leaves,
      int replicates,
      SurveyMeasure.Kind kind,
      SurveyDesign design,
      int psus,
      long expectedRecords) {
    this.leaves = leaves;
    this.r = replicates;
    this.kind = kind;
    this.byStratum = design.psu() == null;
    if (byStratum) {
      sAA = new double[cap];
      sAB = new double[cap];
      sBB = new double[cap];
    }
    slots = new LongIntMap(Math.min(expectedRecords, psus * 4L + 16));
    leafA = new double[leaves + 1];
    leafB = new double[leaves + 1];
    leafW = new double[leaves + 1];
    leafWA = new double[leaves + 1];
    leafWAA = new double[leaves + 1];
    leafWBB = new double[leaves + 1];
    leafWAB = new double[leaves + 1];
    leafN = new long[leaves + 1];
    leafRepA = new double[(leaves + 1) * r];
    leafRepB = new double[(leaves + 1) * r];
  }

  /**
   * Adds records: per record its leaf (0 dropped), weight, PSU number (its stratum when the design
   * has no PSU variable), replicate weights ([r][i], null without), measure value {@code y} and
   * denominator {@code x} (null when unused).
   */
  void add(
      int[] leafOf,
      double[] wt,
      int[] psu,
      double[][] reps,
      double[] y,
      double[] x,
      CancellationToken cancel) {
    add(leafOf.length, leafOf, wt, psu, reps, y, x, cancel);
  }

  /**
   * Adds the Woodruff interval's records (in record order): each record with a value and a weight
   * above 0 goes to every cell {@code o} its leaf adds into (as "leaf" {@code o + 1}) whose
   * quantile {@code q[o]} is not NaN, with the value {@code 1{y <= q[o]}}; the sums are then, per
   * (PSU, cell), those of {@code w 1{y <= q}} and {@code w} (these DesignSums made for {@link
   * SurveyMeasure.Kind#MEAN} over the cells as leaves), per replicate their replicate totals.
   */
  void addByCell(
      LeafAssignment la,
      double[] q,
      int[] leafOf,
      double[] wt,
      int[] psu,
      double[][] reps,
      double[] y,
      CancellationToken cancel) {
    int cap = 8192;
    int[] cell = new int[cap];
    double[] w = new double[cap];
    int[] p = new int[cap];
    double[] ind = new double[cap];
    double[][] rw = reps == null ? null : new double[reps.length][cap];
    int m = 0;
    for (int i = 0; i < leafOf.length; i++) {
      if (leafOf[i] == 0 || y[i] != y[i] || !(wt[i] > 0)) {
        continue;
      }
      for (int o : la.outputCells(leafOf[i])) {
        if (q[o] != q[o]) {
          continue;
        }
        if (m == cap) {
          add(m, cell, w, p, rw, ind, null, cancel);
          m = 0;
        }
        cell[m] = o + 1;
        w[m] = wt[i];
        p[m] = psu[i];
        ind[m] = y[i] <= q[o] ? 1 : 0;
        if (rw != null) {
          for (int k = 0; k < rw.length; k++) {
            rw[k][m] = reps[k][i];
          }
        }
        m++;
      }
    }
    add(m, cell, w, p, rw, ind, null, cancel);
  }

  /**
   * Adds {@code n} buffered records: per record its cell as leaf ({@code o + 1}), weight, PSU (or
   * stratum) and value {@code a} (for {@link SurveyMeasure.Kind#SUM}: the sums of {@code w a}).
   */
  void addCells(int n, int[] cell, double[] wt, int[] psu, double[] a, CancellationToken cancel) {
    add(n, cell, wt, psu, null, a, null, cancel);
  }

  private void add(
      int n,
      int[] leafOf,
      double[] wt,
      int[] psu,
      double[][] reps,
      double[] y,
      double[] x,
      CancellationToken cancel) {
    boolean ratio = kind == SurveyMeasure.Kind.MEAN || kind == SurveyMeasure.Kind.RATIO;
    for (int i = 0; i < n; i++) {
      if ((i & 0xFFFF) == 0) {
        cancel.throwIfCancelled();
      }
      int l = leafOf[i];
      if (l == 0 || y != null && y[i] != y[i] || x != null && x[i] != x[i]) {
        continue;
      }
      double w = wt[i];
      double av = kind == SurveyMeasure.Kind.COUNT ? 1 : y[i];
      double bv = ratio ? (kind == SurveyMeasure.Kind.RATIO ? x[i] : 1) : 0;
      int p = psu[i];
      long key = (long) p * (leaves + 1) + l;
      int slot = slots.get(key);
      if (slot < 0) {
        if (used == cap) {
          cap *= 2;
          sPsu = Arrays.copyOf(sPsu, cap);
          sLeaf = Arrays.copyOf(sLeaf, cap);
          sA = Arrays.copyOf(sA, cap);
          sB = Arrays.copyOf(sB, cap);
          if (byStratum) {
            sAA = Arrays.copyOf(sAA, cap);
            sAB = Arrays.copyOf(sAB, cap);
            sBB = Arrays.copyOf(sBB, cap);
          }
        }
        slot = used++;
        slots.put(key, slot);
        sPsu[slot] = p;
        sLeaf[slot] = l;
      }
      double wa = w * av;
      double wb = w * bv;
      sA[slot] += wa;
      sB[slot] += wb;
      if (byStratum) {
        sAA[slot] += wa * wa;
        sAB[slot] += wa * wb;
        sBB[slot] += wb * wb;
      }
      leafA[l] += wa;
      leafB[l] += w * bv;
      if (w != 0) {
        leafN[l]++;
        leafW[l] += w;
        leafWA[l] += wa;
        leafWAA[l] += wa * av;
        leafWBB[l] += w * bv * bv;
        leafWAB[l] += wa * bv;
      }
      for (int q = 0; q < r; q++) {
        double rw = reps[q][i];
        leafRepA[l * r + q] += rw * av;
        leafRepB[l * r + q] += rw * bv;
      }
    }
  }

  /** Groups the slots by leaf (once, after the last {@link #add}). */
  void finish() {
    if (slotStart != null) {
      return;
    }
    slotStart = new int[leaves + 2];
    for (int k = 0; k < used; k++) {
      slotStart[sLeaf[k] + 1]++;
    }
    for (int l = 0; l <= leaves; l++) {
      slotStart[l + 1] += slotStart[l];
    }
    int[] at = Arrays.copyOf(slotStart, leaves + 1);
    slotPsu = new int[used];
    slotA = new double[used];
    slotB = new double[used];
    if (byStratum) {
      slotAA = new double[used];
      slotAB = new double[used];
      slotBB = new double[used];
    }
    for (int k = 0; k < used; k++) {
      int to = at[sLeaf[k]]++;
      slotPsu[to] = sPsu[k];
      slotA[to] = sA[k];
      slotB[to] = sB[k];
      if (byStratum) {
        slotAA[to] = sAA[k];
        slotAB[to] = sAB[k];
        slotBB[to] = sBB[k];
      }
    }
  }
}
