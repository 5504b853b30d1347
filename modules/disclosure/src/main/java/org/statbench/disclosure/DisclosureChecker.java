package org.statbench.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;
import org.statbench.disclosure.audit.Auditor;
import org.statbench.disclosure.audit.TableStructure;
import org.statbench.disclosure.perturb.PerturbationTable;
import org.statbench.disclosure.suppress.HypercubeSuppressor;

/**
 * The disclosure engine's facade: applies a {@link DisclosurePolicy} to a {@link Table} and returns
 * a {@link DisclosureReport}.
 *
 * <ul>
 *   <li>{@link #check} applies the primary rules to every cell, margins included, and protects
 *       nothing: its outcome is PASSED, REVIEW or FAILED.
 *   <li>{@link #protect} applies the policy's protection method. With suppression, cells failing a
 *       primary rule are suppressed, secondary cells are chosen by hypercubes so that no primary
 *       cell can be recovered or narrowed below its required protection from the published cells
 *       and margins, and the pattern is audited (linear programming where certificates do not
 *       already prove the protection). Deterministic: the same table gives the same pattern.
 *   <li>{@link #audit} audits a given suppression pattern exactly.
 * </ul>
 *
 * <p>Immutable and thread-safe; the work runs on the calling thread.
 */
public final class DisclosureChecker {
  /** In {@link AuditMode#AUTO}, patterns with at most this many suppressed cells get exact LPs. */
  public static final int EXACT_AUDIT_LIMIT = 300;

  private final DisclosurePolicy policy;
  private final AuditMode auditMode;
  private final PrimaryRules rules;

  /** A checker with the given policy and {@link AuditMode#AUTO}. */
  public DisclosureChecker(DisclosurePolicy policy) {
    this(policy, AuditMode.AUTO);
  }

  public DisclosureChecker(DisclosurePolicy policy, AuditMode auditMode) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.auditMode = Objects.requireNonNull(auditMode, "auditMode");
    this.rules = new PrimaryRules(policy);
  }

  public DisclosurePolicy policy() {
    return policy;
  }

  /** Primary rules only: which cells fail which rule. The protected table is the input table. */
  public DisclosureReport check(Table table) {
    PrimaryRules.Verdict[] v = verdicts(table);
    int n = table.cellCount();
    List<CellResult> cells = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      cells.add(result(table, i, v[i], primaryStatus(v[i]), table.value(i), null));
    }
    return report(
        table, DisclosureReport.Stage.CHECK, ProtectionMethod.NONE, "", cells, null, table);
  }

  /** {@link #protect(Table, ProgressListener, CancellationToken)} without progress or cancel. */
  public DisclosureReport protect(Table table) {
    return protect(table, ProgressListener.NONE, CancellationToken.NONE);
  }

  /**
   * Applies the policy's protection method and audits the result.
   *
   * @throws InputException when the method does not apply to the table (rounding or perturbation of
   *     a magnitude table, perturbation without cell keys) or an additive table does not add up
   * @throws org.statbench.core.CancelledException when cancelled
   */
  public DisclosureReport protect(
      Table table, ProgressListener progress, CancellationToken cancel) {
    ProtectionMethod method = policy.method();
    switch (method) {
      case NONE:
        {
          DisclosureReport r = check(table);
          return report(
              table,
              DisclosureReport.Stage.PROTECT,
              ProtectionMethod.NONE,
              "no protection applied",
              r.cells(),
              null,
              table);
        }
      case SUPPRESS:
        return suppress(table, null, "", progress, cancel);
      case ROUND:
        requireCounts(table, "rounding");
        if (policy.rounding().suppressBelowThreshold()) {
          return suppress(
              table,
              policy.rounding(),
              "cells failing a rule suppressed, the rest rounded to base "
                  + policy.rounding().base()
                  + ", totals rounded independently",
              progress,
              cancel);
        }
        return round(table);
      case PERTURB:
        return perturb(table);
      default:
        throw new IllegalStateException(method.name());
    }
  }

  /**
   * Audits a suppression pattern exactly: the primary rules give the required protection, every
   * suppressed cell that does not fail a rule is secondary, and each suppressed cell gets its exact
   * feasible interval. Cells failing a rule but not suppressed make the outcome FAILED.
   *
   * @param suppressed per cell whether it is suppressed
   */
  public DisclosureReport audit(Table table, boolean[] suppressed) {
    if (suppressed.length != table.cellCount()) {
      throw new IllegalArgumentException("one flag per cell expected");
    }
    PrimaryRules.Verdict[] v = verdicts(table);
    return assemble(
        table, v, suppressed.clone(), null, null, true, CancellationToken.NONE, null, "");
  }

  private DisclosureReport suppress(
      Table table,
      RoundingPolicy thenRound,
      String note,
      ProgressListener progress,
      CancellationToken cancel) {
    PrimaryRules.Verdict[] v = verdicts(table);
    int n = table.cellCount();
    boolean[] primary = new boolean[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      primary[i] = v[i].fails();
      any |= primary[i];
    }
    if (!any) {
      return assemble(table, v, primary, null, null, false, cancel, thenRound, note);
    }
    boolean additive = table.measure().kind().isAdditive();
    TableStructure s = new TableStructure(table);
    if (!additive || !s.hasRelations()) {
      return assemble(table, v, primary, null, null, false, cancel, thenRound, note);
    }
    s.requireAdditive();
    double[][] req = requirements(v);
    HypercubeSuppressor.Result h =
        HypercubeSuppressor.suppress(s, primary, req[0], req[1], req[2], progress, cancel);
    String how =
        h.optimal()
            ? "secondary cells: cheapest combination of hypercubes (MILP, CP-SAT)"
            : "secondary cells: greedy hypercubes";
    return assemble(
        table,
        v,
        h.suppressed(),
        h.certLow(),
        h.certHigh(),
        false,
        cancel,
        thenRound,
        note.isEmpty() ? how : note + "; " + how);
  }

  /** Builds the report for a suppression pattern, auditing it when the table is additive. */
  private DisclosureReport assemble(
      Table table,
      PrimaryRules.Verdict[] v,
      boolean[] suppressed,
      double[] certLow,
      double[] certHigh,
      boolean exact,
      CancellationToken cancel,
      RoundingPolicy thenRound,
      String note) {
    int n = table.cellCount();
    int count = 0;
    for (boolean b : suppressed) {
      if (b) {
        count++;
      }
    }
    AuditInterval[] intervals = new AuditInterval[n];
    AuditSummary audit = null;
    TableStructure s = new TableStructure(table);
    if (count > 0) {
      long t0 = System.nanoTime();
      if (table.measure().kind().isAdditive() && s.hasRelations()) {
        double[][] req = requirements(v);
        boolean all =
            exact
                || auditMode == AuditMode.EXACT
                || (auditMode == AuditMode.AUTO && count <= EXACT_AUDIT_LIMIT);
        Auditor.Result r =
            Auditor.audit(s, suppressed, req[0], req[1], req[2], certLow, certHigh, all, cancel);
        for (int i = 0; i < n; i++) {
          if (suppressed[i] && !Double.isNaN(r.min()[i])) {
            intervals[i] = new AuditInterval(r.min()[i], r.max()[i], r.exact()[i]);
          }
        }
        audit =
            new AuditSummary(
                all ? AuditMode.EXACT : AuditMode.CERTIFIED,
                count,
                r.certified(),
                r.lpsSolved(),
                r.lpsSkipped(),
                r.solver(),
                (System.nanoTime() - t0) / 1_000_000,
                r.passed());
      } else {
        // No relations between the cells (or a non-additive measure): a suppressed value cannot be
        // derived from the others.
        for (int i = 0; i < n; i++) {
          if (suppressed[i]) {
            intervals[i] =
                new AuditInterval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true);
          }
        }
        audit =
            new AuditSummary(
                AuditMode.EXACT,
                count,
                0,
                0,
                0,
                "none",
                (System.nanoTime() - t0) / 1_000_000,
                true);
      }
    }
    double[] published = new double[n];
    for (int i = 0; i < n; i++) {
      published[i] = suppressed[i] ? Double.NaN : table.value(i);
    }
    if (thenRound != null) {
      for (int i = 0; i < n; i++) {
        published[i] = suppressed[i] ? Double.NaN : Rounder.round(table.value(i), thenRound.base());
      }
    }
    List<CellResult> cells = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      CellStatus st;
      if (suppressed[i]) {
        st = v[i].fails() ? primaryStatus(v[i]) : CellStatus.SECONDARY;
      } else if (v[i].fails()) {
        st = primaryStatus(v[i]);
      } else if (v[i].review()) {
        st = primaryStatus(v[i]);
      } else {
        st = thenRound != null ? CellStatus.ROUNDED : CellStatus.OK;
      }
      cells.add(result(table, i, v[i], st, published[i], intervals[i]));
    }
    return report(
        table,
        DisclosureReport.Stage.PROTECT,
        thenRound != null ? ProtectionMethod.ROUND : ProtectionMethod.SUPPRESS,
        note,
        cells,
        audit,
        table.withValues(published));
  }

  private DisclosureReport round(Table table) {
    RoundingPolicy r = policy.rounding();
    double[] values = new double[table.cellCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = table.value(i);
    }
    double[] published;
    String note;
    if (r.totals() == RoundingPolicy.TotalsRounding.RECOMPUTED) {
      published = Rounder.recomputed(new TableStructure(table), values, r.base());
      note = "rounded to base " + r.base() + ", totals recomputed from the rounded cells";
    } else {
      published = Rounder.independent(values, r.base());
      note = "rounded to base " + r.base() + ", totals rounded independently";
    }
    return unsuppressed(table, ProtectionMethod.ROUND, CellStatus.ROUNDED, published, note);
  }

  private DisclosureReport perturb(Table table) {
    requireCounts(table, "cell-key perturbation");
    if (!table.hasCellKeys()) {
      throw new InputException(
          "cell-key perturbation needs cell keys: tabulate from microdata (a long CSV carries none)");
    }
    PerturbationPolicy p = policy.perturbation();
    PerturbationTable pt =
        new PerturbationTable(p.maxNoise(), p.variance(), p.smallValueThreshold());
    double[] published = new double[table.cellCount()];
    for (int i = 0; i < published.length; i++) {
      published[i] = pt.perturb(table.count(i), table.cellKey(i));
    }
    String note =
        "cell-key perturbation D="
            + p.maxNoise()
            + ", V="
            + DisclosurePolicy.num(p.variance())
            + ", js="
            + p.smallValueThreshold()
            + "; every cell, margins included, perturbed on its own";
    return unsuppressed(table, ProtectionMethod.PERTURB, CellStatus.PERTURBED, published, note);
  }

  private DisclosureReport unsuppressed(
      Table table, ProtectionMethod method, CellStatus status, double[] published, String note) {
    PrimaryRules.Verdict[] v = verdicts(table);
    List<CellResult> cells = new ArrayList<>(published.length);
    for (int i = 0; i < published.length; i++) {
      cells.add(result(table, i, v[i], status, published[i], null));
    }
    return report(
        table,
        DisclosureReport.Stage.PROTECT,
        method,
        note,
        cells,
        null,
        table.withValues(published));
  }

  private static void requireCounts(Table table, String what) {
    MeasureKind k = table.measure().kind();
    if (k != MeasureKind.COUNT) {
      throw new InputException(
          what
              + " protects count tables, not "
              + table.measure().label()
              + ": use the suppress method");
    }
  }

  private PrimaryRules.Verdict[] verdicts(Table table) {
    PrimaryRules.Verdict[] v = new PrimaryRules.Verdict[table.cellCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = rules.apply(table, i);
    }
    return v;
  }

  private static double[][] requirements(PrimaryRules.Verdict[] v) {
    double[][] r = new double[3][v.length];
    for (int i = 0; i < v.length; i++) {
      if (v[i].fails()) {
        r[0][i] = v[i].required().lower();
        r[1][i] = v[i].required().upper();
        r[2][i] = v[i].required().width();
      }
    }
    return r;
  }

  private static CellStatus primaryStatus(PrimaryRules.Verdict v) {
    for (RuleFinding f : v.findings()) {
      if (!f.review()) {
        return new CellStatus(StatusKind.PRIMARY, f.rule());
      }
    }
    for (RuleFinding f : v.findings()) {
      return new CellStatus(StatusKind.REVIEW, f.rule());
    }
    return CellStatus.OK;
  }

  private static CellResult result(
      Table t, int i, PrimaryRules.Verdict v, CellStatus st, double published, AuditInterval iv) {
    return new CellResult(
        i,
        Arrays.asList(t.codes(i)),
        t.kind(i),
        t.value(i),
        t.count(i),
        published,
        st,
        v.findings(),
        v.fails() ? v.required() : Protection.NONE,
        iv);
  }

  private DisclosureReport report(
      Table table,
      DisclosureReport.Stage stage,
      ProtectionMethod method,
      String note,
      List<CellResult> cells,
      AuditSummary audit,
      Table published) {
    int primary = 0;
    int secondary = 0;
    int review = 0;
    int suppressed = 0;
    double value = 0;
    int unprotected = 0;
    for (CellResult c : cells) {
      boolean fails = c.failsPrimary();
      if (fails) {
        primary++;
      } else if (!c.findings().isEmpty()) {
        review++;
      }
      if (c.status().kind() == StatusKind.SECONDARY) {
        secondary++;
      }
      if (c.status().isSuppressed() && !(stage == DisclosureReport.Stage.CHECK)) {
        suppressed++;
        value += Math.abs(c.trueValue());
      }
      if (fails) {
        StatusKind k = c.status().kind();
        boolean ok =
            stage == DisclosureReport.Stage.PROTECT
                && (k == StatusKind.ROUNDED
                    || k == StatusKind.PERTURBED
                    || (c.status().isSuppressed() && c.isProtected()));
        if (!ok) {
          unprotected++;
        }
      }
    }
    Outcome outcome;
    if (unprotected > 0) {
      outcome = Outcome.FAILED;
    } else if (review > 0) {
      outcome = Outcome.REVIEW;
    } else if (primary > 0
        || method == ProtectionMethod.ROUND
        || method == ProtectionMethod.PERTURB) {
      outcome = Outcome.PROTECTED;
    } else {
      outcome = Outcome.PASSED;
    }
    ReportSummary summary =
        new ReportSummary(cells.size(), primary, secondary, review, suppressed, value, unprotected);
    return new DisclosureReport(
        table.hash(),
        table.toString(),
        stage,
        policy,
        method,
        note,
        outcome,
        summary,
        audit,
        cells,
        published);
  }
}
