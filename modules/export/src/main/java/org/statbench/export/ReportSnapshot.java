package org.statbench.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the export gate keeps of a disclosure report: the hash of the table it was computed on,
 * whether it passed, the policy and protection in words, and one {@link CellVerdict} per cell. It
 * is written into clearance requests and the report sheet of releases, so a statistician sees
 * exactly what the analyst saw.
 *
 * @param tableHash {@code Table.hash()} of the table the report was computed on
 * @param passed true when every published cell is safe (protection, if any, passed its audit)
 * @param policy the policy in words, citing every rule's parameters
 * @param protection the protection applied in words (e.g. "none", "secondary suppression")
 * @param cells one verdict per cell, in cell-index order
 * @param notes further findings in words (e.g. audit failures), possibly empty
 */
public record ReportSnapshot(
    String tableHash,
    boolean passed,
    String policy,
    String protection,
    List<CellVerdict> cells,
    List<String> notes) {
  public ReportSnapshot {
    Objects.requireNonNull(tableHash, "tableHash");
    policy = policy == null ? "" : policy;
    protection = protection == null ? "none" : protection;
    cells = List.copyOf(cells);
    notes = notes == null ? List.of() : List.copyOf(notes);
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i).index() != i) {
        throw new IllegalArgumentException("cell verdicts must be in index order");
      }
    }
  }

  /** Cells that failed a primary rule or need review. */
  public List<CellVerdict> failing() {
    return cells.stream().filter(CellVerdict::failing).toList();
  }

  /** Cells whose value is withheld. */
  public List<CellVerdict> suppressed() {
    return cells.stream().filter(CellVerdict::suppressed).toList();
  }

  /** Number of failing cells per rule, in first-seen order (e.g. threshold=3, dominance=1). */
  public Map<String, Integer> failuresByRule() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (CellVerdict c : failing()) {
      out.merge(c.rule(), 1, Integer::sum);
    }
    return out;
  }

  /** One line per failing rule, e.g. {@code threshold: 3 cells}. */
  public List<String> ruleLines() {
    List<String> out = new ArrayList<>();
    failuresByRule().forEach((r, n) -> out.add(r + ": " + n + (n == 1 ? " cell" : " cells")));
    return out;
  }
}
