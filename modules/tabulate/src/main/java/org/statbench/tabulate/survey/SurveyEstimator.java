package org.statbench.tabulate.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.Table;
import org.statbench.store.ColumnSlices;
import org.statbench.store.Workspace;
import org.statbench.tabulate.Cube;
import org.statbench.tabulate.LeafAssignment;
import org.statbench.tabulate.Tabulator;
import org.statbench.tabulate.ValueOrderWalk;
import org.statbench.tabulate.WeightedQuantiles;

// Size (over 500 lines): linearisation, replicate weights, quantile (Woodruff) intervals and Gini
// share one per-record design frame and one cell loop; each formula is documented above and tested
// against R survey's published examples, and reads best next to the others.
/**
 * Design-based estimates with standard errors for every cell of a table, margins included; each
 * cell is a domain (records outside it still count in the variance, as zeros), as R {@code
 * survey}'s {@code svyby} and {@code subset}.
 *
 * <p><b>Linearisation</b> (R {@code svydesign} with {@code nest=TRUE}, survey 4.1): each record's
 * linearised value {@code u} is summed by PSU; the variance is {@code sum_h (1 - f_h) n_h/(n_h - 1)
 * sum_(i in h) (u_hi - mean_h)^2} over strata {@code h} with {@code n_h} PSUs. Count and sum:
 * {@code u = w y} in the domain. Mean and ratio {@code V/W}: {@code u = w (v - R x) / X}. Row,
 * column, total and wafer percentages are domain proportions (ratios of the cell to its margin). A
 * stratum with one PSU follows the design's {@link SurveyDesign.LonelyPsu} exactly as R's {@code
 * onestrat}: {@code adjust} adds {@code f u^2} (the PSU centred at zero, the grand mean of a mean's
 * linearised values), {@code certainty} adds nothing, {@code average} scales the other strata up by
 * strata / strata with two or more PSUs.
 *
 * <p><b>Replicate weights</b> (R {@code svrepdesign}, combined weights, {@code mse=FALSE}): the
 * estimate recomputed with each replicate weight, variance {@code scale sum_r rscale_r (theta_r -
 * mean theta)^2} with bootstrap scale {@code 1/(R-1)}, JK1 {@code (R-1)/R}, JKn rscales {@code
 * (n_h-1)/n_h}.
 *
 * <p><b>Quantiles</b> use the engine's weighted quantile (R {@code svyquantile(qrule="school")};
 * the default {@code qrule="math"} differs only where a cumulative weight hits {@code p} exactly)
 * and Woodruff intervals as R's default {@code interval.type="mean"}: the interval {@code F(q) +/-
 * t se(F(q))} of the domain's distribution function at the quantile, mapped back through the
 * quantile function; {@code t} on {@code df} = PSUs - strata in the domain (replicates: R - 1); the
 * standard error is the interval's width / (2 t). The point estimate {@code q} is the table's
 * weighted percentile; {@code se(F(q))} comes from per (PSU, cell) sums of {@code w 1{y <= q}} and
 * {@code w}, and the interval's ends from one walk over the records in (value, weight) order
 * ({@link InverseWalk}), in memory and streamed alike. Other intervals are {@code estimate +/- z
 * se} with the normal {@code z} (R's {@code confint} default).
 *
 * <p><b>Gini</b>: {@code G = (2 sum w_k y_k C_k - sum w_k^2 y_k) / (N Y) - 1} over the domain's
 * records sorted by value ({@code C_k} the cumulative weight), linearised by its derivative in each
 * weight: {@code z_k = (2 y_k C_k + 2 (Y - Y_k)) / (N Y) - (G + 1) (1/N + y_k / Y)} with {@code
 * Y_k} the cumulative total (Langel and Tillé 2013; R {@code convey::svygini}). Records tied in
 * value get the same {@code z} ({@code y C_k - Y_k} is the same anywhere in a run of ties; the one
 * at its end is used, so no order among ties matters). The sums come from walks in (value, weight)
 * order and passes in record order ({@link GiniWalk}), in memory and streamed alike; under
 * replicate weights each replicate's Gini from one more walk in (value, replicate weight) order.
 *
 * <p><b>Design effect</b>: design variance over the simple-random-sampling variance as R's {@code
 * deff=TRUE} (without replacement): count {@code N^2 p(1-p) n/(n-1) / n (1 - n/N)} of the cell's
 * share {@code p} of the table total; sum and mean from the domain's weighted variance; a
 * proportion from {@code p(1-p)}. Ratios, quantiles and Gini over simple random sampling
 * <i>with</i> replacement of the same linearisation {@code z}: {@code N^2 s^2_w(z) / n} with {@code
 * z = (y - R x) / X} for a ratio, {@code z = (1{y <= q} - p) / N} (the Woodruff interval's
 * estimated {@code F(q)}) for a quantile, and the Gini's {@code z_k} above.
 *
 * <p>One pass over the records (per (PSU, leaf) sums; without a PSU variable, each record its own
 * PSU, per (stratum, leaf) sums of the linearised parts and their squares and product), not one
 * pass over the data per cell. Thread-safe when the {@link Tabulator} is.
 *
 * <p><b>Columns larger than the heap</b>: {@link #estimate(TableSpec, SurveyMeasure, SurveyDesign,
 * double, Workspace, CancellationToken)} decides up front, by the table path's test ({@link
 * Tabulator#shouldStream}: twice the columns plus the per-record arrays of the design and the leaf
 * assignment exceed the heap free now), whether to stream. Streamed, counts, sums, means, ratios
 * and percentages take one pass over slices of the columns: the design is resolved slice by slice
 * (codes and PSU numbers in first-seen order, checks with record numbers over the dataset) and per
 * (PSU, leaf cell) the totals of the linearised variables (without a PSU variable per (stratum,
 * leaf) their sums, squares and product), per leaf the design effect's moments and per replicate
 * the cell totals are added in record order, which is all the variance needs; the results equal the
 * in-memory ones to the last bit. The change between waves ({@link #estimateChange(TableSpec,
 * SurveyMeasure, SurveyDesign, double, Workspace, String, String, String, CancellationToken)})
 * streams the same way with the wave as the last dimension, quantiles in three streamed steps
 * (point table, indicator sums, value-order walk) and the Gini coefficient per range of values (a
 * walk in value order for the cells' running sums, a pass in record order for the per (PSU, cell)
 * sums of {@code w z}; {@link GiniWalk}), under replicate weights with one more walk per replicate.
 */
public final class SurveyEstimator {
  private final Tabulator tabulator;

  /** Recently resolved designs (a few: each holds per-record arrays). */
  private final Map<List<Object>, DesignFrame> frames =
      new java.util.LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, DesignFrame> eldest) {
          return size() > 4;
        }
      };

  /** Most (cell, value) entries of a Gini's range of values ({@link GiniWalk}). */
  private final int giniBudget;

  public SurveyEstimator(Tabulator tabulator) {
    this(tabulator, GiniWalk.BUDGET);
  }

  /** With a Gini's range budget of its own (tests force several ranges). */
  SurveyEstimator(Tabulator tabulator, int giniBudget) {
    this.tabulator = Objects.requireNonNull(tabulator);
    this.giniBudget = giniBudget;
  }

  /**
   * Loads the columns the spec, measure and design need from a workspace and estimates; when they
   * would not fit in the heap free now (by the table path's test, {@link Tabulator#shouldStream},
   * counting the per-record arrays of the design and the leaf assignment too), streams them instead
   * (see {@link #estimateStreamed}).
   */
  public SurveyTable estimate(
      TableSpec spec,
      SurveyMeasure measure,
      SurveyDesign design,
      double level,
      Workspace workspace,
      CancellationToken cancel) {
    LinkedHashSet<String> vars = new LinkedHashSet<>(spec.variables());
    vars.addAll(measure.variables());
    vars.addAll(design.variables());
    if (streams(spec.dataset(), vars, measure.kind(), design, workspace)) {
      return estimateStreamed(
          spec, measure, design, level, workspace, ColumnSlices.SLICE_ROWS, cancel);
    }
    DatasetColumns columns = workspace.columns(spec.dataset(), List.copyOf(vars));
    return estimate(spec, measure, design, level, columns, cancel);
  }

  /**
   * Whether an estimate over these columns is streamed: when they, with the per-record arrays of
   * the design frame, the leaf assignment and the measure's walks in value order, would not fit the
   * heap free now (by the table path's test, {@link Tabulator#shouldStream}).
   */
  private static boolean streams(
      String dataset,
      java.util.Collection<String> vars,
      SurveyMeasure.Kind kind,
      SurveyDesign design,
      Workspace workspace) {
    long bytes = workspace.columnBytes(dataset, vars);
    boolean stream = bytes > 0 && Tabulator.shouldStream(bytes);
    if (bytes > 0 && !stream) {
      long rows = workspace.dataset(dataset).rows();
      stream = Tabulator.shouldStream(bytes + inMemoryBytesPerRecord(kind, design) * rows);
    }
    return stream;
  }

  /**
   * Bytes a record needs in memory beyond its columns: the design frame and leaf assignment hold a
   * weight, stratum and PSU codes, PSU and leaf numbers and each replicate weight (32 + 8 R); a
   * walk in value order (quantile, Gini) a record's cell (4) and its value, weight and leaf twice
   * while sorting (40); the Gini keeps that walk's steps to replay them (20).
   */
  static long inMemoryBytesPerRecord(SurveyMeasure.Kind kind, SurveyDesign design) {
    int r = design.usesReplicates() ? design.replicates().size() : 0;
    long walk =
        switch (kind) {
          case QUANTILE -> 44;
          case GINI -> 64;
          default -> 0;
        };
    return 32L + 8L * r + walk;
  }

  /**
   * Counts, sums, means, ratios, percentages, quantiles and Ginis ({@link GiniWalk}) over columns
   * that need not fit in the heap: one pass over slices of the columns ({@link
   * Tabulator#assignStreamed}) resolves the design and accumulates per cell the per-(stratum, PSU)
   * linearised totals (and per replicate the cell totals), which is all the variance needs; the
   * point estimates come from the table path (which streams by itself); a quantile's interval ends
   * from one more walk in value order ({@link Tabulator#walkInValueOrder}). The same sums added in
   * the same order as in memory, so the same estimates and standard errors. The heap holds one
   * slice of each column, and per (PSU, leaf cell) a few totals.
   *
   * @param sliceRows records of a slice (at most {@link ColumnSlices#SLICE_ROWS}; tests use fewer)
   */
  SurveyTable estimateStreamed(
      TableSpec spec,
      SurveyMeasure measure,
      SurveyDesign design,
      double level,
      Workspace workspace,
      int sliceRows,
      CancellationToken cancel) {
    checkLevel(level);
    SurveyMeasure.Kind kind = measure.kind();
    checkPercentage(spec.percentage(), measure);
    TableSpec base = spec.withWeight(design.weight());
    Table point =
        tabulator.tabulate(base.withMeasure(measure.tabulationMeasure()), workspace, cancel);
    TableSpec all = base;
    for (DimensionSpec d : spec.dimensions()) {
      all = all.withTotal(d.variable(), true);
    }
    if (kind == SurveyMeasure.Kind.GINI) {
      Run run =
          giniStreamed(
              all, measure, design, spec.percentage(), level, workspace, sliceRows, cancel);
      return surveyTable(point, run.la, run, measure, spec.percentage(), level);
    }
    Run run =
        streamedRun(
            all,
            point,
            measure,
            design,
            spec.percentage(),
            level,
            workspace,
            sliceRows,
            false,
            cancel);
    return surveyTable(point, run.la, run, measure, spec.percentage(), level);
  }

  /**
   * The streamed pass of {@link #estimateStreamed} over the all-totals spec {@code all}, computed
   * ({@code keep}: each cell's linearised PSU totals or replicate estimates kept, for changes).
   */
  private Run streamedRun(
      TableSpec all,
      Table point,
      SurveyMeasure measure,
      SurveyDesign design,
      Percentage pct,
      double level,
      Workspace workspace,
      int sliceRows,
      boolean keep,
      CancellationToken cancel) {
    SurveyMeasure.Kind kind = measure.kind();
    boolean quantile = kind == SurveyMeasure.Kind.QUANTILE;
    double[][] q = new double[1][];
    LinkedHashSet<String> vars = new LinkedHashSet<>(measure.variables());
    vars.addAll(design.variables());
    DesignFrame.Builder builder = new DesignFrame.Builder(design);
    int r = design.usesReplicates() ? design.replicates().size() : 0;
    Sums[] sums = new Sums[1];
    LeafAssignment la =
        tabulator.assignStreamed(
            all,
            workspace,
            vars,
            sliceRows,
            (structure, slice, leafOf, first) -> {
              DesignFrame.Builder.Slice ds = builder.add(slice, first);
              if (sums[0] == null) {
                sums[0] = sums(structure, r, kind, design, 1024, 1024);
              }
              double[] y =
                  measure.variable() == null ? null : Run.numeric(measure.variable(), slice);
              double[] x =
                  measure.denominator() == null ? null : Run.numeric(measure.denominator(), slice);
              if (quantile) {
                if (q[0] == null) {
                  q[0] = quantilesByCell(point, structure);
                }
                sums[0].addByCell(structure, q[0], leafOf, ds.w(), ds.psu(), ds.reps(), y, cancel);
              } else {
                sums[0].add(leafOf, ds.w(), ds.psu(), ds.reps(), y, x, cancel);
              }
            },
            cancel);
    DesignFrame frame = builder.finish();
    Sums total = sums[0] != null ? sums[0] : sums(la, r, kind, design, 16, 16);
    Run run = new Run(frame, la, measure, pct, null, level, cancel);
    if (quantile) {
      run.adoptQuantiles(total, q[0] != null ? q[0] : quantilesByCell(point, la));
    } else {
      run.adopt(total);
    }
    run.keep = keep;
    run.compute();
    if (quantile) {
      InverseWalk walk = new InverseWalk(la, run.pLow, run.pHigh);
      tabulator.walkInValueOrder(
          all,
          workspace,
          measure.variable(),
          design.weight(),
          la.leafCount(),
          sliceRows,
          walk,
          cancel);
      run.finishQuantiles(walk.ends());
    }
    return run;
  }

  /**
   * A Gini under a design over streamed columns: one pass resolves the design, then per range of
   * values ({@link GiniWalk}) a walk in value order and a pass in record order adding {@code w z}
   * per (PSU, cell), and per replicate weight a walk in (value, replicate weight) order; the same
   * steps as in memory.
   */
  private Run giniStreamed(
      TableSpec all,
      SurveyMeasure measure,
      SurveyDesign design,
      Percentage pct,
      double level,
      Workspace workspace,
      int sliceRows,
      CancellationToken cancel) {
    LinkedHashSet<String> vars = new LinkedHashSet<>(measure.variables());
    vars.addAll(design.variables());
    DesignFrame.Builder builder = new DesignFrame.Builder(design);
    LeafAssignment la =
        tabulator.assignStreamed(
            all,
            workspace,
            vars,
            sliceRows,
            (structure, slice, leafOf, first) -> builder.add(slice, first),
            cancel);
    DesignFrame frame = builder.finish();
    Run run = new Run(frame, la, measure, pct, null, level, cancel);
    Sums sums = new Sums(la.outputCellCount(), 0, SurveyMeasure.Kind.SUM, design, 1024, 1024);
    // the passes in record order need weights and PSUs, not the replicate weights
    SurveyDesign linear = design.withReplicates(null, null);
    LinkedHashSet<String> recordVars = new LinkedHashSet<>(measure.variables());
    recordVars.addAll(linear.variables());
    double[] g =
        giniSums(
            la,
            walk ->
                tabulator.walkInValueOrder(
                    all,
                    workspace,
                    measure.variable(),
                    design.weight(),
                    la.leafCount(),
                    sliceRows,
                    walk,
                    cancel),
            range -> {
              DesignFrame.Builder b = new DesignFrame.Builder(linear);
              tabulator.assignStreamed(
                  all,
                  workspace,
                  recordVars,
                  sliceRows,
                  (structure, slice, leafOf, first) -> {
                    DesignFrame.Builder.Slice ds = b.add(slice, first);
                    double[] y = Run.numeric(measure.variable(), slice);
                    range.addRecords(sums, leafOf.length, leafOf, y, ds.w(), ds.psu(), cancel);
                  },
                  cancel);
            });
    double[][] theta =
        giniReplicates(
            la,
            design,
            (k, walk) ->
                tabulator.walkInValueOrder(
                    all,
                    workspace,
                    measure.variable(),
                    design.replicates().get(k),
                    la.leafCount(),
                    sliceRows,
                    walk,
                    cancel));
    run.adoptGini(sums, g, theta);
    run.compute();
    return run;
  }

  /**
   * The Gini's steps (in memory and streamed): the first walk in value order ({@code walker}) gives
   * the totals and the first range of values, {@code records} adds the range's records' {@code w
   * z}; then a walk and a pass per further range.
   *
   * @return per cell the Gini coefficient
   */
  private double[] giniSums(
      LeafAssignment la,
      java.util.function.Consumer<GiniWalk> walker,
      java.util.function.Consumer<GiniWalk> records) {
    GiniWalk range = new GiniWalk(la, giniBudget);
    walker.accept(range);
    double[] g = range.gini();
    records.accept(range);
    while (range.hasNext()) {
      range = new GiniWalk(range);
      walker.accept(range);
      records.accept(range);
    }
    return g;
  }

  /**
   * Per replicate weight {@code k} of the design and cell the Gini under that weight (NaN without
   * weight or total): a walk in (value, replicate weight) order each ({@code walker} is given
   * {@code k}); null without replicates.
   */
  private static double[][] giniReplicates(
      LeafAssignment la,
      SurveyDesign design,
      java.util.function.BiConsumer<Integer, GiniWalk> walker) {
    if (!design.usesReplicates()) {
      return null;
    }
    double[][] theta = new double[design.replicates().size()][];
    for (int k = 0; k < theta.length; k++) {
      GiniWalk walk = GiniWalk.totalsOnly(la);
      walker.accept(k, walk);
      theta[k] = walk.gini();
    }
    return theta;
  }

  /**
   * The linear estimators' sums over the leaves, or a quantile's Woodruff sums over the cells
   * ({@link Sums#addByCell}).
   */
  private static Sums sums(
      LeafAssignment la,
      int r,
      SurveyMeasure.Kind kind,
      SurveyDesign design,
      int psus,
      long expectedRecords) {
    return kind == SurveyMeasure.Kind.QUANTILE
        ? new Sums(la.outputCellCount(), r, SurveyMeasure.Kind.MEAN, design, psus, expectedRecords)
        : new Sums(la.leafCount(), r, kind, design, psus, expectedRecords);
  }

  /**
   * Per cell of the all-totals layout the point table's quantile (the engine's weighted percentile,
   * which streams exactly), NaN for a cell the table does not show.
   */
  private static double[] quantilesByCell(Table point, LeafAssignment la) {
    int[] map = outputMap(la.dimensions(), point.dimensions());
    double[] q = new double[map.length];
    for (int o = 0; o < map.length; o++) {
      q[o] = map[o] >= 0 ? point.value(map[o]) : Double.NaN;
    }
    return q;
  }

  /**
   * Estimates every cell of the spec's table with its standard error.
   *
   * @param spec dimensions, filters and percentage (its measure and weight are replaced)
   * @param measure the estimator
   * @param design the survey design (its weight is the table's weight)
   * @param level confidence level in (0, 1), e.g. 0.95
   * @throws InputException naming the variable or strata at fault
   */
  public SurveyTable estimate(
      TableSpec spec,
      SurveyMeasure measure,
      SurveyDesign design,
      double level,
      DatasetColumns data,
      CancellationToken cancel) {
    checkLevel(level);
    Percentage pct = spec.percentage();
    checkPercentage(pct, measure);
    TableSpec base = spec.withWeight(design.weight());
    Table point = tabulator.tabulate(base.withMeasure(measure.tabulationMeasure()), data, cancel);
    TableSpec all = base;
    for (DimensionSpec d : spec.dimensions()) {
      all = all.withTotal(d.variable(), true);
    }
    LeafAssignment la = tabulator.assign(all, data, cancel);
    DesignFrame frame = frame(design, data);
    Run run = new Run(frame, la, measure, pct, data, level, cancel);
    if (measure.kind() == SurveyMeasure.Kind.QUANTILE) {
      // as the streamed path: the Woodruff sums in record order, then the interval ends in one
      // walk in value order
      double[] q = quantilesByCell(point, la);
      int r = frame.reps == null ? 0 : frame.reps.length;
      boolean byStratum = design.psu() == null;
      Sums sums =
          sums(
              la,
              r,
              measure.kind(),
              design,
              byStratum ? frame.strata : frame.psuCount,
              data.rows());
      int[] leafOf = la.leafOfRecord();
      sums.addByCell(
          la,
          q,
          leafOf,
          frame.w,
          byStratum ? frame.stratumOfPsu : frame.psu,
          frame.reps,
          run.y,
          cancel);
      run.adoptQuantiles(sums, q);
      run.compute();
      int[] cells = leafOf.clone();
      for (int i = 0; i < cells.length; i++) {
        if (run.y[i] != run.y[i]) {
          cells[i] = 0;
        }
      }
      InverseWalk walk = new InverseWalk(la, run.pLow, run.pHigh);
      WeightedQuantiles.walk(cells, run.y, frame.w, cells.length, design.weight(), walk, cancel);
      run.finishQuantiles(walk.ends());
    } else if (measure.kind() == SurveyMeasure.Kind.GINI) {
      // as the streamed path: walks in value order and passes in record order per range of values
      int[] leafOf = la.leafOfRecord();
      int[] cells = leafOf.clone();
      for (int i = 0; i < cells.length; i++) {
        if (run.y[i] != run.y[i]) {
          cells[i] = 0;
        }
      }
      boolean byStratum = design.psu() == null;
      int[] psu = byStratum ? frame.stratumOfPsu : frame.psu;
      Sums sums =
          new Sums(
              la.outputCellCount(),
              0,
              SurveyMeasure.Kind.SUM,
              design,
              byStratum ? frame.strata : frame.psuCount,
              data.rows());
      // the second walk is kept (value, weight, leaf a step) and replayed to the later ones, the
      // same steps in the same order, so the records are sorted at most twice
      int[] walks = new int[1];
      ReplayedWalk[] kept = new ReplayedWalk[1];
      double[] g =
          giniSums(
              la,
              walk -> {
                if (kept[0] != null) {
                  kept[0].replay(walk, cancel);
                  return;
                }
                ValueOrderWalk w = walk;
                if (walks[0]++ > 0) {
                  kept[0] = new ReplayedWalk(walk);
                  w = kept[0];
                }
                WeightedQuantiles.walk(
                    cells, run.y, frame.w, cells.length, design.weight(), w, cancel);
              },
              range -> range.addRecords(sums, leafOf.length, leafOf, run.y, frame.w, psu, cancel));
      double[][] theta =
          giniReplicates(
              la,
              design,
              (k, walk) ->
                  WeightedQuantiles.walk(
                      cells,
                      run.y,
                      frame.reps[k],
                      cells.length,
                      design.replicates().get(k),
                      walk,
                      cancel));
      run.adoptGini(sums, g, theta);
      run.compute();
    } else {
      run.compute();
    }
    return surveyTable(point, la, run, measure, pct, level);
  }

  /**
   * A walk in value order fed in memory, its steps kept (value, weight and leaf cell) to feed later
   * walks the same calls in the same order without sorting again.
   */
  private static final class ReplayedWalk implements ValueOrderWalk {
    private final ValueOrderWalk first;
    private double[] values;
    private double[] weights;
    private int[] leaves;
    private int n;
    private int expected; // the records the walk feeds: every one goes to addToTotal first

    ReplayedWalk(ValueOrderWalk first) {
      this.first = first;
    }

    @Override
    public void addToTotal(double weight, int leafCell) {
      expected++;
      first.addToTotal(weight, leafCell);
    }

    @Override
    public void step(double value, double weight, int leafCell) {
      if (values == null) {
        values = new double[Math.max(16, expected)];
        weights = new double[values.length];
        leaves = new int[values.length];
      }
      if (n == values.length) {
        values = Arrays.copyOf(values, 2 * n);
        weights = Arrays.copyOf(weights, 2 * n);
        leaves = Arrays.copyOf(leaves, 2 * n);
      }
      values[n] = value;
      weights[n] = weight;
      leaves[n++] = leafCell;
      first.step(value, weight, leafCell);
    }

    @Override
    public boolean settled() {
      return false;
    }

    /**
     * Feeds the kept walk to {@code walk}: every total, then the steps until it is settled (from
     * the records after its {@link ValueOrderWalk#startsAfter} value, without totals, when it has
     * one).
     */
    void replay(ValueOrderWalk walk, CancellationToken cancel) {
      ValueOrderWalk.feed(walk, values, weights, leaves, n, cancel);
    }
  }

  private static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new InputException("The confidence level must be between 0 and 1, got " + level);
    }
  }

  private static void checkPercentage(Percentage pct, SurveyMeasure measure) {
    SurveyMeasure.Kind kind = measure.kind();
    if (pct != Percentage.NONE
        && kind != SurveyMeasure.Kind.COUNT
        && kind != SurveyMeasure.Kind.SUM) {
      throw new InputException("Percentages apply to counts and sums, not to " + measure.label());
    }
  }

  /** The run's cells from the all-totals layout to the table's (hidden totals dropped). */
  private static SurveyTable surveyTable(
      Table point,
      LeafAssignment la,
      Run run,
      SurveyMeasure measure,
      Percentage pct,
      double level) {
    SurveyMeasure.Kind kind = measure.kind();
    int n = point.cellCount();
    double[] se = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] deff = new double[n];
    double[] est = new double[n];
    int[] map = outputMap(la.dimensions(), point.dimensions());
    for (int o = 0; o < map.length; o++) {
      int t = map[o];
      if (t >= 0) {
        se[t] = run.se[o];
        lo[t] = run.lower[o];
        hi[t] = run.upper[o];
        deff[t] = run.deff[o];
        est[t] = run.est[o];
      }
    }
    String label = measure.label();
    if (pct != Percentage.NONE) {
      label = pct.key() + "%:" + label;
    }
    if (kind == SurveyMeasure.Kind.RATIO || kind == SurveyMeasure.Kind.GINI) {
      point = point.withValues(est);
    }
    return new SurveyTable(point, label, level, se, lo, hi, deff);
  }

  /**
   * The weighted quantile (p in (0, 1]) of records sorted by value, by the engine's definition (R
   * qrule "school"); NaN for none.
   */
  static double quantile(int[] sortedRecords, double[] y, double[] w, double p) {
    return Run.quantileOf(sortedRecords, y, w, p);
  }

  /**
   * A change-between-waves table: per cell of the spec the estimate in wave {@code to} minus the
   * estimate in wave {@code from}, both waves in one dataset with the same design, with the
   * standard error of the difference (linearised values, or replicate estimates, of the two waves
   * subtracted PSU by PSU, so the covariance of PSUs seen in both waves counts). Counts, sums,
   * means, ratios and percentages (whose changes are in percentage points).
   *
   * @param wave the wave variable (not a dimension of the spec)
   * @throws InputException when the measure is a quantile or Gini, or a wave code is unknown
   */
  public SurveyTable estimateChange(
      TableSpec spec,
      SurveyMeasure measure,
      SurveyDesign design,
      double level,
      DatasetColumns data,
      String wave,
      String from,
      String to,
      CancellationToken cancel) {
    ChangeSpecs c = changeSpecs(spec, measure, design, wave, from, to);
    Table point = tabulator.tabulate(c.point(), data, cancel);
    LeafAssignment la = tabulator.assign(c.all(), data, cancel);
    int[] pos = wavePositions(la, wave, from, to);
    Run run = new Run(frame(design, data), la, measure, spec.percentage(), data, level, cancel);
    run.keep = true;
    run.compute();
    return change(point, run, pos, measure, spec.percentage(), level);
  }

  /**
   * {@link #estimateChange(TableSpec, SurveyMeasure, SurveyDesign, double, DatasetColumns, String,
   * String, String, CancellationToken) The change between waves} from a workspace: the columns are
   * loaded when they fit the heap free now, else streamed as {@link #estimate(TableSpec,
   * SurveyMeasure, SurveyDesign, double, Workspace, CancellationToken)} streams (the same figures).
   */
  public SurveyTable estimateChange(
      TableSpec spec,
      SurveyMeasure measure,
      SurveyDesign design,
      double level,
      Workspace workspace,
      String wave,
      String from,
      String to,
      CancellationToken cancel) {
    LinkedHashSet<String> vars = new LinkedHashSet<>(spec.variables());
    vars.addAll(measure.variables());
    vars.addAll(design.variables());
    vars.add(wave);
    if (streams(spec.dataset(), vars, measure.kind(), design, workspace)) {
      return estimateChangeStreamed(
          spec, measure, design, level, workspace, wave, from, to, ColumnSlices.SLICE_ROWS, cancel);
    }
    DatasetColumns columns = workspace.columns(spec.dataset(), List.copyOf(vars));
    return estimateChange(spec, measure, design, level, columns, wave, from, to, cancel);
  }

  /**
   * The change between waves over columns that need not fit in the heap: one streamed pass as
   * {@link #estimateStreamed} with the wave as the last dimension, so per (PSU, cell and wave) the
   * linearised totals (per replicate the cell totals) are added in record order as in memory, and
   * the same difference variances follow.
   *
   * @param sliceRows records of a slice (tests use fewer than {@link ColumnSlices#SLICE_ROWS})
   */
  SurveyTable estimateChangeStreamed(
      TableSpec spec,
      SurveyMeasure measure,
      SurveyDesign design,
      double level,
      Workspace workspace,
      String wave,
      String from,
      String to,
      int sliceRows,
      CancellationToken cancel) {
    checkLevel(level);
    ChangeSpecs c = changeSpecs(spec, measure, design, wave, from, to);
    Table point = tabulator.tabulate(c.point(), workspace, cancel);
    Run run =
        streamedRun(
            c.all(),
            null,
            measure,
            design,
            spec.percentage(),
            level,
            workspace,
            sliceRows,
            true,
            cancel);
    int[] pos = wavePositions(run.la, wave, from, to);
    return change(point, run, pos, measure, spec.percentage(), level);
  }

  /**
   * The specs of a change: {@code point}, the two waves' table together as written (the design's
   * weight, the measure's tabulation); {@code all}, the estimation's (the wave as the last wafer,
   * totals on every dimension).
   */
  private record ChangeSpecs(TableSpec point, TableSpec all) {}

  /** The {@link ChangeSpecs}, checking the measure and the wave variable. */
  private static ChangeSpecs changeSpecs(
      TableSpec spec,
      SurveyMeasure measure,
      SurveyDesign design,
      String wave,
      String from,
      String to) {
    if (measure.kind() == SurveyMeasure.Kind.QUANTILE
        || measure.kind() == SurveyMeasure.Kind.GINI) {
      throw new InputException(
          "Change between waves is for counts, sums, means, ratios and percentages, not "
              + measure.label());
    }
    if (spec.dimensions().stream().anyMatch(d -> d.variable().equals(wave))) {
      throw new InputException(
          "The wave variable '" + wave + "' must not be a dimension of a change table");
    }
    TableSpec both =
        spec.withFilter(new org.statbench.core.spec.CodeFilter(wave, List.of(from, to), false));
    TableSpec base = both.withWeight(design.weight());
    List<DimensionSpec> wafers = new ArrayList<>(base.wafers());
    wafers.add(DimensionSpec.of(wave));
    TableSpec all = base.withWafers(wafers);
    for (DimensionSpec d : all.dimensions()) {
      all = all.withTotal(d.variable(), true);
    }
    return new ChangeSpecs(base.withMeasure(measure.tabulationMeasure()), all);
  }

  /** The positions of the codes {@code from} and {@code to} in the wave (last) dimension. */
  private static int[] wavePositions(LeafAssignment la, String wave, String from, String to) {
    Dimension waveDim = la.dimensions().get(la.dimensions().size() - 1);
    int posFrom = -1;
    int posTo = -1;
    for (int c = 0; c < waveDim.categories().size(); c++) {
      String code = waveDim.categories().get(c).code();
      posFrom = code.equals(from) ? c : posFrom;
      posTo = code.equals(to) ? c : posTo;
    }
    if (posFrom < 0 || posTo < 0) {
      throw new InputException(
          "The wave variable '" + wave + "' has no code '" + (posFrom < 0 ? from : to) + "'");
    }
    return new int[] {posFrom, posTo, waveDim.size()};
  }

  /** Per cell of the point table the change from wave {@code pos[0]} to wave {@code pos[1]}. */
  private static SurveyTable change(
      Table point, Run run, int[] pos, SurveyMeasure measure, Percentage pct, double level) {
    LeafAssignment la = run.la;
    int waves = pos[2];
    List<Dimension> outDims = la.dimensions().subList(0, la.dimensions().size() - 1);
    int[] map = outputMap(outDims, point.dimensions());
    int n = point.cellCount();
    double[] est = new double[n];
    double[] se = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] deff = new double[n];
    Arrays.fill(deff, Double.NaN);
    for (int o = 0; o < map.length; o++) {
      int t = map[o];
      if (t < 0) {
        continue;
      }
      int a = o * waves + pos[0];
      int b = o * waves + pos[1];
      est[t] = run.est[b] - run.est[a];
      double scale = pct != Percentage.NONE ? 100 : 1;
      se[t] = Math.sqrt(run.differenceVariance(a, b)) * scale;
      lo[t] = est[t] - run.z * se[t];
      hi[t] = est[t] + run.z * se[t];
    }
    String label = measure.label();
    if (pct != Percentage.NONE) {
      label = pct.key() + "%:" + label;
    }
    return new SurveyTable(point.withValues(est), "change:" + label, level, se, lo, hi, deff);
  }

  /** The design resolved against the columns, cached by design and column identity. */
  private DesignFrame frame(SurveyDesign design, DatasetColumns data) {
    List<Object> key = new ArrayList<>();
    key.add(design);
    for (String v : design.variables()) {
      key.add(new Identity(data.column(v)));
    }
    synchronized (frames) {
      DesignFrame f = frames.get(key);
      if (f != null) {
        return f;
      }
    }
    DesignFrame f = DesignFrame.of(design, data);
    synchronized (frames) {
      frames.put(key, f);
    }
    return f;
  }

  /** Identity of a column object, as a map key. */
  private record Identity(Object o) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity i && i.o == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(o);
    }
  }

  private static int[] outputMap(List<Dimension> allDims, List<Dimension> outDims) {
    int nd = allDims.size();
    int n = 1;
    for (Dimension d : allDims) {
      n *= d.size();
    }
    int[] outStride = new int[nd];
    int s = 1;
    for (int d = nd - 1; d >= 0; d--) {
      outStride[d] = s;
      s *= outDims.get(d).size();
    }
    int[] map = new int[n];
    for (int o = 0; o < n; o++) {
      int rest = o;
      int t = 0;
      int stride = n;
      for (int d = 0; d < nd; d++) {
        stride /= allDims.get(d).size();
        int c = rest / stride;
        rest %= stride;
        if (c >= outDims.get(d).size()) {
          t = -1;
          break;
        }
        t += c * outStride[d];
      }
      map[o] = t;
    }
    return map;
  }

  /** One estimation: per cell the estimate, its variance and what follows from it. */
  private static final class Run {
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

    Run(
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
      this.y =
          measure.variable() == null || data == null ? null : numeric(measure.variable(), data);
      this.x =
          measure.denominator() == null || data == null
              ? null
              : numeric(measure.denominator(), data);
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

    private static double[] numeric(String v, DatasetColumns data) {
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

    /**
     * Per (PSU, leaf) slot, grouped by leaf: slots of leaf l are [slotStart[l], slotStart[l+1]).
     */
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

    /** The one pass over the records in memory (see {@link Sums}). */
    private void accumulate() {
      int r = f.reps == null ? 0 : f.reps.length;
      boolean byStratum = f.design.psu() == null;
      Sums sums =
          new Sums(
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
    void adopt(Sums sums) {
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
                : perRecord
                    ? strataVariance(leavesOfCell[o], null, theta, sb)
                    : variance(theta, sb);
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
     * The linearisation variance when each record is its own PSU, from the per-(stratum, leaf)
     * sums: per stratum {@code sum u = (sum pa - theta sum pb) / d} and {@code sum u^2 = (sum pa^2
     * - 2 theta sum pa pb + theta^2 sum pb^2) / d^2} over the records, {@code pa} = w a in the
     * cell's leaves. Without margin leaves {@code pb} = w b in the cell; a percentage's {@code pb}
     * is w a in the margin's leaves (which hold the cell's: {@code pa pb = pa^2}). Records outside
     * both have u = 0 and count only in the stratum's record number.
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

    /**
     * Marks stratum h as touched (its sums zeroed the first time) and returns the touched count.
     */
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
     * The variance from the sums of u and u^2 of the {@code st} touched strata, stratum by stratum
     * by the design's rules (scale, lonely PSUs); clears the touched marks.
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
     * Takes the sums of the Woodruff records ({@link Sums#addByCell}: cells as leaves) and the
     * cells' quantiles.
     */
    void adoptQuantiles(Sums sums, double[] quantiles) {
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
      double swzz =
          ((1 - pHat) * (1 - pHat) * below + pHat * pHat * (nhat - below)) / (nhat * nhat);
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
    void adoptGini(Sums sums, double[] gini, double[][] replicates) {
      adopt(sums);
      giniByCell = gini;
      giniReplicates = replicates;
    }

    /**
     * A Gini's standard error from the replicate Ginis, or by linearisation from the per (PSU,
     * cell) sums of {@code w z}; the design effect from the cell's sums of {@code w}, {@code w z}
     * and {@code w z^2}.
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

  /**
   * The sums the linear estimators need, accumulated over the records in record order (all at once
   * in memory, or slice by slice over data larger than the heap: the same additions in the same
   * order, so the same sums to the last bit): per (PSU, leaf) the totals of {@code w a} and {@code
   * w b}, per leaf the moments the design effect needs and the replicate totals. Held memory grows
   * with the (PSU, leaf) pairs, not the records. Without a PSU variable (each record its own PSU)
   * the slots are per (stratum, leaf) instead and also hold the records' sums of squares and
   * products {@code (w a)^2}, {@code w a w b} and {@code (w b)^2}: all a stratum's sum of squared
   * linearised values needs, so nothing is kept per record.
   */
  static final class Sums {
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

    /**
     * Per (PSU, leaf) slot, grouped by leaf: slots of leaf l are [slotStart[l], slotStart[l+1]).
     */
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
    Sums(
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
     * Adds records: per record its leaf (0 dropped), weight, PSU number (its stratum when the
     * design has no PSU variable), replicate weights ([r][i], null without), measure value {@code
     * y} and denominator {@code x} (null when unused).
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
     * (PSU, cell), those of {@code w 1{y <= q}} and {@code w} (these Sums made for {@link
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

  /** An open-addressing map from long keys to non-negative ints (-1 when absent). */
  private static final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(long expected) {
      int cap = Integer.highestOneBit((int) Math.max(16, Math.min(1 << 29, expected * 2)) - 1) << 1;
      keys = new long[cap];
      values = new int[cap];
      Arrays.fill(values, -1);
    }

    int get(long key) {
      int mask = keys.length - 1;
      int h = hash(key) & mask;
      while (values[h] >= 0) {
        if (keys[h] == key) {
          return values[h];
        }
        h = (h + 1) & mask;
      }
      return -1;
    }

    void put(long key, int value) {
      if (size * 2 >= keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int h = hash(key) & mask;
      while (values[h] >= 0 && keys[h] != key) {
        h = (h + 1) & mask;
      }
      if (values[h] < 0) {
        size++;
      }
      keys[h] = key;
      values[h] = value;
    }

    private void grow() {
      long[] ok = keys;
      int[] ov = values;
      keys = new long[ok.length * 2];
      values = new int[ok.length * 2];
      Arrays.fill(values, -1);
      size = 0;
      for (int k = 0; k < ok.length; k++) {
        if (ov[k] >= 0) {
          put(ok[k], ov[k]);
        }
      }
    }

    private static int hash(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }
  }
}
