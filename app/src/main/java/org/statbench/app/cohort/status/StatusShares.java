package org.statbench.app.cohort.status;

import java.util.ArrayList;
import java.util.List;
import org.statbench.cohort.StatusTable;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.Table;

/**
 * Shares of the states by duration, read from a status count table ({@link
 * StatusTable#toCountTable()}): the raw one for the screen, or a released one with withheld cells
 * NaN for an exported chart, so both are drawn by the same arithmetic. A share is the people in a
 * state over the people in all states (the cohort size where observed); a duration without anyone
 * observed (censored) or with a withheld cell is NaN for every state, so a stack is either whole or
 * absent. With all cohorts, each duration pools the cohorts observed there (censored cohorts hold 0
 * in the count table).
 *
 * @param states the states, priority order then the off state
 * @param share {@code [state][duration]}, in [0, 1] or NaN
 * @param withheld durations left out because a cell was withheld (released tables only)
 */
public record StatusShares(List<String> states, double[][] share, List<Integer> withheld) {

  /** All cohorts (pooled) or all groups (summed), as a target index. */
  public static final int ALL = -1;

  /**
   * The shares of one cohort (or {@link #ALL}) and breakdown group (or {@link #ALL}).
   *
   * @param t the status result the count table was made from (labels and shape)
   */
  public static StatusShares of(Table counts, StatusTable t, int cohort, int group) {
    int ns = t.states().size();
    int w = t.horizon() + 1;
    double[][] share = new double[ns][w];
    List<Integer> withheld = new ArrayList<>();
    for (int d = 0; d < w; d++) {
      double total = counts.value(counts.index(coord(counts, t, cohort, group, d, ALL)));
      boolean any = false;
      double[] col = new double[ns];
      for (int s = 0; s < ns; s++) {
        col[s] = counts.value(counts.index(coord(counts, t, cohort, group, d, s)));
        any |= Double.isNaN(col[s]);
      }
      boolean hidden = any || Double.isNaN(total);
      if (hidden) {
        withheld.add(d);
      }
      for (int s = 0; s < ns; s++) {
        share[s][d] = hidden || total <= 0 ? Double.NaN : col[s] / total;
      }
    }
    return new StatusShares(t.states(), share, withheld);
  }

  /**
   * The cohort x duration table of one state's share, for a group (or {@link #ALL}): {@code
   * [cohort][duration]}, NaN where censored or withheld.
   */
  public static double[][] heat(Table counts, StatusTable t, int group, int state) {
    int w = t.horizon() + 1;
    double[][] out = new double[t.cohorts().size()][w];
    for (int c = 0; c < out.length; c++) {
      for (int d = 0; d < w; d++) {
        double total = counts.value(counts.index(coord(counts, t, c, group, d, ALL)));
        double n = counts.value(counts.index(coord(counts, t, c, group, d, state)));
        out[c][d] = Double.isNaN(n) || Double.isNaN(total) || total <= 0 ? Double.NaN : n / total;
      }
    }
    return out;
  }

  private static int[] coord(Table counts, StatusTable t, int cohort, int group, int d, int s) {
    List<Dimension> dims = counts.dimensions();
    int k = dims.size();
    int[] c = new int[k];
    c[0] = cohort == ALL ? dims.get(0).totalIndex() : cohort;
    for (int v = 1; v < k - 2; v++) {
      Dimension dim = dims.get(v);
      if (group == ALL) {
        c[v] = dim.totalIndex();
      } else {
        String code = t.groups().get(group).get(v - 1);
        int at = 0;
        while (!dim.categories().get(at).code().equals(code)) {
          at++;
        }
        c[v] = at;
      }
    }
    c[k - 2] = d;
    c[k - 1] = s == ALL ? dims.get(k - 1).totalIndex() : s;
    return c;
  }
}
