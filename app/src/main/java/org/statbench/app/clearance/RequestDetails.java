package org.statbench.app.clearance;

import java.util.List;

/**
 * What the clearance queue shows for the selected request.
 *
 * @param title e.g. {@code CR-0003 · count by region, sex · requested by ann on 2026-11-26 10:00}
 * @param justification the analyst's justification
 * @param grid the table with failing and withheld cells marked
 * @param rules failing cells per rule, citing the policy
 * @param protection the protection applied (and the policy)
 * @param intervals audit intervals of withheld cells, one line each
 * @param decision the decision in words, empty while pending
 * @param recordLevel a record-level request (RL-NNNN): no grid; {@code rules} holds what, rows, to
 *     whom and why
 */
public record RequestDetails(
    String title,
    String justification,
    TableGrid grid,
    List<String> rules,
    String protection,
    List<String> intervals,
    String decision,
    boolean recordLevel) {

  /** A table's request (or one that cannot be used). */
  public RequestDetails(
      String title,
      String justification,
      TableGrid grid,
      List<String> rules,
      String protection,
      List<String> intervals,
      String decision) {
    this(title, justification, grid, rules, protection, intervals, decision, false);
  }

  /**
   * The headings of the three sections below the grid: a table's rules, protection and audit
   * intervals; a record-level request's lines, what releases it, and nothing (no cells).
   */
  public List<String> headings() {
    return recordLevel
        ? List.of("Record-level request: what, rows, to whom, why", "Release", "")
        : TABLE_HEADINGS;
  }

  /** The headings of a table's request (also shown while nothing is selected). */
  public static final List<String> TABLE_HEADINGS =
      List.of("Rules failed", "Protection", "Audit intervals of withheld cells");
}
