package org.statbench.disclosure;

/**
 * How the audit of a suppression pattern was done.
 *
 * @param mode exact LPs for every suppressed cell, or certificates plus LPs where needed
 * @param suppressedCells number of suppressed cells (LP variables)
 * @param certified primary cells whose protection was proven by a certificate (no LP)
 * @param lpsSolved linear programmes solved
 * @param lpsSkipped linear programmes whose answer an earlier solution already proved
 * @param solver the LP solver used ({@code none}, {@code commons-math}, {@code glop})
 * @param millis wall-clock time of the audit
 * @param passed true when every primary cell's interval reaches its required protection
 */
public record AuditSummary(
    AuditMode mode,
    int suppressedCells,
    int certified,
    int lpsSolved,
    int lpsSkipped,
    String solver,
    long millis,
    boolean passed) {}
