package org.statbench.tabulate.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.statbench.core.InputException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;

/**
 * A {@link SurveyDesign} resolved against a dataset's columns: per record its weight and PSU
 * (numbered 0..P-1 across strata), per PSU its stratum, per stratum its PSU count and variance
 * scale, and the replicate weights with their scales. Without a PSU variable each record is its own
 * PSU: in memory {@link #psu} numbers the records and {@link #stratumOfPsu} is then each record's
 * stratum; a streamed frame keeps only each stratum's record count ({@link #psusInStratum}).
 */
final class DesignFrame {
  final SurveyDesign design;
  final double[] w;
  final int[] psu;
  final int[] stratumOfPsu;
  final int psuCount;
  final int strata;
  final int[] psusInStratum;

  /** Per stratum (1 - f) n/(n - 1), or (1 - f) for a stratum of one PSU. */
  final double[] scale;

  /** Replicate weights [r][record], or null. */
  final double[][] reps;

  final double repScale;
  final double[] rscales;

  private DesignFrame(
      SurveyDesign design,
      double[] w,
      int[] psu,
      int[] stratumOfPsu,
      int strata,
      int[] psusInStratum,
      double[] scale,
      double[][] reps,
      double repScale,
      double[] rscales) {
    this.design = design;
    this.w = w;
    this.psu = psu;
    this.stratumOfPsu = stratumOfPsu;
    this.psuCount = stratumOfPsu.length;
    this.strata = strata;
    this.psusInStratum = psusInStratum;
    this.scale = scale;
    this.reps = reps;
    this.repScale = repScale;
    this.rscales = rscales;
  }

  static DesignFrame of(SurveyDesign d, DatasetColumns data) {
    int n = data.rows();
    double[] w = DesignVariables.weights(d.weight(), data);
    int[] stratum = d.strata() == null ? new int[n] : DesignVariables.codes(d.strata(), data);
    int[] psuCode = d.psu() == null ? null : DesignVariables.codes(d.psu(), data);
    int[] psu = new int[n];
    int[] stratumOfPsu;
    if (psuCode == null) {
      for (int i = 0; i < n; i++) {
        psu[i] = i;
      }
      stratumOfPsu = stratum.clone();
    } else {
      int hk = max(stratum) + 1;
      int pk = max(psuCode) + 1;
      if ((long) hk * pk <= 16_000_000L) {
        // dense: PSU ids by (stratum, code) in a table, no boxing
        int[] id = new int[hk * pk];
        Arrays.fill(id, -1);
        int[] of = new int[Math.min(n, hk * pk)];
        int next = 0;
        for (int i = 0; i < n; i++) {
          int key = stratum[i] * pk + psuCode[i];
          if (id[key] < 0) {
            of[next] = stratum[i];
            id[key] = next++;
          }
          psu[i] = id[key];
        }
        stratumOfPsu = Arrays.copyOf(of, next);
      } else {
        List<Integer> stratumOf = new ArrayList<>();
        Map<Long, Integer> ids = new HashMap<>();
        for (int i = 0; i < n; i++) {
          long key = ((long) stratum[i] << 32) | (psuCode[i] & 0xFFFFFFFFL);
          Integer id = ids.get(key);
          if (id == null) {
            id = stratumOf.size();
            ids.put(key, id);
            stratumOf.add(stratum[i]);
          }
          psu[i] = id;
        }
        stratumOfPsu = stratumOf.stream().mapToInt(Integer::intValue).toArray();
      }
    }
    int h = 0;
    for (int s : stratum) {
      h = Math.max(h, s + 1);
    }
    double[] fpc = fpcOf(d, data, stratum, h);
    String[] stratumLabels = d.strata() == null ? null : DesignVariables.labels(d.strata(), data);
    int[] deleted = null;
    if (d.usesReplicates()) {
      deleted = new int[d.replicates().size()];
      Arrays.fill(deleted, -1);
    }
    double[][] reps = replicates(d, data, 0, w, stratum, deleted);
    return resolve(
        d, w, psu, stratumOfPsu, count(stratumOfPsu, h), fpc, stratumLabels, reps, deleted);
  }

  /** Per stratum 0..h-1 how many of the PSUs are in it. */
  private static int[] count(int[] stratumOfPsu, int h) {
    int[] nh = new int[h];
    for (int s : stratumOfPsu) {
      nh[s]++;
    }
    return nh;
  }

  /**
   * The per-stratum part of a frame from the PSU counts {@code nh} of the strata: variance scales
   * (checking strata of a single PSU against the design's rule) and the replicates' scales ({@code
   * deleted}: per replicate the stratum of the first record it gives weight 0 to, -1 for none).
   */
  private static DesignFrame resolve(
      SurveyDesign d,
      double[] w,
      int[] psu,
      int[] stratumOfPsu,
      int[] nh,
      double[] fpc,
      String[] stratumLabels,
      double[][] reps,
      int[] deleted) {
    int h = nh.length;
    double[] scale = new double[h];
    TreeSet<String> lonely = new TreeSet<>();
    for (int s = 0; s < h; s++) {
      if (nh[s] == 0) {
        continue;
      }
      double f = 1;
      if (!Double.isNaN(fpc[s])) {
        double pop = fpc[s] <= 1 ? nh[s] / fpc[s] : fpc[s];
        f = (pop - nh[s]) / pop;
      }
      scale[s] = nh[s] > 1 ? f * nh[s] / (nh[s] - 1.0) : f;
      if (nh[s] == 1 && f >= 1e-7) {
        lonely.add(stratumLabels == null ? "1" : stratumLabels[s]);
      }
    }
    if (!lonely.isEmpty() && !d.usesReplicates() && d.lonely() == SurveyDesign.LonelyPsu.FAIL) {
      throw new InputException(
          "Strata with a single PSU in '"
              + d.strata()
              + "': "
              + String.join(", ", lonely.stream().limit(20).toList())
              + (lonely.size() > 20 ? " (and " + (lonely.size() - 20) + " more)" : "")
              + "; say how to treat them with lonely=adjust, average or certainty");
    }
    double repScale = 0;
    double[] rscales = null;
    if (d.usesReplicates()) {
      int r = d.replicates().size();
      rscales = new double[r];
      Arrays.fill(rscales, 1);
      switch (d.replicateType()) {
        case BOOTSTRAP -> repScale = 1.0 / (r - 1);
        case JK1 -> repScale = (r - 1.0) / r;
        case JKN -> {
          repScale = 1;
          for (int k = 0; k < r; k++) {
            if (deleted[k] < 0) {
              throw new InputException(
                  "JKn replicate '"
                      + d.replicates().get(k)
                      + "' deletes no PSU (no record has weight 0 in it)");
            }
            rscales[k] = (nh[deleted[k]] - 1.0) / nh[deleted[k]];
          }
        }
      }
    }
    return new DesignFrame(d, w, psu, stratumOfPsu, h, nh, scale, reps, repScale, rscales);
  }

  /**
   * Builds a frame slice by slice, for data that does not fit in the heap: each slice's weights,
   * PSU numbers and replicate weights are returned for the caller's accumulation and not kept; the
   * frame holds only the per-PSU and per-stratum figures ({@link #w}, {@link #psu} and the rows of
   * {@link #reps} are empty). Codes, PSU numbers and checks are those of {@link #of} over the whole
   * columns (values numbered in first-seen order, record numbers counted over the dataset). Without
   * a PSU variable each record is its own PSU: nothing is kept per record, only each stratum's
   * record count, and a slice's {@link Slice#psu} holds its records' strata instead.
   */
  static final class Builder {
    private final SurveyDesign d;
    private final Map<Object, Integer> stratumIds = new HashMap<>();
    private final Map<Object, Integer> psuCodeIds = new HashMap<>();
    private final Map<Long, Integer> psuIds = new HashMap<>();
    private int[] stratumOfPsu = new int[16];
    private int psus;
    private int h;
    private double[] fpc = new double[0];
    private String[] dictionary;
    private final List<String> seenLabels = new ArrayList<>();
    private final int[] deleted;

    /** Per stratum its records, when each record is its own PSU (no PSU variable). */
    private int[] recordsInStratum = new int[16];

    /**
     * One slice's per-record weights, PSU numbers (strata when the design has no PSU variable) and
     * replicate weights ([r][record] or null).
     */
    record Slice(double[] w, int[] psu, double[][] reps) {}

    Builder(SurveyDesign d) {
      this.d = d;
      this.deleted = d.usesReplicates() ? new int[d.replicates().size()] : null;
      if (deleted != null) {
        Arrays.fill(deleted, -1);
      }
    }

    Slice add(DatasetColumns data, long first) {
      int n = data.rows();
      double[] w = DesignVariables.weights(d.weight(), data, first);
      int[] stratum =
          d.strata() == null
              ? new int[n]
              : DesignVariables.codes(d.strata(), data, stratumIds, first);
      int[] psuCode =
          d.psu() == null ? new int[n] : DesignVariables.codes(d.psu(), data, psuCodeIds, first);
      if (d.strata() != null) {
        Column c = data.column(d.strata());
        if (c instanceof CategoricalColumn cc) {
          dictionary = cc.dictionary().toArray(String[]::new);
        } else {
          for (int i = 0; i < n && seenLabels.size() < stratumIds.size(); i++) {
            if (stratum[i] == seenLabels.size()) {
              seenLabels.add(
                  c instanceof NumericColumn nc
                      ? NumericColumn.formatNumber(nc.values()[i])
                      : java.time.LocalDate.ofEpochDay(((DateColumn) c).epochDays()[i]).toString());
            }
          }
        }
      }
      int[] psu = d.psu() == null ? stratum : new int[n];
      for (int i = 0; i < n; i++) {
        h = Math.max(h, stratum[i] + 1);
        if (d.psu() == null) {
          if (h > recordsInStratum.length) {
            recordsInStratum = Arrays.copyOf(recordsInStratum, Math.max(h, h * 2));
          }
          recordsInStratum[stratum[i]]++;
          continue;
        }
        long key = ((long) stratum[i] << 32) | (psuCode[i] & 0xFFFFFFFFL);
        Integer id = psuIds.get(key);
        if (id == null) {
          id = psus;
          psuIds.put(key, id);
          if (psus == stratumOfPsu.length) {
            stratumOfPsu = Arrays.copyOf(stratumOfPsu, psus * 2);
          }
          stratumOfPsu[psus++] = stratum[i];
        }
        psu[i] = id;
      }
      addFpc(data, stratum, first);
      return new Slice(w, psu, replicates(d, data, first, w, stratum, deleted));
    }

    /** Checks the slice's fpc as {@link #fpcOf} does, keeping each stratum's value. */
    private void addFpc(DatasetColumns data, int[] stratum, long first) {
      if (d.fpc() == null) {
        return;
      }
      if (fpc.length < h) {
        int from = fpc.length;
        fpc = Arrays.copyOf(fpc, Math.max(h, fpc.length * 2));
        Arrays.fill(fpc, from, fpc.length, Double.NaN);
      }
      if (!(data.column(d.fpc()) instanceof NumericColumn c)) {
        throw new InputException(
            "The finite population correction '" + d.fpc() + "' must be numeric");
      }
      double[] v = c.values();
      for (int i = 0; i < v.length; i++) {
        checkFpc(d, fpc, stratum[i], v[i], first + i);
      }
    }

    DesignFrame finish() {
      double[] f = Arrays.copyOf(fpc, h);
      if (fpc.length < h) {
        Arrays.fill(f, fpc.length, h, Double.NaN);
      }
      String[] labels =
          d.strata() == null
              ? null
              : dictionary != null ? dictionary : seenLabels.toArray(String[]::new);
      double[][] reps = null;
      if (d.usesReplicates()) {
        reps = new double[d.replicates().size()][0];
      }
      int[] psuOf = Arrays.copyOf(stratumOfPsu, psus);
      return resolve(
          d,
          new double[0],
          new int[0],
          psuOf,
          d.psu() == null ? Arrays.copyOf(recordsInStratum, h) : count(psuOf, h),
          f,
          labels,
          reps,
          deleted);
    }
  }

  private static int max(int[] a) {
    int m = 0;
    for (int x : a) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static double[] fpcOf(SurveyDesign d, DatasetColumns data, int[] stratum, int h) {
    double[] out = new double[h];
    java.util.Arrays.fill(out, Double.NaN);
    if (d.fpc() == null) {
      return out;
    }
    if (!(data.column(d.fpc()) instanceof NumericColumn c)) {
      throw new InputException(
          "The finite population correction '" + d.fpc() + "' must be numeric");
    }
    double[] v = c.values();
    for (int i = 0; i < v.length; i++) {
      checkFpc(d, out, stratum[i], v[i], i);
    }
    return out;
  }

  /** Checks one record's fpc (record {@code i}, 0-based) against its stratum's, keeping it. */
  private static void checkFpc(SurveyDesign d, double[] out, int stratum, double v, long i) {
    if (!(v > 0)) {
      throw new InputException(
          "The finite population correction '"
              + d.fpc()
              + "' is missing or not positive on record "
              + (i + 1));
    }
    double seen = out[stratum];
    if (Double.isNaN(seen)) {
      out[stratum] = v;
    } else if (seen != v) {
      throw new InputException(
          "The finite population correction '"
              + d.fpc()
              + "' differs within a stratum (record "
              + (i + 1)
              + ")");
    }
  }

  /**
   * The design's replicate weights over records {@code first..} of the dataset (null without),
   * noting in {@code deleted[k]} while it is -1 the stratum of the first record replicate {@code k}
   * weighs 0 and the full weight does not: the stratum of the PSU the replicate deletes.
   */
  private static double[][] replicates(
      SurveyDesign d, DatasetColumns data, long first, double[] w, int[] stratum, int[] deleted) {
    if (!d.usesReplicates()) {
      return null;
    }
    double[][] reps = new double[d.replicates().size()][];
    for (int k = 0; k < reps.length; k++) {
      reps[k] = DesignVariables.weights(d.replicates().get(k), data, first);
      for (int i = 0; i < w.length && deleted[k] < 0; i++) {
        if (reps[k][i] == 0 && w[i] != 0) {
          deleted[k] = stratum[i];
        }
      }
    }
    return reps;
  }
}
