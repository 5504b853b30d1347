package org.statbench.disclosure.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.statbench.core.InputException;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.Table;

/**
 * The additive structure of a table: along every dimension, each margin position (the total, or a
 * category with children) equals the sum of its children, for every combination of the other
 * coordinates. These are the relations an intruder can use, and the audit's equations. Immutable.
 */
public final class TableStructure {
  private final Table table;
  private final int dims;
  private final int[] size;
  private final int[] stride;

  /** Per dimension and position: the enclosing position (parent category or total), or -1. */
  private final int[][] parent;

  /** Per dimension and position: the positions directly below it. */
  private final int[][][] children;

  /** Per dimension: the leaf positions (categories without children). */
  private final int[][] leaves;

  private final boolean[] related;

  /** Analyses the dimensions of {@code table}. */
  public TableStructure(Table table) {
    this.table = table;
    List<Dimension> ds = table.dimensions();
    dims = ds.size();
    size = new int[dims];
    stride = new int[dims];
    parent = new int[dims][];
    children = new int[dims][][];
    leaves = new int[dims][];
    related = new boolean[dims];
    for (int d = 0; d < dims; d++) {
      Dimension dim = ds.get(d);
      size[d] = dim.size();
      stride[d] = table.stride(d);
      parent[d] = new int[size[d]];
      children[d] = new int[size[d]][];
      List<Integer> lv = new ArrayList<>();
      for (int p = 0; p < size[d]; p++) {
        children[d][p] = dim.children(p).stream().mapToInt(Integer::intValue).toArray();
        if (dim.isTotal(p)) {
          parent[d][p] = -1;
        } else {
          int cp = dim.categories().get(p).parent();
          parent[d][p] = cp >= 0 ? cp : dim.totalIndex();
        }
        if (children[d][p].length > 0) {
          related[d] = true;
        } else if (!dim.isTotal(p)) {
          lv.add(p);
        }
      }
      leaves[d] = lv.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  public Table table() {
    return table;
  }

  public int dimensions() {
    return dims;
  }

  public int size(int d) {
    return size[d];
  }

  public int stride(int d) {
    return stride[d];
  }

  /** The enclosing position of {@code pos} in dimension {@code d}, or -1. */
  public int parent(int d, int pos) {
    return parent[d][pos];
  }

  /** Positions directly below {@code pos}; shared array, do not modify. */
  public int[] children(int d, int pos) {
    return children[d][pos];
  }

  /** Leaf positions of dimension {@code d}; shared array, do not modify. */
  public int[] leaves(int d) {
    return leaves[d];
  }

  /** True when dimension {@code d} has margins (and thus relations). */
  public boolean related(int d) {
    return related[d];
  }

  /** True when any dimension has margins. */
  public boolean hasRelations() {
    for (boolean r : related) {
      if (r) {
        return true;
      }
    }
    return false;
  }

  /** Coordinate of {@code cell} in dimension {@code d}. */
  public int coord(int cell, int d) {
    return (cell / stride[d]) % size[d];
  }

  /** Leaf positions below {@code pos} ({@code pos} itself when it is a leaf). */
  public int[] leavesUnder(int d, int pos) {
    if (children[d][pos].length == 0) {
      return new int[] {pos};
    }
    List<Integer> out = new ArrayList<>();
    collectLeaves(d, pos, out);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private void collectLeaves(int d, int pos, List<Integer> out) {
    if (children[d][pos].length == 0) {
      out.add(pos);
      return;
    }
    for (int c : children[d][pos]) {
      collectLeaves(d, c, out);
    }
  }

  /** True when {@code pos} is {@code anc} or lies below it. */
  public boolean isUnder(int d, int pos, int anc) {
    for (int p = pos; p >= 0; p = parent[d][p]) {
      if (p == anc) {
        return true;
      }
    }
    return false;
  }

  /** Number of dimensions in which {@code cell} sits at a margin position. */
  public int marginDimensions(int cell) {
    int m = 0;
    for (int d = 0; d < dims; d++) {
      if (children[d][coord(cell, d)].length > 0) {
        m++;
      }
    }
    return m;
  }

  /**
   * A relation key: relation "cell at margin position along dimension d = sum of its children" is
   * identified by the margin cell's index and d.
   */
  public long relationKey(int marginCell, int d) {
    return (long) marginCell * dims + d;
  }

  /** The margin cell of a relation key. */
  public int relationCell(long key) {
    return (int) (key / dims);
  }

  /** The dimension of a relation key. */
  public int relationDimension(long key) {
    return (int) (key % dims);
  }

  /**
   * Keys of the relations {@code cell} takes part in: as the margin (when its position in d has
   * children) and as a child (when its position has a parent).
   */
  public void relationsOf(int cell, java.util.function.LongConsumer sink) {
    for (int d = 0; d < dims; d++) {
      int pos = coord(cell, d);
      if (children[d][pos].length > 0) {
        sink.accept(relationKey(cell, d));
      }
      int par = parent[d][pos];
      if (par >= 0) {
        sink.accept(relationKey(cell + (par - pos) * stride[d], d));
      }
    }
  }

  /** The cells of a relation: element 0 is the margin (+1), the rest its children (-1). */
  public int[] relationCells(long key) {
    int m = relationCell(key);
    int d = relationDimension(key);
    int pos = coord(m, d);
    int[] ch = children[d][pos];
    int[] out = new int[ch.length + 1];
    out[0] = m;
    for (int k = 0; k < ch.length; k++) {
      out[k + 1] = m + (ch[k] - pos) * stride[d];
    }
    return out;
  }

  /**
   * Checks that every relation holds in the table's values (relative tolerance 1e-6).
   *
   * @throws InputException naming the first margin that is not the sum of its parts
   */
  public void requireAdditive() {
    int n = table.cellCount();
    for (int cell = 0; cell < n; cell++) {
      for (int d = 0; d < dims; d++) {
        int pos = coord(cell, d);
        if (children[d][pos].length == 0) {
          continue;
        }
        int[] rc = relationCells(relationKey(cell, d));
        double s = 0;
        double scale = Math.abs(table.value(cell));
        for (int k = 1; k < rc.length; k++) {
          s += table.value(rc[k]);
          scale = Math.max(scale, Math.abs(table.value(rc[k])));
        }
        double v = table.value(cell);
        if (Double.isNaN(v) || Double.isNaN(s) || Math.abs(v - s) > 1e-6 * Math.max(1, scale)) {
          throw new InputException(
              "the table does not add up: cell "
                  + Arrays.toString(table.codes(cell))
                  + " is "
                  + NumericColumn.formatNumber(v)
                  + " but its parts along "
                  + table.dimensions().get(d).variable()
                  + " sum to "
                  + NumericColumn.formatNumber(s));
        }
      }
    }
  }
}
