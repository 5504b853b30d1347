package org.statbench.tabulate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.statbench.core.InputException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Category;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;

/**
 * Builds the {@link Kernel} for a spec from planned dimensions: slot maps of the dimensions, the
 * filters' masks, the measure's values and the cleaned weights. Shared by the in-memory {@link
 * Tabulator} (which memoises per column) and the {@link StreamedTabulation} (which builds one
 * kernel per slice of records and memoises nothing, so no slice outlives its pass).
 */
final class KernelSetUp {
  private KernelSetUp() {}

  /** Most cells of a table, margins included (a larger table is not readable anyway). */
  static final long MAX_CELLS = 10_000_000L;

  /** Per-column derived arrays: a cache in the in-memory engine, nothing when streaming. */
  interface Memo {
    <T> T get(Object key, Supplier<T> compute);

    /** Computes every time. */
    Memo NONE =
        new Memo() {
          @Override
          public <T> T get(Object key, Supplier<T> compute) {
            return compute.get();
          }
        };
  }

  /**
   * Refuses plans whose full cube (margins included) exceeds {@link #MAX_CELLS}.
   *
   * @throws InputException saying to remove or band a variable
   */
  static void checkCells(List<DimensionPlan> plans) {
    long fullCells = 1;
    for (DimensionPlan p : plans) {
      fullCells *= p.fullSize();
      if (fullCells > MAX_CELLS) {
        throw new InputException(
            "The table would have more than " + MAX_CELLS + " cells: remove or band a variable");
      }
    }
  }

  /**
   * The kernel over {@code data} for the spec's dimensions ({@code plans}, over the columns {@code
   * encoded} in the same order), filters, measure and weight; the caller runs it.
   */
  static Kernel kernel(
      TableSpec spec,
      DatasetColumns data,
      List<DimensionPlan> plans,
      List<EncodedColumn> encoded,
      Memo memo) {
    checkCells(plans);
    long leafCells = 1;
    for (DimensionPlan p : plans) {
      leafCells *= p.leafCount();
    }
    int[] ls = Cube.leafStrides(plans);
    List<Kernel.CodePass> dimPasses = new ArrayList<>();
    for (int d = 0; d < plans.size(); d++) {
      DimensionPlan p = plans.get(d);
      int[] val = new int[p.leafOfCode().length];
      int offset = d == 0 ? 1 : 0; // leaf cells start at 1; 0 is the discard bin
      for (int c = 0; c < val.length; c++) {
        val[c] = p.leafOfCode()[c] * ls[d] + offset;
      }
      int missing = p.missingLeaf() < 0 ? offset : p.missingLeaf() * ls[d] + offset;
      dimPasses.add(Kernel.CodePass.of(encoded.get(d), encoded.get(d).slotMap(val, missing)));
    }
    List<Kernel.CodePass> codeFilters = new ArrayList<>();
    List<Kernel.RangePass> rangeFilters = new ArrayList<>();
    List<Kernel.DayPass> dayFilters = new ArrayList<>();
    for (Filter f : spec.filters()) {
      addFilter(f, data, memo, codeFilters, rangeFilters, dayFilters);
    }
    Measure m = spec.measure();
    double[] values = m.kind() == MeasureKind.COUNT ? null : measureValues(m, data, memo);
    double[] weights = spec.weight() == null ? null : weights(spec.weight(), data, memo);
    return new Kernel(
        data.rows(),
        (int) leafCells + 1,
        dimPasses,
        codeFilters,
        rangeFilters,
        dayFilters,
        values,
        weights);
  }

  private static void addFilter(
      Filter f,
      DatasetColumns data,
      Memo memo,
      List<Kernel.CodePass> codeFilters,
      List<Kernel.RangePass> rangeFilters,
      List<Kernel.DayPass> dayFilters) {
    Column col = data.column(f.variable());
    if (f instanceof CodeFilter cf) {
      EncodedColumn enc = memo.get(List.of("encoded", col), () -> EncodedColumn.of(col));
      Set<String> codes = new HashSet<>(cf.codes());
      int keep = cf.exclude() ? 0 : -1;
      int drop = ~keep;
      int[] val = new int[enc.values.size()];
      for (int c = 0; c < val.length; c++) {
        val[c] = codes.contains(enc.values.labels()[c]) ? keep : drop;
      }
      int missing = codes.contains(Category.MISSING) ? keep : drop;
      codeFilters.add(Kernel.CodePass.of(enc, enc.slotMap(val, missing)));
    } else if (f instanceof RangeFilter rf) {
      rangeFilters.add(new Kernel.RangePass(RecordFilters.numbers(f, col), rf.lo(), rf.hi()));
    } else if (f instanceof DateRangeFilter df) {
      dayFilters.add(
          new Kernel.DayPass(
              RecordFilters.days(f, col), RecordFilters.firstDay(df), RecordFilters.lastDay(df)));
    }
  }

  private static double[] measureValues(Measure m, DatasetColumns data, Memo memo) {
    Column col = data.column(m.variable());
    if (col instanceof NumericColumn n) {
      return n.values();
    }
    if (m.kind() == MeasureKind.DISTINCT_COUNT) {
      return memo.get(List.of("codesAsValues", col), () -> codesAsValues(col));
    }
    throw new InputException(
        "Measure "
            + m.label()
            + " needs a numeric variable: '"
            + m.variable()
            + "' is "
            + col.type().key());
  }

  private static double[] codesAsValues(Column col) {
    double[] v = new double[col.size()];
    if (col instanceof CategoricalColumn c) {
      for (int i = 0; i < v.length; i++) {
        int code = c.code(i);
        v[i] = code < 0 ? Double.NaN : code;
      }
    } else {
      int[] d = ((DateColumn) col).epochDays();
      for (int i = 0; i < v.length; i++) {
        v[i] = d[i] == DateColumn.MISSING ? Double.NaN : d[i];
      }
    }
    return v;
  }

  private static double[] weights(String variable, DatasetColumns data, Memo memo) {
    Column col = data.column(variable);
    if (!(col instanceof NumericColumn n)) {
      throw new InputException(
          "Weight needs a numeric variable: '" + variable + "' is " + col.type().key());
    }
    // the column itself when no weight is missing (the kernel only reads it, as it does the
    // measure's values): a copy took 8 bytes a record more, which ran a weighted count of 2,500,000
    // records out of a 64 MB heap that its columns fitted
    return memo.get(List.of("weights", col), n::valuesMissingAsZero);
  }
}
