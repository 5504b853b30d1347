package org.statbench.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.statbench.disclosure.CellResult;
import org.statbench.disclosure.DisclosurePolicy;
import org.statbench.disclosure.DisclosureReport;
import org.statbench.disclosure.DominanceRule;
import org.statbench.disclosure.RuleFinding;

/** Turns a {@link DisclosureReport} into the {@link ReportSnapshot} the gate and its files keep. */
public final class Reports {
  private Reports() {}

  /**
   * The snapshot of a report: its table hash, whether it is releasable, the policy and protection
   * in words, and per cell the status word, whether it is withheld, the value to publish (from the
   * report's protected table), the audit interval and the findings in words. A primary cell counts
   * as withheld only after a protection (or when the report publishes nothing for it); in a mere
   * check nothing is withheld yet.
   */
  public static ReportSnapshot snapshot(DisclosureReport r) {
    List<CellVerdict> cells = new ArrayList<>(r.cells().size());
    boolean protectedStage = r.stage() == DisclosureReport.Stage.PROTECT;
    for (CellResult c : r.cells()) {
      boolean withheld =
          c.status().isSuppressed()
              && (protectedStage || (Double.isNaN(c.published()) && !Double.isNaN(c.trueValue())));
      double lower = c.interval() == null ? Double.NaN : c.interval().min();
      double upper = c.interval() == null ? Double.NaN : c.interval().max();
      String reason =
          c.findings().stream().map(RuleFinding::toString).collect(Collectors.joining("; "));
      cells.add(
          new CellVerdict(
              c.index(), c.status().word(), withheld, c.published(), lower, upper, reason));
    }
    List<String> notes = new ArrayList<>();
    if (!r.note().isEmpty()) {
      notes.add(r.note());
    }
    if (r.audit() != null && !r.audit().passed()) {
      notes.add("the audit of the suppression pattern failed");
    }
    if (r.summary() != null && r.summary().unprotected() > 0 && protectedStage) {
      notes.add(r.summary().unprotected() + " primary cells are not sufficiently protected");
    }
    String protection =
        (r.stage() == DisclosureReport.Stage.CHECK
                ? "none (primary rules checked only)"
                : r.method().name().toLowerCase(Locale.ROOT))
            + (r.note().isEmpty() ? "" : " (" + r.note() + ")")
            + (r.audit() == null ? "" : r.audit().passed() ? ", audit passed" : ", audit FAILED");
    return new ReportSnapshot(
        r.tableHash(), r.releasable(), describe(r.policy()), protection, cells, notes);
  }

  /** The policy in words, citing every rule's parameters. */
  public static String describe(DisclosurePolicy p) {
    if (p == null) {
      return "";
    }
    return "'"
        + p.name()
        + "': "
        + p.thresholdParameters()
        + "; dominance "
        + p.dominance().stream().map(DominanceRule::parameters).collect(Collectors.joining(" and "))
        + "; p% "
        + p.pParameters()
        + "; method "
        + p.method().name().toLowerCase(Locale.ROOT);
  }
}
