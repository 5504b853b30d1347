package org.statbench.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.statbench.core.InputException;
import org.statbench.core.ResourceException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.tabulate.DimensionPlan;
import org.statbench.tabulate.DimensionPlanner;
import org.statbench.tabulate.ValueSet;

/**
 * Breakdown groups of cohorts: each record's group index, and each group's codes (one per breakdown
 * variable). Built in three steps so that the records can come a slice at a time: {@link #scan}
 * each slice (the values of each variable), {@link #plan} (each variable's categories exactly as
 * the tabulation engine plans them: codes in natural order, bands and groups as written, {@code
 * Missing} last), {@link #combine} each slice (the combinations that occur), then {@link #groupOf}
 * per slice.
 */
final class Groups {
  private static final int MAX_PLAIN_CATEGORIES = 100_000;

  private final List<String> by;
  private final Map<String, Derivation> derivations;
  private final Scan[] scans;
  private DimensionPlan[] plans;
  private List<List<String>> codes;
  private long[] seen = new long[0]; // sorted distinct combinations found so far
  private List<List<String>> labels = List.of(List.of());

  private Groups(List<String> by, Map<String, Derivation> derivations) {
    this.by = List.copyOf(by);
    this.derivations = derivations;
    this.scans = new Scan[by.size()];
    for (int v = 0; v < scans.length; v++) {
      scans[v] = new Scan();
    }
  }

  /** Groups over one in-memory slice: scanned, planned and combined. */
  static Groups of(DatasetColumns data, List<String> by, Map<String, Derivation> derivations) {
    Groups g = start(by, derivations);
    g.scan(data);
    g.plan(Long.MAX_VALUE);
    g.combine(data);
    return g;
  }

  /** Groups to be scanned slice by slice. */
  static Groups start(List<String> by, Map<String, Derivation> derivations) {
    return new Groups(by, derivations);
  }

  /** Whether there is no breakdown (one group, every record in it). */
  boolean none() {
    return by.isEmpty();
  }

  int count() {
    return labels.size();
  }

  List<String> label(int g) {
    return labels.get(g);
  }

  List<List<String>> labels() {
    return labels;
  }

  /** Step 1: the values of each breakdown variable in a slice. */
  void scan(DatasetColumns data) {
    for (int v = 0; v < scans.length; v++) {
      scans[v].add(data.column(by.get(v)), derivations.get(by.get(v)));
    }
  }

  /**
   * Step 2: each variable's categories.
   *
   * @param maxValues the most distinct values of a banded number or grouped date held at once (a
   *     streamed breakdown over more is refused as out of memory, with the figures)
   */
  void plan(long maxValues) {
    plans = new DimensionPlan[scans.length];
    codes = new ArrayList<>();
    for (int v = 0; v < scans.length; v++) {
      plans[v] = scans[v].plan(by.get(v), derivations.get(by.get(v)), maxValues);
      codes.add(leafCodes(plans[v]));
    }
  }

  /** Step 3: the combinations that occur in a slice; returns each record's combination. */
  long[] combine(DatasetColumns data) {
    if (none()) {
      return null;
    }
    long[] combined = combined(data);
    long[] distinct = Arrays.stream(combined).distinct().sorted().toArray();
    long[] merged = new long[seen.length + distinct.length];
    int n = 0;
    int a = 0;
    int b = 0;
    while (a < seen.length || b < distinct.length) {
      long x;
      if (b == distinct.length || (a < seen.length && seen[a] <= distinct[b])) {
        x = seen[a++];
      } else {
        x = distinct[b++];
      }
      if (n == 0 || merged[n - 1] != x) {
        merged[n++] = x;
      }
    }
    seen = Arrays.copyOf(merged, n);
    List<List<String>> out = new ArrayList<>();
    for (long key : seen) {
      String[] label = new String[by.size()];
      long rest = key;
      for (int v = by.size() - 1; v >= 0; v--) {
        int size = codes.get(v).size();
        label[v] = codes.get(v).get((int) (rest % size));
        rest /= size;
      }
      out.add(List.of(label));
    }
    labels = out;
    return combined;
  }

  /**
   * Each record's group in a slice (null without a breakdown), once every slice is combined.
   *
   * @param combined the slice's combinations from {@link #combine}, or null to compute them
   */
  int[] groupOf(DatasetColumns data, long[] combined) {
    if (none()) {
      return null;
    }
    long[] c = combined != null ? combined : combined(data);
    int[] out = new int[c.length];
    for (int i = 0; i < c.length; i++) {
      out[i] = Arrays.binarySearch(seen, c[i]);
    }
    return out;
  }

  private long[] combined(DatasetColumns data) {
    int rows = data.rows();
    long[] combined = new long[rows];
    long stride = 1;
    for (int v = by.size() - 1; v >= 0; v--) {
      scans[v].positions(data.column(by.get(v)), plans[v], combined, stride);
      stride *= codes.get(v).size();
    }
    return combined;
  }

  private static List<String> leafCodes(DimensionPlan plan) {
    List<String> out = new ArrayList<>(plan.leafCount());
    for (int leaf = 0; leaf < plan.leafCount(); leaf++) {
      out.add(plan.categories().get(plan.leafPos()[leaf]).code());
    }
    return out;
  }

  /** The values of one breakdown variable seen so far. */
  private static final class Scan {
    String[] dictionary; // categorical
    double[] numbers; // integer or banded number: sorted distinct
    int[] days; // grouped date: sorted distinct
    boolean anyMissing;
    VariableType type;

    void add(Column col, Derivation derivation) {
      type = col.type();
      if (col instanceof CategoricalColumn cat) {
        dictionary = cat.dictionary().toArray(String[]::new);
        for (int i = 0, n = col.size(); i < n && !anyMissing; i++) {
          anyMissing = cat.code(i) == CategoricalColumn.MISSING;
        }
      } else if (col instanceof NumericColumn num
          && (num.type() == VariableType.INTEGER || derivation instanceof Bands)) {
        double[] values = num.values();
        anyMissing |= Arrays.stream(values).anyMatch(Double::isNaN);
        DoubleStream slice = Arrays.stream(values).filter(x -> !Double.isNaN(x));
        numbers =
            (numbers == null ? slice : DoubleStream.concat(slice, Arrays.stream(numbers)))
                .distinct()
                .sorted()
                .toArray();
      } else if (col instanceof DateColumn dc && derivation instanceof DateGrouping) {
        int[] d = dc.epochDays();
        anyMissing |= Arrays.stream(d).anyMatch(x -> x == DateColumn.MISSING);
        IntStream slice = Arrays.stream(d).filter(x -> x != DateColumn.MISSING);
        days =
            (days == null ? slice : IntStream.concat(slice, Arrays.stream(days)))
                .distinct()
                .sorted()
                .toArray();
      } else {
        throw new InputException(
            "Variable '"
                + col.name()
                + "' is "
                + col.type().key()
                + ": a breakdown needs a categorical or integer variable, bands of a number or a"
                + " date grouping of a date");
      }
    }

    DimensionPlan plan(String name, Derivation derivation, long maxValues) {
      DimensionSpec dim = new DimensionSpec(name, derivation, false);
      if (dictionary != null) {
        return DimensionPlanner.plan(
            dim,
            new ValueSet(
                name, type, dictionary, ValueSet.parseNumbers(dictionary), null, anyMissing),
            null);
      }
      int n = numbers != null ? numbers.length : days.length;
      if (numbers != null && derivation == null && n > MAX_PLAIN_CATEGORIES) {
        throw new InputException(
            "Variable '"
                + name
                + "' has "
                + n
                + " distinct values: band it to use it as a breakdown");
      }
      if (n > maxValues) {
        throw ResourceException.outOfMemory(
            String.format(
                Locale.ROOT,
                "tracking cohorts by '%s': its %,d distinct values do not fit beside the records"
                    + " (at most %,d here); group it into fewer values",
                name,
                n,
                maxValues),
            null);
      }
      String[] labels = new String[n];
      if (numbers != null) {
        for (int k = 0; k < n; k++) {
          labels[k] = NumericColumn.formatNumber(numbers[k]);
        }
        return DimensionPlanner.plan(
            dim, new ValueSet(name, type, labels, numbers, null, anyMissing), null);
      }
      double[] none = new double[n];
      for (int k = 0; k < n; k++) {
        labels[k] = LocalDate.ofEpochDay(days[k]).toString();
        none[k] = Double.NaN;
      }
      return DimensionPlanner.plan(
          dim, new ValueSet(name, VariableType.DATE, labels, none, days, anyMissing), null);
    }

    /** Adds {@code stride} times each record's category (leaf) into {@code combined}. */
    void positions(Column col, DimensionPlan plan, long[] combined, long stride) {
      int rows = combined.length;
      int[] leafOf = plan.leafOfCode();
      int missing = plan.missingLeaf();
      if (dictionary != null) {
        CategoricalColumn cat = (CategoricalColumn) col;
        for (int i = 0; i < rows; i++) {
          int c = cat.code(i);
          combined[i] += (c == CategoricalColumn.MISSING ? missing : leafOf[c]) * stride;
        }
      } else if (numbers != null) {
        double[] values = ((NumericColumn) col).values();
        for (int i = 0; i < rows; i++) {
          int leaf =
              Double.isNaN(values[i]) ? missing : leafOf[Arrays.binarySearch(numbers, values[i])];
          combined[i] += leaf * stride;
        }
      } else {
        int[] d = ((DateColumn) col).epochDays();
        for (int i = 0; i < rows; i++) {
          int leaf = d[i] == DateColumn.MISSING ? missing : leafOf[Arrays.binarySearch(days, d[i])];
          combined[i] += leaf * stride;
        }
      }
    }
  }
}
