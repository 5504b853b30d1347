package org.statbench.tabulate;

import java.util.List;
import org.statbench.core.table.Category;

/**
 * How one dimension's values become table positions. Leaves are the categories records fall into
 * (every category that is not a roll-up parent), numbered in category order. Position {@code
 * categories.size()} is the total, which the engine always computes; whether it is shown is {@code
 * total}.
 *
 * @param variable variable name
 * @param categories categories in output order (roll-up parents followed by their children)
 * @param leafOfCode per code of the value set, its leaf
 * @param missingLeaf the leaf of missing values, or -1 when the variable has none
 * @param leafPos per leaf, its position in {@code categories}
 * @param ancestors per leaf, the positions of its parents (nearest first), total excluded
 * @param leavesUnder per position (total included), the leaves it adds up
 * @param total whether the total is shown
 */
public record DimensionPlan(
    String variable,
    List<Category> categories,
    int[] leafOfCode,
    int missingLeaf,
    int[] leafPos,
    int[][] ancestors,
    int[][] leavesUnder,
    boolean total) {

  public int leafCount() {
    return leafPos.length;
  }

  /** Positions including the total. */
  public int fullSize() {
    return categories.size() + 1;
  }

  public int totalPos() {
    return categories.size();
  }

  public DimensionPlan withTotal(boolean on) {
    return on == total
        ? this
        : new DimensionPlan(
            variable, categories, leafOfCode, missingLeaf, leafPos, ancestors, leavesUnder, on);
  }
}
