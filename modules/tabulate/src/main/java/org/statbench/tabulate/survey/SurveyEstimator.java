package org.statbench.tabulate.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.Table;
import org.statbench.store.ColumnSlices;
import org.statbench.store.Workspace;
import org.statbench.tabulate.LeafAssignment;
import org.statbench.tabulate.Tabulator;
import org.statbench.tabulate.ValueOrderWalk;
import org.statbench.tabulate.WeightedQuantiles;

// Size (over 500 lines): the estimators' documentation (the formulas, with R survey's published
// examples in the tests) and the steps of each estimate in memory and streamed, side by side so
// that both paths visibly add the same sums in the same order; the per-cell variances are in
// EstimationRun, the sums in DesignSums.
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
   * walk in value order (quantile, Gini) sorts a record's value, weight and cell with scratch and
   * the Gini replays them (measured: 1,000,000 records whose columns take 20 MB peak at 100 MB live
   * for a median, 114 MB for a Gini; the test's factor of two covers the rest).
   */
  private static long inMemoryBytesPerRecord(SurveyMeasure.Kind kind, SurveyDesign design) {
    int r = design.usesReplicates() ? design.replicates().size() : 0;
    long walk =
        switch (kind) {
          case QUANTILE -> 24;
          case GINI -> 32;
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
      EstimationRun run =
          giniStreamed(
              all, measure, design, spec.percentage(), level, workspace, sliceRows, cancel);
      return surveyTable(point, run.la, run, measure, spec.percentage(), level);
    }
    EstimationRun run =
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
  private EstimationRun streamedRun(
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
    DesignSums[] sums = new DesignSums[1];
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
                  measure.variable() == null
                      ? null
                      : EstimationRun.numeric(measure.variable(), slice);
              double[] x =
                  measure.denominator() == null
                      ? null
                      : EstimationRun.numeric(measure.denominator(), slice);
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
    DesignSums total = sums[0] != null ? sums[0] : sums(la, r, kind, design, 16, 16);
    EstimationRun run = new EstimationRun(frame, la, measure, pct, null, level, cancel);
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
  private EstimationRun giniStreamed(
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
    EstimationRun run = new EstimationRun(frame, la, measure, pct, null, level, cancel);
    DesignSums sums =
        new DesignSums(la.outputCellCount(), 0, SurveyMeasure.Kind.SUM, design, 1024, 1024);
    // the passes in record order need weights and PSUs, not the replicate weights
    SurveyDesign linear = design.withReplicates(null, null);
    LinkedHashSet<String> recordVars = new LinkedHashSet<>(measure.variables());
    recordVars.addAll(linear.variables());
    // a streamed walk of the measure in (value, weight) order under a weight variable
    java.util.function.BiConsumer<String, ValueOrderWalk> walkBy =
        (weight, walk) ->
            tabulator.walkInValueOrder(
                all,
                workspace,
                measure.variable(),
                weight,
                la.leafCount(),
                sliceRows,
                walk,
                cancel);
    double[] g =
        giniSums(
            la,
            walk -> walkBy.accept(design.weight(), walk),
            range -> {
              DesignFrame.Builder b = new DesignFrame.Builder(linear);
              tabulator.assignStreamed(
                  all,
                  workspace,
                  recordVars,
                  sliceRows,
                  (structure, slice, leafOf, first) -> {
                    DesignFrame.Builder.Slice ds = b.add(slice, first);
                    double[] y = EstimationRun.numeric(measure.variable(), slice);
                    range.addRecords(sums, leafOf.length, leafOf, y, ds.w(), ds.psu(), cancel);
                  },
                  cancel);
            });
    double[][] theta =
        giniReplicates(la, design, (k, walk) -> walkBy.accept(design.replicates().get(k), walk));
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
   * ({@link DesignSums#addByCell}).
   */
  private static DesignSums sums(
      LeafAssignment la,
      int r,
      SurveyMeasure.Kind kind,
      SurveyDesign design,
      int psus,
      long expectedRecords) {
    return kind == SurveyMeasure.Kind.QUANTILE
        ? new DesignSums(
            la.outputCellCount(), r, SurveyMeasure.Kind.MEAN, design, psus, expectedRecords)
        : new DesignSums(la.leafCount(), r, kind, design, psus, expectedRecords);
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
    EstimationRun run = new EstimationRun(frame, la, measure, pct, data, level, cancel);
    if (measure.kind() == SurveyMeasure.Kind.QUANTILE) {
      // as the streamed path: the Woodruff sums in record order, then the interval ends in one
      // walk in value order
      double[] q = quantilesByCell(point, la);
      int r = frame.reps == null ? 0 : frame.reps.length;
      boolean byStratum = design.psu() == null;
      DesignSums sums =
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
      DesignSums sums =
          new DesignSums(
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
      EstimationRun run,
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
    return EstimationRun.quantileOf(sortedRecords, y, w, p);
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
    EstimationRun run =
        new EstimationRun(frame(design, data), la, measure, spec.percentage(), data, level, cancel);
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
    EstimationRun run =
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
      Table point,
      EstimationRun run,
      int[] pos,
      SurveyMeasure measure,
      Percentage pct,
      double level) {
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
}
