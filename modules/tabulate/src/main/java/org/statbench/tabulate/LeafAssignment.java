package org.statbench.tabulate;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;

/**
 * Where each record of a table goes, for estimation passes outside the kernel (survey variances):
 * each record's leaf cell (1..{@link #leafCount()}, 0 when a filter drops it) and, per leaf, the
 * output-table cells it adds into (its own cell, its roll-up parents and the totals shown).
 * Immutable in use (arrays are not copied: callers must not modify them).
 */
public final class LeafAssignment {
  private final int[] leafOfRecord;
  private final int leafCount;
  private final int[][] outputCells;
  private final List<Dimension> dimensions;
  private final int outputCellCount;
  private final String dataset;

  private LeafAssignment(
      int[] leafOfRecord,
      int leafCount,
      int[][] outputCells,
      List<Dimension> dimensions,
      int outputCellCount,
      String dataset) {
    this.leafOfRecord = leafOfRecord;
    this.leafCount = leafCount;
    this.outputCells = outputCells;
    this.dimensions = List.copyOf(dimensions);
    this.outputCellCount = outputCellCount;
    this.dataset = dataset;
  }

  static LeafAssignment of(
      List<DimensionPlan> plans,
      List<DimensionRole> roles,
      int[] leafOfRecord,
      int leafCount,
      String dataset) {
    int nd = plans.size();
    List<Dimension> dims = new ArrayList<>();
    int[] outSize = new int[nd];
    for (int d = 0; d < nd; d++) {
      DimensionPlan p = plans.get(d);
      dims.add(new Dimension(p.variable(), null, roles.get(d), p.categories(), p.total()));
      outSize[d] = p.total() ? p.fullSize() : p.fullSize() - 1;
    }
    int[] outStride = new int[nd];
    int n = 1;
    for (int d = nd - 1; d >= 0; d--) {
      outStride[d] = n;
      n = Math.multiplyExact(n, outSize[d]);
    }
    int[] ls = Cube.leafStrides(plans);
    int[][] cells = new int[leafCount + 1][];
    cells[0] = new int[0];
    for (int c = 1; c <= leafCount; c++) {
      // positions of leaf c in each dimension: its own, its parents, the total when shown
      int[][] pos = new int[nd][];
      for (int d = 0; d < nd; d++) {
        DimensionPlan p = plans.get(d);
        int leaf = ((c - 1) / ls[d]) % p.leafCount();
        int[] anc = p.ancestors()[leaf];
        int[] ps = new int[1 + anc.length + (p.total() ? 1 : 0)];
        ps[0] = p.leafPos()[leaf];
        System.arraycopy(anc, 0, ps, 1, anc.length);
        if (p.total()) {
          ps[ps.length - 1] = p.totalPos();
        }
        pos[d] = ps;
      }
      List<Integer> out = new ArrayList<>();
      int[] at = new int[nd];
      while (true) {
        int o = 0;
        for (int d = 0; d < nd; d++) {
          o += pos[d][at[d]] * outStride[d];
        }
        out.add(o);
        int d = nd - 1;
        while (d >= 0 && ++at[d] == pos[d].length) {
          at[d] = 0;
          d--;
        }
        if (d < 0) {
          break;
        }
      }
      cells[c] = out.stream().mapToInt(Integer::intValue).toArray();
    }
    return new LeafAssignment(leafOfRecord, leafCount, cells, dims, n, dataset);
  }

  /** Per record its leaf cell, 1..{@link #leafCount()}, or 0 when a filter drops the record. */
  public int[] leafOfRecord() {
    return leafOfRecord;
  }

  /** Number of leaf cells. */
  public int leafCount() {
    return leafCount;
  }

  /** The output-table cell indices leaf {@code leaf} (1-based) adds into. */
  public int[] outputCells(int leaf) {
    return outputCells[leaf];
  }

  /** Number of cells of the output table, margins included. */
  public int outputCellCount() {
    return outputCellCount;
  }

  /** The output table's dimensions (rows, columns, wafers). */
  public List<Dimension> dimensions() {
    return dimensions;
  }

  /** The dataset tabulated. */
  public String dataset() {
    return dataset;
  }
}
