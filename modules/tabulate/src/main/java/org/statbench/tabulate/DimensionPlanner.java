package org.statbench.tabulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.statbench.core.InputException;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeGroup;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.RollUp;
import org.statbench.core.table.Category;

/**
 * Plans a dimension's categories from the distinct values of its variable, following DESIGN.md:
 * categories ordered by code (numeric order when every code is an integer, chronological for
 * dates), bands and groups in the order written, {@code Missing} last; every value of the whole
 * column gets a category even when a filter leaves it empty.
 */
public final class DimensionPlanner {
  private DimensionPlanner() {}

  /**
   * @param spec the dimension
   * @param values the variable's distinct values
   * @param parentOfCode for a roll-up to a parent variable, per code its parent code (null when it
   *     has none); null otherwise
   */
  public static DimensionPlan plan(DimensionSpec spec, ValueSet values, String[] parentOfCode) {
    int n = values.size();
    Integer[] order = naturalOrder(values);
    String[] key = new String[n];
    java.util.LinkedHashSet<String> keySet = new java.util.LinkedHashSet<>();
    Object d = spec.derivation();
    if (d instanceof Bands b) {
      boolean other = false;
      for (int c = 0; c < n; c++) {
        int i = b.bandOf(values.numbers()[c]);
        key[c] = i < 0 ? Bands.OTHER : b.bands().get(i).label();
        other |= i < 0;
      }
      b.bands().forEach(x -> keySet.add(x.label()));
      if (other) {
        keySet.add(Bands.OTHER);
      }
    } else if (d instanceof CodeGroups g) {
      Map<String, String> groupOf = g.groupOf();
      for (int c : order) {
        String label = values.labels()[c];
        key[c] = groupOf.getOrDefault(label, label);
        keySet.add(key[c]);
      }
      for (CodeGroup cg : g.groups()) {
        keySet.add(cg.name());
      }
    } else if (d instanceof DateGrouping dg) {
      if (values.type() != VariableType.DATE) {
        throw new InputException(
            "Date grouping needs a date variable: '"
                + spec.variable()
                + "' is "
                + values.type().key());
      }
      TreeMap<Integer, String> periods = new TreeMap<>();
      for (int c = 0; c < n; c++) {
        int k = dg.unit().key(LocalDate.ofEpochDay(values.days()[c]));
        key[c] = dg.unit().label(k);
        periods.put(k, key[c]);
      }
      keySet.addAll(periods.values());
    } else {
      // plain values, or a roll-up whose leaves are the plain values
      for (int c : order) {
        key[c] = values.labels()[c];
        keySet.add(key[c]);
      }
    }
    if (values.hasMissing()) {
      keySet.add(Category.MISSING);
    }
    List<String> leafKeys = new ArrayList<>(keySet);
    Map<String, Integer> leafIndex = new LinkedHashMap<>();
    for (String k : leafKeys) {
      leafIndex.put(k, leafIndex.size());
    }
    int[] leafOfCode = new int[n];
    for (int c = 0; c < n; c++) {
      leafOfCode[c] = leafIndex.get(key[c]);
    }
    int missingLeaf = values.hasMissing() ? leafIndex.get(Category.MISSING) : -1;
    if (spec.derivation() instanceof RollUp r) {
      return rollUp(spec, r, values, key, parentOfCode, leafKeys, leafOfCode, missingLeaf);
    }
    List<Category> cats = new ArrayList<>();
    int[] leafPos = new int[leafKeys.size()];
    for (int l = 0; l < leafKeys.size(); l++) {
      cats.add(Category.of(leafKeys.get(l)));
      leafPos[l] = l;
    }
    int[][] anc = new int[leafKeys.size()][0];
    return finish(spec, cats, leafOfCode, missingLeaf, leafPos, anc);
  }

  private static DimensionPlan rollUp(
      DimensionSpec spec,
      RollUp r,
      ValueSet values,
      String[] key,
      String[] parentOfCode,
      List<String> leafKeys,
      int[] leafOfCode,
      int missingLeaf) {
    // parent of every leaf
    String[] parentOfLeaf = new String[leafKeys.size()];
    for (int c = 0; c < values.size(); c++) {
      String p = r.parentOf() != null ? r.parentOf().get(values.labels()[c]) : parentOfCode[c];
      parentOfLeaf[leafOfCode[c]] = p;
    }
    java.util.LinkedHashSet<String> parentSet = new java.util.LinkedHashSet<>();
    for (String p : parentOfLeaf) {
      if (p != null) {
        parentSet.add(p);
      }
    }
    List<String> parents = new ArrayList<>(parentSet);
    parents.sort(codeComparator(parents));
    List<Category> cats = new ArrayList<>();
    int[] leafPos = new int[leafKeys.size()];
    int[][] anc = new int[leafKeys.size()][];
    for (String p : parents) {
      int pPos = cats.size();
      cats.add(new Category(p, p, -1));
      for (int l = 0; l < leafKeys.size(); l++) {
        if (p.equals(parentOfLeaf[l])) {
          leafPos[l] = cats.size();
          anc[l] = new int[] {pPos};
          cats.add(new Category(leafKeys.get(l), leafKeys.get(l), pPos));
        }
      }
    }
    for (int l = 0; l < leafKeys.size(); l++) {
      if (parentOfLeaf[l] == null) {
        leafPos[l] = cats.size();
        anc[l] = new int[0];
        cats.add(Category.of(leafKeys.get(l)));
      }
    }
    return finish(spec, cats, leafOfCode, missingLeaf, leafPos, anc);
  }

  private static DimensionPlan finish(
      DimensionSpec spec,
      List<Category> cats,
      int[] leafOfCode,
      int missingLeaf,
      int[] leafPos,
      int[][] anc) {
    int positions = cats.size() + 1;
    List<List<Integer>> under = new ArrayList<>();
    for (int p = 0; p < positions; p++) {
      under.add(new ArrayList<>());
    }
    for (int l = 0; l < leafPos.length; l++) {
      under.get(leafPos[l]).add(l);
      for (int a : anc[l]) {
        under.get(a).add(l);
      }
      under.get(cats.size()).add(l);
    }
    int[][] leavesUnder = new int[positions][];
    for (int p = 0; p < positions; p++) {
      leavesUnder[p] = under.get(p).stream().mapToInt(Integer::intValue).toArray();
    }
    return new DimensionPlan(
        spec.variable(), cats, leafOfCode, missingLeaf, leafPos, anc, leavesUnder, spec.total());
  }

  /** Code indexes sorted as DESIGN.md orders categories. */
  static Integer[] naturalOrder(ValueSet v) {
    Integer[] order = new Integer[v.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Comparator<Integer> cmp;
    if (v.type() == VariableType.DATE) {
      cmp = Comparator.comparingInt(i -> v.days()[i]);
    } else if (v.type().isNumeric() || allIntegers(v.numbers())) {
      cmp = Comparator.comparingDouble(i -> v.numbers()[i]);
    } else {
      cmp = Comparator.comparing(i -> v.labels()[i]);
    }
    Arrays.sort(order, cmp.thenComparing(i -> v.labels()[i]));
    return order;
  }

  private static boolean allIntegers(double[] numbers) {
    for (double d : numbers) {
      if (Double.isNaN(d) || d != Math.rint(d)) {
        return false;
      }
    }
    return true;
  }

  private static Comparator<String> codeComparator(List<String> codes) {
    double[] nums = ValueSet.parseNumbers(codes.toArray(String[]::new));
    if (allIntegers(nums)) {
      return Comparator.comparingDouble(ValueSet::parseNumber);
    }
    return Comparator.naturalOrder();
  }
}
