package org.statbench.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One dimension of a table: a variable (possibly banded, grouped or rolled up) with its categories
 * and, when {@code total} is true, a margin at position {@code categories().size()}.
 *
 * @param variable the variable name (the long CSV column header)
 * @param label display label
 * @param role row, column or wafer
 * @param categories categories in display order; hierarchies list parents and children together
 * @param total whether the dimension has a total position
 */
public record Dimension(
    String variable, String label, DimensionRole role, List<Category> categories, boolean total) {
  public Dimension {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(role, "role");
    label = label == null ? variable : label;
    categories = List.copyOf(categories);
  }

  /** Number of positions: categories plus one for the total when present. */
  public int size() {
    return categories.size() + (total ? 1 : 0);
  }

  /** Position of the total, or -1 when there is none. */
  public int totalIndex() {
    return total ? categories.size() : -1;
  }

  /** True when position {@code i} is the total. */
  public boolean isTotal(int i) {
    return total && i == categories.size();
  }

  /** True when position {@code i} is a margin: the total or a category with children. */
  public boolean isMargin(int i) {
    return isTotal(i) || !children(i).isEmpty();
  }

  /** The code written at position {@code i}: the category code or {@code Total}. */
  public String code(int i) {
    return isTotal(i) ? Category.TOTAL : categories.get(i).code();
  }

  /** Positions directly below position {@code i}: for the total, categories without a parent. */
  public List<Integer> children(int i) {
    List<Integer> out = new ArrayList<>();
    int wanted = isTotal(i) ? -1 : i;
    if (!isTotal(i) && i >= categories.size()) {
      return out;
    }
    for (int c = 0; c < categories.size(); c++) {
      if (categories.get(c).parent() == wanted) {
        out.add(c);
      }
    }
    return out;
  }

  /** True when some category has a parent (the dimension is a hierarchy). */
  public boolean isHierarchical() {
    return categories.stream().anyMatch(c -> c.parent() >= 0);
  }
}
