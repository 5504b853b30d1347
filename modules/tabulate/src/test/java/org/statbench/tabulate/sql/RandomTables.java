package org.statbench.tabulate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Band;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.CodeGroup;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.spec.RollUp;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Measure;
import org.statbench.core.table.Table;

/**
 * Random datasets and table specs for comparing execution paths. Measure values and weights are
 * whole numbers so that sums are exact whatever the addition order.
 */
final class RandomTables {
  private RandomTables() {}

  static final String[] HOSTILE = {"a,b", "q\"uote", "line\nbreak", "O'Brien", "x", "10", "2"};

  static DatasetColumns dataset(SplittableRandom r) {
    int n = r.nextInt(0, 250);
    int k1 = r.nextInt(1, 6);
    String[] c1Codes = new String[k1];
    for (int i = 0; i < k1; i++) {
      c1Codes[i] = i < HOSTILE.length && r.nextBoolean() ? HOSTILE[i] : "c" + i;
    }
    List<String> dict1 = new ArrayList<>(List.of(c1Codes));
    if (r.nextBoolean()) {
      dict1.add("unused"); // a codelist entry without records
    }
    dict1 = new ArrayList<>(new java.util.LinkedHashSet<>(dict1));
    int[] c1 = new int[n];
    int[] parent = new int[n];
    int[] grand = new int[n];
    int[] great = new int[n];
    int[] c2 = new int[n];
    double[] i1 = new double[n];
    double[] x = new double[n];
    double[] w = new double[n];
    int[] d = new int[n];
    int day0 = (int) LocalDate.of(2023, 1, 1).toEpochDay();
    for (int i = 0; i < n; i++) {
      c1[i] = r.nextInt(10) == 0 ? -1 : r.nextInt(k1);
      // a three-level hierarchy over c1: P2 has no grandparent, G1 no great-grandparent
      parent[i] = c1[i] < 0 ? -1 : c1[i] % 3;
      grand[i] = parent[i] < 0 || parent[i] == 2 ? -1 : parent[i];
      great[i] = grand[i] == 0 ? 0 : -1;
      c2[i] = r.nextInt(8) == 0 ? -1 : r.nextInt(3);
      i1[i] = r.nextInt(9) == 0 ? Double.NaN : r.nextInt(-3, 40);
      x[i] = r.nextInt(7) == 0 ? Double.NaN : r.nextInt(-20, 100);
      w[i] = r.nextInt(10) == 0 ? Double.NaN : r.nextInt(0, 4);
      d[i] = r.nextInt(12) == 0 ? DateColumn.MISSING : day0 + r.nextInt(900);
    }
    List<Column> cols = new ArrayList<>();
    cols.add(CategoricalColumn.of("c1", VariableType.CATEGORICAL, dict1, c1));
    cols.add(
        CategoricalColumn.of("par", VariableType.CATEGORICAL, List.of("P0", "P1", "P2"), parent));
    cols.add(CategoricalColumn.of("gpar", VariableType.CATEGORICAL, List.of("G0", "G1"), grand));
    cols.add(CategoricalColumn.of("ggpar", VariableType.CATEGORICAL, List.of("T"), great));
    cols.add(CategoricalColumn.of("c2", VariableType.CATEGORICAL, List.of("m", "f", "z"), c2));
    cols.add(new NumericColumn("i1", VariableType.INTEGER, i1));
    cols.add(new NumericColumn("x", VariableType.INTEGER, x));
    cols.add(new NumericColumn("w", VariableType.INTEGER, w));
    cols.add(new DateColumn("d", d));
    return DatasetColumns.of("rnd", cols);
  }

  static TableSpec spec(SplittableRandom r, DatasetColumns data) {
    List<String> pool = new ArrayList<>(List.of("c1", "c2", "i1", "d"));
    java.util.Collections.shuffle(pool, new java.util.Random(r.nextLong()));
    int dims = r.nextInt(0, 4);
    List<DimensionSpec> all = new ArrayList<>();
    for (int i = 0; i < dims; i++) {
      String v = pool.get(i);
      all.add(new DimensionSpec(v, derivation(r, v, data), r.nextInt(5) != 0));
    }
    int nRows = dims == 0 ? 0 : r.nextInt(0, dims + 1);
    int nCols = r.nextInt(0, dims - nRows + 1);
    TableSpec s =
        TableSpec.of("rnd")
            .withRows(all.subList(0, nRows))
            .withColumns(all.subList(nRows, nRows + nCols))
            .withWafers(all.subList(nRows + nCols, dims));
    List<Filter> filters = new ArrayList<>();
    if (r.nextInt(3) == 0) {
      CategoricalColumn c1 = (CategoricalColumn) data.column("c1");
      List<String> codes = new ArrayList<>();
      for (String c : c1.dictionary()) {
        if (r.nextBoolean()) {
          codes.add(c);
        }
      }
      if (r.nextBoolean()) {
        codes.add("Missing");
      }
      if (codes.isEmpty()) {
        codes.add("nothing");
      }
      filters.add(new CodeFilter("c1", codes, r.nextBoolean()));
    }
    if (r.nextInt(4) == 0) {
      filters.add(new CodeFilter("i1", List.of("1", "2", "3", "Missing"), r.nextBoolean()));
    }
    if (r.nextInt(4) == 0) {
      filters.add(new RangeFilter("i1", r.nextInt(-5, 10), r.nextInt(10, 50)));
    }
    if (r.nextInt(4) == 0) {
      LocalDate from = LocalDate.of(2023, 1, 1).plusDays(r.nextInt(400));
      filters.add(new DateRangeFilter("d", from, r.nextBoolean() ? null : from.plusDays(300)));
    }
    s = s.withFilters(filters);
    String[] measures = {
      "count",
      "count",
      "sum:x",
      "mean:x",
      "min:x",
      "max:x",
      "median:x",
      "p90:x",
      "p25:x",
      "distinct:i1",
      "distinct:c2"
    };
    Measure m = Measure.parse(measures[r.nextInt(measures.length)]);
    s = s.withMeasure(m);
    String k = m.label();
    if ((k.equals("count")
            || k.startsWith("sum")
            || k.startsWith("mean")
            || k.startsWith("median")
            || k.startsWith("p"))
        && r.nextBoolean()) {
      s = s.withWeight("w");
    }
    if ((k.equals("count") || k.startsWith("sum")) && r.nextInt(3) == 0) {
      s = s.withPercentage(Percentage.values()[r.nextInt(1, Percentage.values().length)]);
    }
    return s;
  }

  private static Derivation derivation(SplittableRandom r, String v, DatasetColumns data) {
    if (r.nextInt(3) == 0) {
      return null;
    }
    switch (v) {
      case "i1" -> {
        if (r.nextInt(4) == 0) {
          // builders: equal-width half-open real bands, or quantile bands of the values
          double[] vals = ((NumericColumn) data.column("i1")).values();
          boolean any = java.util.Arrays.stream(vals).anyMatch(x -> !Double.isNaN(x));
          return any && r.nextBoolean()
              ? Bands.quantiles(vals, r.nextInt(2, 6))
              : Bands.equalWidth(-3.5, 40, r.nextInt(2, 6));
        }
        List<Band> bands = new ArrayList<>();
        int lo = r.nextInt(-5, 5);
        if (r.nextBoolean()) {
          bands.add(Band.of(Double.NEGATIVE_INFINITY, lo - 1));
        }
        int parts = r.nextInt(1, 4);
        for (int i = 0; i < parts; i++) {
          int hi = lo + r.nextInt(0, 12);
          bands.add(Band.of(lo, hi));
          lo = hi + 1 + r.nextInt(0, 3); // gaps make "Other"
        }
        if (r.nextBoolean()) {
          bands.add(Band.of(lo, Double.POSITIVE_INFINITY));
        }
        return new Bands(
            new ArrayList<>(
                new LinkedHashMap<String, Band>() {
                  {
                    for (Band b : bands) {
                      putIfAbsent(b.label(), b);
                    }
                  }
                }.values()));
      }
      case "d" -> {
        return new DateGrouping(DateUnit.values()[r.nextInt(DateUnit.values().length)]);
      }
      case "c1" -> {
        if (r.nextBoolean()) {
          List<String> chain = List.of("par", "gpar", "ggpar");
          return RollUp.toVariables(chain.subList(0, r.nextInt(1, chain.size() + 1)));
        }
        List<String> dict = ((CategoricalColumn) data.column("c1")).dictionary();
        List<String> members = new ArrayList<>();
        for (String c : dict) {
          if (r.nextBoolean()) {
            members.add(c);
          }
        }
        return members.isEmpty() ? null : new CodeGroups(List.of(new CodeGroup("G,1", members)));
      }
      case "c2" -> {
        return switch (r.nextInt(3)) {
          case 0 -> RollUp.byMapping(Map.of("m", "people", "f", "people"));
          case 1 ->
              RollUp.byMappings(
                  List.of(
                      Map.of("m", "people", "f", "people", "z", "other"), Map.of("people", "all")));
          default ->
              RollUp.byMappings(
                  List.of(
                      Map.of("m", "adults", "f", "adults"),
                      Map.of("adults", "people", "z", "people"),
                      Map.of("people", "all")));
        };
      }
      default -> {
        return null;
      }
    }
  }

  /** Asserts two tables are identical cell by cell, with a readable message. */
  static void assertSame(Table expected, Table actual, String context) {
    assertThat(actual.dimensions()).as(context + " dimensions").isEqualTo(expected.dimensions());
    assertThat(actual.cellCount()).as(context).isEqualTo(expected.cellCount());
    for (int i = 0; i < expected.cellCount(); i++) {
      String where = context + " cell " + java.util.Arrays.toString(expected.codes(i));
      double e = expected.value(i);
      double a = actual.value(i);
      if (Double.isNaN(e)) {
        assertThat(a).as(where + " value").isNaN();
      } else {
        assertThat(a).as(where + " value").isEqualTo(e);
      }
      assertThat(actual.count(i)).as(where + " count").isEqualTo(expected.count(i));
      assertThat(actual.top(i)).as(where + " top").containsExactly(expected.top(i));
      assertThat(actual.hasNegative(i)).as(where + " negative").isEqualTo(expected.hasNegative(i));
    }
  }
}
