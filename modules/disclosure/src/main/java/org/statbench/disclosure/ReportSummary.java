package org.statbench.disclosure;

/**
 * Totals over a report's cells.
 *
 * @param cells number of cells, margins included
 * @param primary cells failing a primary rule
 * @param secondary cells suppressed to protect primary cells
 * @param review cells needing review
 * @param suppressed cells suppressed (primary and secondary)
 * @param valueSuppressed sum of the absolute true values of the suppressed cells
 * @param unprotected primary cells whose audit interval does not reach the required protection (or
 *     that are not protected at all, after a mere check)
 */
public record ReportSummary(
    int cells,
    int primary,
    int secondary,
    int review,
    int suppressed,
    double valueSuppressed,
    int unprotected) {}
