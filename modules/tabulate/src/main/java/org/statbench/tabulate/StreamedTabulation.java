package org.statbench.tabulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.RollUp;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;
import org.statbench.store.ColumnSlices;
import org.statbench.store.Workspace;

/**
 * A table over columns that do not fit in the heap, computed a slice of records at a time (see
 * docs/decisions/0013-stream-tables-larger-than-the-heap.md). A first pass over the dimension
 * columns alone finds each dimension's values over the whole column (so the categories are the ones
 * the in-memory engine plans); the second pass runs the ordinary {@link Kernel} on each slice of
 * every needed column, adding into one set of leaf accumulators. The heap holds one slice of each
 * column ({@link ColumnSlices#SLICE_ROWS} records), the dictionaries and the cube.
 *
 * <p>Counts, sums, means, minima, maxima, top contributions and percentages come out exactly as in
 * memory (the same kernel and cube; sums add in the same record order). Unweighted medians and
 * percentiles are selected exactly by further passes, and distinct counts counted exactly by passes
 * over parts of the values ({@link StreamedQuantiles}); weighted ones by walks over windows of the
 * records in the order of (value, weight) ({@link StreamedWeightedQuantiles}). A roll-up by parent
 * variables reads its parent codes from the records in a pass of its own before the accumulation,
 * checked as in memory ({@link ParentCodes}). Every measure, derivation and filter streams.
 */
final class StreamedTabulation {
  private StreamedTabulation() {}

  /**
   * Whether a table whose columns take {@code columnBytes} when loaded whole is streamed: when
   * twice that (the columns plus the kernel's own arrays — encodings, cleaned weights, values by
   * cell — which are at most as large again) exceeds the heap free now ({@code maxHeap - usedHeap},
   * garbage counted as used, so the test errs towards streaming, which gives the same table).
   */
  static boolean shouldStream(long columnBytes, long maxHeap, long usedHeap) {
    return columnBytes > 0 && 2 * columnBytes > maxHeap - usedHeap;
  }

  /** Whether the heap free now in this JVM is too small for the columns (see above). */
  static boolean shouldStream(long columnBytes) {
    Runtime rt = Runtime.getRuntime();
    return shouldStream(columnBytes, rt.maxMemory(), rt.totalMemory() - rt.freeMemory());
  }

  /** Computes the table slice by slice. */
  static Table tabulate(TableSpec spec, Workspace workspace, CancellationToken cancel) {
    return tabulate(spec, workspace, budget(), false, cancel);
  }

  /**
   * Bucket counters of the percentile passes, or (cell, value) pairs of a distinct count (12 bytes
   * each, in a table at most half full): at most a thirty-second of the heap.
   */
  static long budget() {
    return Runtime.getRuntime().maxMemory() / 32 / 24;
  }

  /**
   * Computes the table and its cell keys slice by slice, as {@link Tabulator#tabulateWithCellKeys}
   * does in memory: the sums of the record keys per cell add in the same record order, so the keys
   * are the same to the last bit.
   */
  static Table tabulateWithCellKeys(TableSpec spec, Workspace workspace, CancellationToken cancel) {
    Table table = tabulate(spec, workspace, cancel);
    Table sums = tabulate(Tabulator.cellKeySpec(spec), workspace, budget(), true, cancel);
    return Tabulator.withCellKeys(table, sums);
  }

  /**
   * As above, with at most {@code bucketBudget} bucket counters held by a percentile pass (or
   * (cell, value) pairs by a distinct count's pass, or entries by a weighted percentile's window).
   */
  static Table tabulate(
      TableSpec spec, Workspace workspace, long bucketBudget, CancellationToken cancel) {
    return tabulate(spec, workspace, bucketBudget, false, cancel);
  }

  /** As above, each slice carrying its record keys as {@link Tabulator#RECORD_KEY} if asked. */
  private static Table tabulate(
      TableSpec spec,
      Workspace workspace,
      long bucketBudget,
      boolean recordKeys,
      CancellationToken cancel) {
    Measure m = spec.measure();
    List<String> stored = new ArrayList<>(spec.variables());
    stored.remove(Tabulator.RECORD_KEY);
    Sliced all = new Sliced(workspace.columnSlices(spec.dataset(), stored), recordKeys);
    boolean quantile = m.kind() == MeasureKind.MEDIAN || m.kind() == MeasureKind.PERCENTILE;
    Map<String, SharedEncoding> shared = new LinkedHashMap<>();
    List<DimensionPlan> plans = new ArrayList<>();
    List<DimensionRole> roles = new ArrayList<>();
    plan(spec, workspace, shared, plans, roles, cancel);
    Kernel k = null;
    for (int s = 0; s < all.sliceCount(); s++) {
      cancel.throwIfCancelled();
      Kernel next = sliceKernel(spec, all.slice(s), plans, shared);
      if (k != null) {
        next.continueFrom(k);
      }
      next.run(cancel);
      k = next;
    }
    Cube cube = Cube.of(plans, roles, k);
    boolean weighted = spec.weight() != null;
    double[] v;
    boolean distinct = m.kind() == MeasureKind.DISTINCT_COUNT;
    if (quantile && weighted) {
      v =
          StreamedWeightedQuantiles.compute(
              plans,
              Cube.percentileOf(m),
              visitor -> {
                for (int s = 0; s < all.sliceCount(); s++) {
                  cancel.throwIfCancelled();
                  Kernel sk = sliceKernel(spec, all.slice(s), plans, shared);
                  visitor.visit(sk.leafCells(cancel), sk.values, sk.weights, sk.rows);
                }
              },
              bucketBudget,
              spec.weight(),
              cancel);
    } else if (quantile || distinct) {
      StreamedQuantiles.Slices pass =
          visitor -> {
            for (int s = 0; s < all.sliceCount(); s++) {
              cancel.throwIfCancelled();
              Kernel sk = sliceKernel(spec, all.slice(s), plans, shared);
              visitor.visit(sk.leafCells(cancel), sk.values, sk.rows);
            }
          };
      v =
          distinct
              ? StreamedQuantiles.distinctCounts(
                  plans, cube, pass, (int) Math.min(Integer.MAX_VALUE / 4, bucketBudget), cancel)
              : StreamedQuantiles.compute(
                  plans, cube, Cube.percentileOf(m), pass, bucketBudget, cancel);
    } else {
      v = cube.values(m, weighted);
    }
    v = cube.percentages(v, spec.percentage());
    return cube.toTable(spec.dataset(), m, weighted, v, m.kind().isMagnitude());
  }

  /**
   * The dimensions planned over the whole columns (first passes of {@link #scanDimensions}), as the
   * in-memory engine plans them; fills {@code shared}, {@code plans} and {@code roles}.
   */
  private static void plan(
      TableSpec spec,
      Workspace workspace,
      Map<String, SharedEncoding> shared,
      List<DimensionPlan> plans,
      List<DimensionRole> roles,
      CancellationToken cancel) {
    Map<DimensionSpec, List<ParentCodes>> parents = new LinkedHashMap<>();
    scanDimensions(spec, workspace, shared, parents, cancel);
    for (int i = 0; i < spec.dimensions().size(); i++) {
      DimensionSpec ds = spec.dimensions().get(i);
      ValueSet vs = shared.get(ds.variable()).values();
      List<Map<String, String>> levels = null;
      if (parents.containsKey(ds)) {
        levels = new ArrayList<>();
        for (ParentCodes level : parents.get(ds)) {
          levels.add(level.labels());
        }
      }
      plans.add(DimensionPlanner.plan(ds, vs, levels).withTotal(ds.total()));
      roles.add(spec.role(i));
      KernelSetUp.checkCells(plans);
    }
  }

  /**
   * Streamed counterpart of {@link Tabulator#assign}: the leaf assignment's structure (its {@link
   * LeafAssignment#leafOfRecord()} empty), each slice of {@code columns} (and the spec's own)
   * handed to {@code visitor} with its records' leaf cells, in record order.
   */
  static LeafAssignment assign(
      TableSpec spec,
      Workspace workspace,
      java.util.Collection<String> columns,
      int sliceRows,
      Tabulator.SliceVisitor visitor,
      CancellationToken cancel) {
    TableSpec s =
        spec.withPercentage(org.statbench.core.spec.Percentage.NONE)
            .withWeight(null)
            .withMeasure(Measure.COUNT);
    Map<String, SharedEncoding> shared = new LinkedHashMap<>();
    List<DimensionPlan> plans = new ArrayList<>();
    List<DimensionRole> roles = new ArrayList<>();
    plan(s, workspace, shared, plans, roles, cancel);
    int leaves = 1;
    for (DimensionPlan p : plans) {
      leaves = Math.multiplyExact(leaves, p.leafCount());
    }
    LeafAssignment structure = LeafAssignment.of(plans, roles, new int[0], leaves, s.dataset());
    java.util.LinkedHashSet<String> wanted = new java.util.LinkedHashSet<>(s.variables());
    wanted.addAll(columns);
    ColumnSlices slices = workspace.columnSlices(s.dataset(), wanted);
    long first = 0;
    for (int i = 0; i < slices.sliceCount(); i++) {
      DatasetColumns stored = slices.slice(i);
      for (int from = 0; from < stored.rows(); from += sliceRows) {
        cancel.throwIfCancelled();
        DatasetColumns data =
            from == 0 && stored.rows() <= sliceRows
                ? stored
                : rows(stored, from, Math.min(stored.rows(), from + sliceRows));
        Kernel k = sliceKernel(s, data, plans, shared);
        visitor.visit(structure, data, k.leafCells(cancel), first);
        first += data.rows();
      }
    }
    return structure;
  }

  /** Records {@code from} (inclusive) to {@code to} of the columns (dictionaries shared). */
  private static DatasetColumns rows(DatasetColumns data, int from, int to) {
    Map<String, Column> out = new LinkedHashMap<>();
    for (Map.Entry<String, Column> e : data.columns().entrySet()) {
      Column c = e.getValue();
      Column part;
      if (c instanceof NumericColumn n) {
        part = new NumericColumn(n.name(), n.type(), Arrays.copyOfRange(n.values(), from, to));
      } else if (c instanceof DateColumn d) {
        part = new DateColumn(d.name(), Arrays.copyOfRange(d.epochDays(), from, to));
      } else {
        CategoricalColumn k = (CategoricalColumn) c;
        part =
            k.isByteEncoded()
                ? CategoricalColumn.ofBytes(
                    k.name(), k.type(), k.dictionary(), Arrays.copyOfRange(k.byteCodes(), from, to))
                : CategoricalColumn.ofInts(
                    k.name(), k.type(), k.dictionary(), Arrays.copyOfRange(k.intCodes(), from, to));
      }
      out.put(e.getKey(), part);
    }
    return new DatasetColumns(data.dataset(), to - from, out);
  }

  /** The slices of the needed columns, with their record keys when asked for. */
  private record Sliced(ColumnSlices slices, boolean recordKeys) {
    int sliceCount() {
      return slices.sliceCount();
    }

    DatasetColumns slice(int s) {
      DatasetColumns data = slices.slice(s);
      if (!recordKeys) {
        return data;
      }
      Map<String, Column> withKeys = new LinkedHashMap<>(data.columns());
      withKeys.put(
          Tabulator.RECORD_KEY,
          new NumericColumn(Tabulator.RECORD_KEY, VariableType.DECIMAL, slices.recordKeys(s)));
      return new DatasetColumns(data.dataset(), data.rows(), withKeys);
    }
  }

  /** The kernel over one slice of records, its dimensions coded against the shared values. */
  private static Kernel sliceKernel(
      TableSpec spec,
      DatasetColumns data,
      List<DimensionPlan> plans,
      Map<String, SharedEncoding> shared) {
    List<EncodedColumn> encoded = new ArrayList<>();
    for (DimensionSpec ds : spec.dimensions()) {
      encoded.add(shared.get(ds.variable()).encode(data.column(ds.variable())));
    }
    return KernelSetUp.kernel(spec, data, plans, encoded, KernelSetUp.Memo.NONE);
  }

  /**
   * First passes: each dimension variable's values (and a roll-up's parent variables' values) over
   * the whole column, then, for a roll-up by parent variables, each level's parent codes read from
   * the records (coded against those values, so one more pass over those columns).
   */
  private static void scanDimensions(
      TableSpec spec,
      Workspace workspace,
      Map<String, SharedEncoding> shared,
      Map<DimensionSpec, List<ParentCodes>> parents,
      CancellationToken cancel) {
    for (DimensionSpec ds : spec.dimensions()) {
      shared.putIfAbsent(ds.variable(), new SharedEncoding());
      for (String pv : parentVariables(ds)) {
        shared.putIfAbsent(pv, new SharedEncoding());
      }
    }
    if (shared.isEmpty()) {
      return;
    }
    ColumnSlices dims = workspace.columnSlices(spec.dataset(), shared.keySet());
    for (int s = 0; s < dims.sliceCount(); s++) {
      cancel.throwIfCancelled();
      DatasetColumns data = dims.slice(s);
      for (Map.Entry<String, SharedEncoding> e : shared.entrySet()) {
        e.getValue().scan(data.column(e.getKey()));
      }
    }
    for (DimensionSpec ds : spec.dimensions()) {
      List<String> chain = new ArrayList<>(List.of(ds.variable()));
      chain.addAll(parentVariables(ds));
      if (chain.size() == 1) {
        continue;
      }
      List<ParentCodes> levels = new ArrayList<>();
      for (int l = 0; l + 1 < chain.size(); l++) {
        levels.add(
            new ParentCodes(
                chain.get(l),
                shared.get(chain.get(l)).values(),
                chain.get(l + 1),
                shared.get(chain.get(l + 1)).values()));
      }
      ColumnSlices chainSlices = workspace.columnSlices(spec.dataset(), chain);
      for (int s = 0; s < chainSlices.sliceCount(); s++) {
        cancel.throwIfCancelled();
        DatasetColumns data = chainSlices.slice(s);
        for (int l = 0; l < levels.size(); l++) {
          levels
              .get(l)
              .read(
                  shared.get(chain.get(l)).encode(data.column(chain.get(l))),
                  shared.get(chain.get(l + 1)).encode(data.column(chain.get(l + 1))));
        }
      }
      parents.put(ds, levels);
    }
  }

  /** A roll-up's parent variables, nearest first (none for other dimensions). */
  private static List<String> parentVariables(DimensionSpec ds) {
    return ds.derivation() instanceof RollUp r && r.byVariables() ? r.parentVariables() : List.of();
  }
}
