package org.statbench.tabulate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.RollUp;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;
import org.statbench.store.Workspace;

/**
 * The cross-tabulation engine: {@link TableSpec} in, {@link Table} out, computed by the columnar
 * kernel over dictionary-encoded columns.
 *
 * <p><b>Semantics</b> (DESIGN.md): missing values form the category {@code Missing} (last); every
 * total includes them; an integer variable used as a dimension keeps its values as codes; bands
 * include both ends and are listed in the order written (values in no band form {@code Other});
 * categories are ordered by code (numerically when every code is an integer, chronologically for
 * dates); every category of the whole column is present even when a filter leaves it empty.
 *
 * <p><b>Cells</b> carry the measure's value, the unweighted number of contributing records (records
 * with a value of the measure variable; every record for counts), for magnitude measures the up to
 * {@link Table#TOP_CONTRIBUTIONS} largest absolute contributions ({@code |value * weight|}) in
 * descending order, and whether any contribution is negative. Empty cells: count and sum 0; mean,
 * min, max and percentiles NaN. Percentiles follow the definition in {@link Quantiles} (the median
 * of an even count is the midpoint of the two middle values).
 *
 * <p><b>Percentages</b>: when the spec asks for them, the returned table's values are percentages
 * (0..100) of the named margin's value, NaN where that margin is 0; counts, top contributions and
 * flags are those of the underlying measure, so disclosure checks still see the record counts.
 *
 * <p><b>Weights</b> (count, sum, mean, median, percentiles): a missing weight counts as 0; record
 * counts stay unweighted. Weighted medians and percentiles follow {@link WeightedQuantiles} (the
 * weighted empirical distribution inverted with the same midpoint convention, so unit weights give
 * the unweighted result); a cell whose weights sum to 0 is empty; negative weights are refused.
 *
 * <p><b>Columns larger than the heap</b>: {@link #tabulate(TableSpec, Workspace,
 * CancellationToken)} streams the columns a slice at a time when twice their size exceeds the heap
 * free now ({@link #shouldStream}); {@link #assignStreamed} does the same for estimation passes
 * outside the kernel (survey variances, which decide up front by the same test).
 *
 * <p>Thread-safe. An instance caches per-column encodings and per-dimension category plans (keyed
 * by column identity), so adding one variable to a table recomputes only the new dimension's maps
 * and the record pass. Keep one instance per workspace session.
 */
public final class Tabulator {
  private static final int CACHE_ENTRIES = 64;

  /** Most ints of rank histograms (leaf cells x distinct values) before falling back to sorting. */
  static final long HISTOGRAM_BUDGET = 16_000_000L;

  private static final int MAX_RANKED = 1_000_000;

  private final long histogramBudget;

  /** An engine with empty caches. */
  public Tabulator() {
    this(HISTOGRAM_BUDGET);
  }

  /** For tests: 0 disables order statistics by histogram (values are then sorted per cell). */
  Tabulator(long histogramBudget) {
    this.histogramBudget = histogramBudget;
  }

  private final Map<Object, Object> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
              return size() > CACHE_ENTRIES;
            }
          });

  /**
   * Computes a table from a workspace, loading only the columns the spec needs. When those columns
   * would not fit in the heap free now, they are streamed through the kernel a slice of records at
   * a time instead ({@link StreamedTabulation}; same table, no columns cached).
   *
   * @throws InputException naming the dataset or variable when unknown
   * @throws org.statbench.core.CancelledException when cancelled
   */
  public Table tabulate(TableSpec spec, Workspace workspace, CancellationToken cancel) {
    long bytes = workspace.columnBytes(spec.dataset(), spec.variables());
    Measure m = spec.measure();
    if (bytes > 0
        && !StreamedTabulation.shouldStream(bytes)
        && spec.weight() != null
        && (m.kind() == MeasureKind.MEDIAN || m.kind() == MeasureKind.PERCENTILE)) {
      // a weighted percentile in memory also holds each record's leaf cell and a sorted copy of
      // (value, weight, cell) with the merge sort's second copy: 44 bytes a record more
      bytes += 44L * workspace.dataset(spec.dataset()).rows();
    }
    if (StreamedTabulation.shouldStream(bytes)) {
      return StreamedTabulation.tabulate(spec, workspace, cancel);
    }
    DatasetColumns columns = workspace.columns(spec.dataset(), spec.variables());
    return tabulate(spec, columns, cancel);
  }

  /** Name of the synthetic column that carries record keys while cell keys are computed. */
  static final String RECORD_KEY = "\u0000record_key";

  /**
   * Computes a table like {@link #tabulate(TableSpec, Workspace, CancellationToken)} and attaches
   * per-cell keys for cell-key perturbation: each cell's key is the fractional part of the sum of
   * the record keys the store assigned at import ({@link Workspace#recordKeys}) over the records in
   * the cell. The same records therefore give the same key in every table, which is what makes
   * perturbation consistent. Costs one more pass over the data.
   */
  public Table tabulateWithCellKeys(TableSpec spec, Workspace workspace, CancellationToken cancel) {
    long bytes = workspace.columnBytes(spec.dataset(), spec.variables());
    // the record keys take 8 bytes a record more
    if (StreamedTabulation.shouldStream(bytes)
        || bytes > 0
            && StreamedTabulation.shouldStream(
                bytes + 8L * workspace.dataset(spec.dataset()).rows())) {
      return StreamedTabulation.tabulateWithCellKeys(spec, workspace, cancel);
    }
    DatasetColumns columns = workspace.columns(spec.dataset(), spec.variables());
    Table table = tabulate(spec, columns, cancel);
    Map<String, Column> withKeys = new LinkedHashMap<>(columns.columns());
    withKeys.put(
        RECORD_KEY,
        new NumericColumn(RECORD_KEY, VariableType.DECIMAL, workspace.recordKeys(spec.dataset())));
    DatasetColumns keyed = new DatasetColumns(columns.dataset(), columns.rows(), withKeys);
    return withCellKeys(table, tabulate(cellKeySpec(spec), keyed, cancel));
  }

  /** The sums of record keys per cell that give a table's cell keys (no weight, no percentage). */
  static TableSpec cellKeySpec(TableSpec spec) {
    return spec.withWeight(null)
        .withPercentage(Percentage.NONE)
        .withMeasure(Measure.of(MeasureKind.SUM, RECORD_KEY));
  }

  /** The table with each cell's key: the fractional part of its sum of record keys (0 if none). */
  static Table withCellKeys(Table table, Table sums) {
    double[] keys = new double[sums.cellCount()];
    for (int i = 0; i < keys.length; i++) {
      double s = sums.value(i);
      keys[i] = Double.isNaN(s) ? 0 : s - Math.floor(s);
    }
    return table.withCellKeys(keys);
  }

  /**
   * Computes a table from columns in memory.
   *
   * @param spec the table definition
   * @param data columns holding at least {@link TableSpec#variables()}
   * @param cancel polled every few thousand records
   * @return the table: dimensions rows, then columns, then wafers
   * @throws InputException naming the variable when it is unknown or of the wrong type
   * @throws org.statbench.core.CancelledException when cancelled
   */
  public Table tabulate(TableSpec spec, DatasetColumns data, CancellationToken cancel) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(cancel, "cancel");
    for (String v : spec.variables()) {
      data.column(v); // names the unknown variable
    }
    List<DimensionPlan> plans = new ArrayList<>();
    List<DimensionRole> roles = new ArrayList<>();
    Kernel k = setUp(spec, data, plans, roles);
    Measure m = spec.measure();
    double[] values = k.values;
    double[] weights = k.weights;
    k.run(cancel);
    Cube cube = Cube.of(plans, roles, k);
    double[] v;
    if (weights != null && (m.kind() == MeasureKind.MEDIAN || m.kind() == MeasureKind.PERCENTILE)) {
      v =
          WeightedQuantiles.compute(
              plans,
              k.leafCells(cancel),
              values,
              weights,
              data.rows(),
              Cube.percentileOf(m),
              spec.weight(),
              cancel);
    } else if (m.kind() == MeasureKind.MEDIAN
        || m.kind() == MeasureKind.PERCENTILE
        || m.kind() == MeasureKind.DISTINCT_COUNT) {
      RankedColumn ranked = ranked(m, data, k.cells - 1);
      if (ranked != null) {
        int[] hist = k.rankHistograms(ranked.ranks, ranked.values.length, cancel);
        v = cube.orderStatisticsFromHistograms(m, hist, ranked.values, cancel);
      } else {
        int[] offsets = new int[k.cells + 1];
        double[] byCell = k.valuesByCell(offsets, cancel);
        v = cube.orderStatistics(m, byCell, offsets, cancel);
      }
    } else {
      v = cube.values(m, weights != null);
    }
    v = cube.percentages(v, spec.percentage());
    boolean withTop = m.kind().isMagnitude();
    return cube.toTable(spec.dataset(), m, weights != null, v, withTop);
  }

  /**
   * Plans the dimensions (filling {@code plans} and {@code roles}) and builds the kernel for the
   * spec's dimensions, filters, measure and weight; the caller runs it.
   */
  private Kernel setUp(
      TableSpec spec, DatasetColumns data, List<DimensionPlan> plans, List<DimensionRole> roles) {
    List<DimensionSpec> dimSpecs = spec.dimensions();
    List<EncodedColumn> encoded = new ArrayList<>();
    for (int i = 0; i < dimSpecs.size(); i++) {
      DimensionSpec ds = dimSpecs.get(i);
      EncodedColumn col = encoded(data.column(ds.variable()));
      plans.add(plan(ds, col, data));
      roles.add(spec.role(i));
      encoded.add(col);
      KernelSetUp.checkCells(plans);
    }
    return KernelSetUp.kernel(spec, data, plans, encoded, memo);
  }

  /**
   * For estimation passes outside the kernel (survey variances, {@code
   * org.statbench.tabulate.survey}): each record's leaf cell under the spec's dimensions and
   * filters, and the output-table cells (margins and roll-up parents included, hidden totals
   * excluded) each leaf adds into. The spec's measure, weight and percentage are ignored.
   *
   * @throws InputException naming the variable when it is unknown or of the wrong type
   */
  public LeafAssignment assign(TableSpec spec, DatasetColumns data, CancellationToken cancel) {
    TableSpec s = spec.withPercentage(Percentage.NONE).withWeight(null).withMeasure(Measure.COUNT);
    for (String v : s.variables()) {
      data.column(v);
    }
    List<DimensionPlan> plans = new ArrayList<>();
    List<DimensionRole> roles = new ArrayList<>();
    Kernel k = setUp(s, data, plans, roles);
    return LeafAssignment.of(plans, roles, k.leafCells(cancel), k.cells - 1, spec.dataset());
  }

  /** Receives one slice of records of a streamed leaf assignment. */
  @FunctionalInterface
  public interface SliceVisitor {
    /**
     * @param assignment the assignment's structure (the same for every slice; its {@link
     *     LeafAssignment#leafOfRecord()} is empty)
     * @param slice the slice's columns
     * @param leafOfRecord per record of the slice its leaf cell (0 when a filter drops it)
     * @param firstRecord the slice's first record's index in the dataset (0-based)
     */
    void visit(
        LeafAssignment assignment, DatasetColumns slice, int[] leafOfRecord, long firstRecord);
  }

  /**
   * {@link #assign} over columns that need not fit in the heap: the dimensions are planned over the
   * whole columns exactly as in memory, then each slice of the spec's columns and {@code columns}
   * is handed to {@code visitor} with its records' leaf cells, in record order. The heap holds one
   * slice of each column. The returned assignment's {@link LeafAssignment#leafOfRecord()} is empty.
   */
  public LeafAssignment assignStreamed(
      TableSpec spec,
      Workspace workspace,
      java.util.Collection<String> columns,
      SliceVisitor visitor,
      CancellationToken cancel) {
    return assignStreamed(
        spec, workspace, columns, org.statbench.store.ColumnSlices.SLICE_ROWS, visitor, cancel);
  }

  /**
   * As above with slices of at most {@code sliceRows} records (each stored slice split further; for
   * tests that need several slices from a small dataset).
   */
  public LeafAssignment assignStreamed(
      TableSpec spec,
      Workspace workspace,
      java.util.Collection<String> columns,
      int sliceRows,
      SliceVisitor visitor,
      CancellationToken cancel) {
    if (sliceRows <= 0) {
      throw new IllegalArgumentException("sliceRows must be positive: " + sliceRows);
    }
    return StreamedTabulation.assign(spec, workspace, columns, sliceRows, visitor, cancel);
  }

  /**
   * Feeds the records of the spec's table (its dimensions and filters; a record counts when its
   * leaf cell is not 0, its {@code value} is not missing and its {@code weight} is above 0) to
   * {@code walk} in the order of (value, weight), streaming slices of the columns (a pass over them
   * per window of the order), as {@link WeightedQuantiles#walk} feeds them in memory: the same
   * additions in the same order. The heap holds a slice of the columns and a window of entries.
   *
   * @param leafCells the spec's leaf cells (as its {@link LeafAssignment} counts them)
   * @param sliceRows records of a slice (tests use few)
   */
  public void walkInValueOrder(
      TableSpec spec,
      Workspace workspace,
      String value,
      String weight,
      int leafCells,
      int sliceRows,
      ValueOrderWalk walk,
      CancellationToken cancel) {
    TableSpec s = spec.withWeight(null).withPercentage(Percentage.NONE).withMeasure(Measure.COUNT);
    StreamedWeightedQuantiles.walk(
        visitor ->
            StreamedTabulation.assign(
                s,
                workspace,
                List.of(value, weight),
                sliceRows,
                (structure, slice, leafOf, first) -> {
                  double[] v = ((NumericColumn) slice.column(value)).values();
                  double[] w = ((NumericColumn) slice.column(weight)).values();
                  int[] cells = leafOf.clone();
                  for (int i = 0; i < cells.length; i++) {
                    if (v[i] != v[i]) {
                      cells[i] = 0;
                    }
                  }
                  visitor.visit(cells, v, w, cells.length);
                },
                cancel),
        StreamedTabulation.budget(),
        leafCells,
        weight,
        walk,
        cancel);
  }

  /**
   * Whether work that holds {@code bytes} of per-record arrays is better streamed, by the test the
   * table path uses ({@link StreamedTabulation#shouldStream(long)}: twice the bytes exceed the heap
   * free now).
   */
  public static boolean shouldStream(long bytes) {
    return StreamedTabulation.shouldStream(bytes);
  }

  /**
   * The measure column ranked for histograms when the histograms stay small (leaf cells times
   * distinct values at most the histogram budget), else null.
   */
  private RankedColumn ranked(Measure m, DatasetColumns data, int leafCells) {
    if (!(data.column(m.variable()) instanceof NumericColumn n) || histogramBudget <= 0) {
      return null;
    }
    // ranked once per column (cached); a column with too many distinct values is remembered
    Object r =
        cached(
            List.of("ranked", n),
            () -> {
              RankedColumn rc = RankedColumn.of(n, MAX_RANKED);
              return rc == null ? Boolean.FALSE : rc;
            });
    if (r instanceof RankedColumn rc
        && (long) rc.values.length * Math.max(1, leafCells) <= histogramBudget) {
      return rc;
    }
    return null;
  }

  private DimensionPlan plan(DimensionSpec ds, EncodedColumn col, DatasetColumns data) {
    List<Map<String, String>> levels = null;
    List<Object> parentKey = new ArrayList<>();
    if (ds.derivation() instanceof RollUp r && r.byVariables()) {
      levels = new ArrayList<>();
      String childName = ds.variable();
      EncodedColumn child = col;
      for (String pv : r.parentVariables()) {
        Column parent = data.column(pv);
        parentKey.add(parent);
        EncodedColumn enc = encoded(parent);
        String cn = childName;
        EncodedColumn ch = child;
        levels.add(cached(List.of("parents", ch, parent), () -> parentsOf(cn, ch, pv, enc)));
        childName = pv;
        child = enc;
      }
    }
    List<Map<String, String>> resolved = levels;
    DimensionPlan p =
        cached(
            java.util.Arrays.asList("plan", col, ds.variable(), ds.derivation(), parentKey),
            () -> DimensionPlanner.plan(ds, col.values, resolved));
    return p.withTotal(ds.total());
  }

  /** Each child code's parent label, checked to be unique. */
  private static Map<String, String> parentsOf(
      String variable, EncodedColumn child, String parentVariable, EncodedColumn parent) {
    ParentCodes codes = new ParentCodes(variable, child.values, parentVariable, parent.values);
    codes.read(child, parent);
    return codes.labels();
  }

  private EncodedColumn encoded(Column col) {
    return cached(List.of("encoded", col), () -> EncodedColumn.of(col));
  }

  /** The cache as the kernel's set-up sees it. */
  private final KernelSetUp.Memo memo =
      new KernelSetUp.Memo() {
        @Override
        public <T> T get(Object key, java.util.function.Supplier<T> compute) {
          return cached(key, compute);
        }
      };

  @SuppressWarnings("unchecked")
  private <T> T cached(Object key, java.util.function.Supplier<T> compute) {
    Object v = cache.get(key);
    if (v == null) {
      v = compute.get();
      cache.put(key, v);
    }
    return (T) v;
  }
}
