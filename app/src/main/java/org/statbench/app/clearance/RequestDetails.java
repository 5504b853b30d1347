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
 */
public record RequestDetails(
    String title,
    String justification,
    TableGrid grid,
    List<String> rules,
    String protection,
    List<String> intervals,
    String decision) {}
