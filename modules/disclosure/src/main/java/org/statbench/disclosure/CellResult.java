package org.statbench.disclosure;

import java.util.List;
import org.statbench.core.table.CellKind;

/**
 * The outcome for one cell.
 *
 * <p><b>{@code trueValue} is the unprotected value</b>: it is for the analyst's screen and the
 * statistician's review inside the secure environment. Anything that leaves the machine must use
 * {@code published} (NaN for a suppressed cell).
 *
 * @param index cell index in the table
 * @param codes the cell's code in each dimension ({@code Total} for margins)
 * @param kind data cell or margin
 * @param trueValue the value computed from the data (never publish it)
 * @param count unweighted record count
 * @param published the value to publish: the true value, a rounded or perturbed value, or NaN when
 *     suppressed
 * @param status the cell's status
 * @param findings every rule the cell fails or that needs review, with parameters; empty when ok
 * @param required protection a primary cell needs ({@link Protection#NONE} otherwise)
 * @param interval audit interval for a suppressed cell, null for published cells or when no audit
 *     ran
 */
public record CellResult(
    int index,
    List<String> codes,
    CellKind kind,
    double trueValue,
    long count,
    double published,
    CellStatus status,
    List<RuleFinding> findings,
    Protection required,
    AuditInterval interval) {
  public CellResult {
    codes = List.copyOf(codes);
    findings = List.copyOf(findings);
  }

  /** True when the cell fails a primary rule (whatever protection it got afterwards). */
  public boolean failsPrimary() {
    return findings.stream().anyMatch(f -> !f.review());
  }

  /** True when the audit interval reaches the required protection (vacuously for other cells). */
  public boolean isProtected() {
    return required.isNone() || (interval != null && interval.protects(trueValue, required));
  }
}
