package org.statbench.core.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.statbench.core.InputException;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;

/**
 * The definition of a table: what the tabulation engine computes and what a saved table definition
 * holds. Immutable; the {@code with...} methods return changed copies (what a table builder does on
 * every drag).
 *
 * @param dataset dataset name
 * @param rows row dimensions, outermost first (nesting allowed)
 * @param columns column dimensions, outermost first
 * @param wafers wafer (layer) dimensions
 * @param filters conditions combined with AND
 * @param measure the measure (default count)
 * @param weight weight variable, or null; weights apply to count, sum, mean, median and percentiles
 *     (weighted percentiles as defined by the tabulation engine; min and max ignore weights; record
 *     counts stay unweighted; a missing weight counts as 0); not to distinct counts
 * @param percentage whether values are shown as percentages of a margin (default NONE)
 */
public record TableSpec(
    String dataset,
    List<DimensionSpec> rows,
    List<DimensionSpec> columns,
    List<DimensionSpec> wafers,
    List<Filter> filters,
    Measure measure,
    String weight,
    Percentage percentage) {

  /**
   * @throws InputException when a variable is used by two dimensions, or a weight or percentage is
   *     combined with a measure it does not apply to
   */
  public TableSpec {
    Objects.requireNonNull(dataset, "dataset");
    rows = rows == null ? List.of() : List.copyOf(rows);
    columns = columns == null ? List.of() : List.copyOf(columns);
    wafers = wafers == null ? List.of() : List.copyOf(wafers);
    filters = filters == null ? List.of() : List.copyOf(filters);
    measure = measure == null ? Measure.COUNT : measure;
    weight = weight == null || weight.isBlank() ? null : weight;
    percentage = percentage == null ? Percentage.NONE : percentage;
    Set<String> seen = new HashSet<>();
    for (List<DimensionSpec> l : List.of(rows, columns, wafers)) {
      for (DimensionSpec d : l) {
        if (!seen.add(d.variable())) {
          throw new InputException("Variable '" + d.variable() + "' is used by two dimensions");
        }
      }
    }
    MeasureKind k = measure.kind();
    if (weight != null && k == MeasureKind.DISTINCT_COUNT) {
      throw new InputException(
          "A weight applies to count, sum, mean, median and percentiles, not to "
              + measure.label());
    }
    if (percentage != Percentage.NONE && !k.isAdditive()) {
      throw new InputException("Percentages apply to counts and sums, not to " + measure.label());
    }
  }

  /** An empty count table of a dataset: add dimensions with the {@code with...} methods. */
  public static TableSpec of(String dataset) {
    return new TableSpec(dataset, null, null, null, null, null, null, null);
  }

  public TableSpec withDataset(String d) {
    return new TableSpec(d, rows, columns, wafers, filters, measure, weight, percentage);
  }

  public TableSpec withRows(List<DimensionSpec> r) {
    return new TableSpec(dataset, r, columns, wafers, filters, measure, weight, percentage);
  }

  public TableSpec withColumns(List<DimensionSpec> c) {
    return new TableSpec(dataset, rows, c, wafers, filters, measure, weight, percentage);
  }

  public TableSpec withWafers(List<DimensionSpec> w) {
    return new TableSpec(dataset, rows, columns, w, filters, measure, weight, percentage);
  }

  public TableSpec withFilters(List<Filter> f) {
    return new TableSpec(dataset, rows, columns, wafers, f, measure, weight, percentage);
  }

  public TableSpec withMeasure(Measure m) {
    return new TableSpec(dataset, rows, columns, wafers, filters, m, weight, percentage);
  }

  public TableSpec withWeight(String w) {
    return new TableSpec(dataset, rows, columns, wafers, filters, measure, w, percentage);
  }

  public TableSpec withPercentage(Percentage p) {
    return new TableSpec(dataset, rows, columns, wafers, filters, measure, weight, p);
  }

  /** Convenience: plain row dimensions by variable name. */
  public TableSpec withRows(String... variables) {
    return withRows(plain(variables));
  }

  /** Convenience: plain column dimensions by variable name. */
  public TableSpec withColumns(String... variables) {
    return withColumns(plain(variables));
  }

  /** Convenience: plain wafer dimensions by variable name. */
  public TableSpec withWafers(String... variables) {
    return withWafers(plain(variables));
  }

  /** A copy with one more filter. */
  public TableSpec withFilter(Filter f) {
    List<Filter> l = new ArrayList<>(filters);
    l.add(f);
    return withFilters(l);
  }

  /**
   * A copy where the dimension on {@code variable} (in any role) has this derivation.
   *
   * @throws InputException when no dimension uses the variable
   */
  public TableSpec withDerivation(String variable, Derivation derivation) {
    return mapDimension(variable, d -> d.withDerivation(derivation));
  }

  /**
   * A copy where the dimension on {@code variable} has its total switched on or off.
   *
   * @throws InputException when no dimension uses the variable
   */
  public TableSpec withTotal(String variable, boolean on) {
    return mapDimension(variable, d -> d.withTotal(on));
  }

  private TableSpec mapDimension(
      String variable, java.util.function.UnaryOperator<DimensionSpec> f) {
    boolean[] found = {false};
    java.util.function.Function<List<DimensionSpec>, List<DimensionSpec>> map =
        l ->
            l.stream()
                .map(
                    d -> {
                      if (d.variable().equals(variable)) {
                        found[0] = true;
                        return f.apply(d);
                      }
                      return d;
                    })
                .toList();
    TableSpec s =
        new TableSpec(
            dataset,
            map.apply(rows),
            map.apply(columns),
            map.apply(wafers),
            filters,
            measure,
            weight,
            percentage);
    if (!found[0]) {
      throw new InputException("Variable '" + variable + "' is not a dimension of the table");
    }
    return s;
  }

  private static List<DimensionSpec> plain(String... variables) {
    return java.util.Arrays.stream(variables).map(DimensionSpec::of).toList();
  }

  /** All dimensions in table order: rows, then columns, then wafers. */
  public List<DimensionSpec> dimensions() {
    List<DimensionSpec> all = new ArrayList<>(rows.size() + columns.size() + wafers.size());
    all.addAll(rows);
    all.addAll(columns);
    all.addAll(wafers);
    return all;
  }

  /** The role of the {@code i}-th entry of {@link #dimensions()}. */
  public DimensionRole role(int i) {
    if (i < rows.size()) {
      return DimensionRole.ROW;
    }
    return i < rows.size() + columns.size() ? DimensionRole.COLUMN : DimensionRole.WAFER;
  }

  /**
   * Every variable the table reads (dimensions, roll-up parents, filters, measure, weight), in a
   * stable order without duplicates: what to load from the store.
   */
  public List<String> variables() {
    Set<String> v = new LinkedHashSet<>();
    for (DimensionSpec d : dimensions()) {
      v.add(d.variable());
      if (d.derivation() instanceof RollUp r) {
        v.addAll(r.parentVariables());
      }
    }
    for (Filter f : filters) {
      v.add(f.variable());
    }
    if (measure.variable() != null) {
      v.add(measure.variable());
    }
    if (weight != null) {
      v.add(weight);
    }
    return List.copyOf(v);
  }
}
