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
   * @param parentLevels for a roll-up, per parent level (nearest first) each code's parent code
   *     (codes absent have no parent at that level), as resolved from the data for a roll-up to
   *     parent variables; null to use a roll-up's own mappings (and for other dimensions)
   * @throws IllegalArgumentException when a roll-up to parent variables comes without its levels
   */
  public static DimensionPlan plan(
      DimensionSpec spec, ValueSet values, List<Map<String, String>> parentLevels) {
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
      List<Map<String, String>> levels = parentLevels;
      if (levels == null) {
        if (r.byVariables()) {
          throw new IllegalArgumentException(
              "the parent levels of a roll-up to variables must be resolved from the data");
        }
        levels = r.parentMaps();
      }
      return rollUp(spec, levels, leafKeys, leafOfCode, missingLeaf);
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

  /** A parent in a roll-up tree: a code at a level (1 = nearest the leaves). */
  private static final class Node {
    final int level;
    final String code;
    final List<Node> nodes = new ArrayList<>();
    final List<Integer> leaves = new ArrayList<>();
    Node parent;
    int pos = -1;

    Node(int level, String code) {
      this.level = level;
      this.code = code;
    }
  }

  /**
   * Lays the leaves out under their chains of parents: depth first, every parent directly before
   * its children; under each parent (and under the total) the child parents come first, higher
   * levels before lower ones and each level in code order, then the leaves in leaf order.
   */
  private static DimensionPlan rollUp(
      DimensionSpec spec,
      List<Map<String, String>> levels,
      List<String> leafKeys,
      int[] leafOfCode,
      int missingLeaf) {
    int leafCount = leafKeys.size();
    Node root = new Node(levels.size() + 1, Category.TOTAL);
    Map<String, Node> nodes = new LinkedHashMap<>();
    Node[][] chains = new Node[leafCount][];
    for (int l = 0; l < leafCount; l++) {
      List<Node> chain = new ArrayList<>();
      if (l != missingLeaf) {
        String cur = leafKeys.get(l);
        for (int k = 0; k < levels.size(); k++) {
          String p = levels.get(k).get(cur);
          if (p == null) {
            break;
          }
          int level = k + 1;
          chain.add(nodes.computeIfAbsent(level + "\u0000" + p, x -> new Node(level, p)));
          cur = p;
        }
      }
      chains[l] = chain.toArray(Node[]::new);
      // link the chain bottom-up; a parent's own parent is the same from every leaf (maps are
      // functions), so the first leaf that reaches it links it
      for (int k = 0; k + 1 < chains[l].length; k++) {
        Node below = chains[l][k];
        if (below.parent == null) {
          below.parent = chains[l][k + 1];
          below.parent.nodes.add(below);
        }
      }
      if (chains[l].length == 0) {
        root.leaves.add(l);
      } else {
        chains[l][0].leaves.add(l);
      }
    }
    for (Node nd : nodes.values()) {
      if (nd.parent == null) {
        root.nodes.add(nd);
      }
    }
    // code order per level, as for plain categories
    Map<Integer, Comparator<String>> byLevel = new LinkedHashMap<>();
    for (int k = 1; k <= levels.size(); k++) {
      int level = k;
      List<String> codes =
          nodes.values().stream().filter(x -> x.level == level).map(x -> x.code).toList();
      byLevel.put(level, codeComparator(codes));
    }
    List<Category> cats = new ArrayList<>();
    int[] leafPos = new int[leafCount];
    layOut(root, -1, byLevel, leafKeys, cats, leafPos);
    int[][] anc = new int[leafCount][];
    for (int l = 0; l < leafCount; l++) {
      anc[l] = new int[chains[l].length];
      for (int k = 0; k < chains[l].length; k++) {
        anc[l][k] = chains[l][k].pos;
      }
    }
    return finish(spec, cats, leafOfCode, missingLeaf, leafPos, anc);
  }

  private static void layOut(
      Node node,
      int parentPos,
      Map<Integer, Comparator<String>> byLevel,
      List<String> leafKeys,
      List<Category> cats,
      int[] leafPos) {
    List<Node> kids = new ArrayList<>(node.nodes);
    kids.sort(
        Comparator.comparingInt((Node x) -> -x.level)
            .thenComparing((a, b) -> byLevel.get(a.level).compare(a.code, b.code)));
    for (Node k : kids) {
      k.pos = cats.size();
      cats.add(new Category(k.code, k.code, parentPos));
      layOut(k, k.pos, byLevel, leafKeys, cats, leafPos);
    }
    for (int l : node.leaves) {
      leafPos[l] = cats.size();
      cats.add(new Category(leafKeys.get(l), leafKeys.get(l), parentPos));
    }
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
