package org.statbench.disclosure;

import java.util.List;
import java.util.Objects;
import org.statbench.core.table.Table;

/**
 * The result of {@link DisclosureChecker#check} or {@link DisclosureChecker#protect}: per cell its
 * status, the rules it fails and, for suppressed cells, the audit interval; the totals; the policy
 * used; the hash of the table it was computed on; and the protected table to publish.
 *
 * <p><b>Export gate semantics.</b> A table may leave the machine only as {@link #protectedTable()}
 * of a report whose {@link #outcome()} is {@link Outcome#releasable() releasable} (or that a
 * statistician cleared), and only when {@link #tableHash()} equals the hash of the table being
 * exported (otherwise the report is stale). {@link #protectedHash()} identifies the published
 * numbers.
 *
 * @param tableHash {@link Table#hash()} of the table the report was computed on
 * @param table a short description of that table
 * @param stage whether this is a check (primary rules only) or a protection
 * @param policy the policy used
 * @param method the protection applied ({@link ProtectionMethod#NONE} for a check)
 * @param note how the protection was applied, e.g. {@code totals rounded independently}, or empty
 * @param outcome the verdict
 * @param summary totals over the cells
 * @param audit how the audit ran, or null when none ran
 * @param cells one result per cell, in cell-index order
 * @param protectedTable the table to publish: published values, NaN for suppressed cells
 */
public record DisclosureReport(
    String tableHash,
    String table,
    Stage stage,
    DisclosurePolicy policy,
    ProtectionMethod method,
    String note,
    Outcome outcome,
    ReportSummary summary,
    AuditSummary audit,
    List<CellResult> cells,
    Table protectedTable) {

  public DisclosureReport {
    Objects.requireNonNull(tableHash, "tableHash");
    Objects.requireNonNull(outcome, "outcome");
    cells = List.copyOf(cells);
    note = note == null ? "" : note;
  }

  /** True when the protected table may be published without clearance. */
  public boolean releasable() {
    return outcome.releasable();
  }

  /** Hash of {@link #protectedTable()} (the published numbers). */
  public String protectedHash() {
    return protectedTable.hash();
  }

  /** The result of one cell. */
  public CellResult cell(int index) {
    return cells.get(index);
  }

  /** Cells failing a primary rule that are not protected (empty when releasable). */
  public List<CellResult> unprotected() {
    return cells.stream()
        .filter(c -> c.failsPrimary() && (stage == Stage.CHECK || !protectedCell(c)))
        .toList();
  }

  /** Cells with a {@code review} finding. */
  public List<CellResult> reviews() {
    return cells.stream().filter(c -> c.findings().stream().anyMatch(RuleFinding::review)).toList();
  }

  private boolean protectedCell(CellResult c) {
    StatusKind k = c.status().kind();
    if (k == StatusKind.ROUNDED || k == StatusKind.PERTURBED) {
      return true;
    }
    return c.status().isSuppressed() && c.isProtected();
  }

  /** A one-paragraph human summary, as the command line prints it. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(stage == Stage.CHECK ? "Check" : "Protection")
        .append(" of ")
        .append(table)
        .append(" with policy '")
        .append(policy.name())
        .append("': ")
        .append(outcome.name().toLowerCase(java.util.Locale.ROOT))
        .append('\n');
    sb.append("  cells: ")
        .append(summary.cells())
        .append(", failing a primary rule: ")
        .append(summary.primary())
        .append(", review: ")
        .append(summary.review())
        .append('\n');
    if (stage == Stage.PROTECT) {
      sb.append("  method: ").append(method.name().toLowerCase(java.util.Locale.ROOT));
      if (!note.isEmpty()) {
        sb.append(" (").append(note).append(')');
      }
      sb.append('\n');
      if (method == ProtectionMethod.SUPPRESS || summary.suppressed() > 0) {
        sb.append("  suppressed: ")
            .append(summary.suppressed())
            .append(" cells (")
            .append(summary.primary())
            .append(" primary, ")
            .append(summary.secondary())
            .append(" secondary)\n");
      }
      if (audit != null) {
        sb.append("  audit: ")
            .append(audit.passed() ? "passed" : "FAILED")
            .append(" (")
            .append(audit.mode().name().toLowerCase(java.util.Locale.ROOT))
            .append(", ")
            .append(audit.lpsSolved())
            .append(" LPs, ")
            .append(audit.certified())
            .append(" certified, ")
            .append(audit.solver())
            .append(", ")
            .append(audit.millis())
            .append(" ms)\n");
      }
    }
    return sb.toString();
  }

  /** Whether a report comes from a check or a protection. */
  public enum Stage {
    /** Primary rules only; nothing protected. */
    CHECK,
    /** Primary rules, protection and (for suppression) the audit. */
    PROTECT
  }
}
