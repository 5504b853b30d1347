package org.statbench.app.linkage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.statbench.core.data.Column;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;
import org.statbench.link.Links;

/**
 * The match rate by a variable of the left dataset: left records by its categories and by linked /
 * not linked, with margins, as a count table that can only leave through the disclosure release
 * path. Plain Java.
 */
final class MatchRates {
  private MatchRates() {}

  /**
   * @param dataset the left dataset's name
   * @param by the variable's values for every left record
   * @param links accepted links (after review)
   */
  static Table table(String dataset, Column by, Links links) {
    BitSet linked = new BitSet(by.size());
    for (int i = 0; i < links.size(); i++) {
      linked.set(links.left(i));
    }
    Map<String, long[]> counts = new TreeMap<>();
    for (int i = 0; i < by.size(); i++) {
      String v = by.isMissing(i) ? Category.MISSING : by.text(i);
      counts.computeIfAbsent(v, k -> new long[2])[linked.get(i) ? 0 : 1]++;
    }
    List<Category> rows = new ArrayList<>();
    long[] cells = new long[(counts.size() + 1) * 3];
    int r = 0;
    long[] total = new long[2];
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      rows.add(Category.of(e.getKey()));
      long[] c = e.getValue();
      cells[r * 3] = c[0];
      cells[r * 3 + 1] = c[1];
      cells[r * 3 + 2] = c[0] + c[1];
      total[0] += c[0];
      total[1] += c[1];
      r++;
    }
    cells[r * 3] = total[0];
    cells[r * 3 + 1] = total[1];
    cells[r * 3 + 2] = total[0] + total[1];
    return Table.ofCounts(
        dataset,
        List.of(
            new Dimension(by.name(), null, DimensionRole.ROW, rows, true),
            new Dimension(
                "link",
                "Linked",
                DimensionRole.COLUMN,
                List.of(Category.of("linked"), Category.of("not linked")),
                true)),
        cells);
  }
}
