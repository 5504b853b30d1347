package org.statbench.app.disclosurepanel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.clearance.CellMark;
import org.statbench.app.clearance.DecisionText;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.CurrentTable;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.LatestWins;
import org.statbench.app.shell.TaskRunner;
import org.statbench.core.RefusedException;
import org.statbench.core.StatBenchException;
import org.statbench.core.table.Table;
import org.statbench.disclosure.CellResult;
import org.statbench.disclosure.DisclosureChecker;
import org.statbench.disclosure.DisclosurePolicy;
import org.statbench.disclosure.DisclosureReport;
import org.statbench.export.ClearanceBook;
import org.statbench.export.ClearanceDecision;
import org.statbench.export.ClearanceRequest;
import org.statbench.export.ExportGate;
import org.statbench.export.Release;
import org.statbench.export.ReportSnapshot;
import org.statbench.export.Reports;
import org.statbench.store.Workspace;

/**
 * The Disclosure panel beside the table builder: checks the current table live (primary rules,
 * latest table wins), lists which cells fail and why with a count per rule, marks the cells for the
 * grid, protects on request (the policy's method, in the background), and is the way out for the
 * current table: exports and clipboard copies are admitted by the {@link ExportGate} against the
 * latest report (the protection when one was made for this table, else the check), and a refused
 * table can be sent to the clearance queue with a justification. FX thread only.
 */
public final class DisclosurePanelViewModel {
  private final TaskRunner tasks;
  private final LatestWins checks;

  // Properties
  private final ObjectProperty<Table> table = new SimpleObjectProperty<>(this, "table");
  private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(this, "workspace");
  private final javafx.beans.property.StringProperty tableName =
      new javafx.beans.property.SimpleStringProperty(this, "tableName", "table");
  private final ObjectProperty<DisclosurePolicy> policy =
      new SimpleObjectProperty<>(this, "policy", DisclosurePolicy.DEFAULT);
  private final ReadOnlyObjectWrapper<DisclosureReport> check =
      new ReadOnlyObjectWrapper<>(this, "check");
  private final ReadOnlyObjectWrapper<DisclosureReport> protection =
      new ReadOnlyObjectWrapper<>(this, "protection");
  private final ReadOnlyObjectWrapper<ClearanceDecision> clearance =
      new ReadOnlyObjectWrapper<>(this, "clearance");
  private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
  private final ObservableList<String> ruleCounts = FXCollections.observableArrayList();
  private final ObservableList<String> failingCells = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Map<Integer, CellMark>> marks =
      new ReadOnlyObjectWrapper<>(this, "marks", Map.of());
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final BooleanBinding fails;
  private final BooleanBinding canRequest;

  private List<Integer> failingCellIndexes = List.of();

  public DisclosurePanelViewModel(TaskRunner tasks) {
    this.tasks = tasks;
    this.checks = new LatestWins(tasks);
    table.addListener((o, a, t) -> recheck());
    policy.addListener((o, a, p) -> recheck());
    fails =
        Bindings.createBooleanBinding(
            () -> current() != null && !current().releasable() && clearance.get() == null,
            check,
            protection,
            clearance);
    canRequest =
        Bindings.createBooleanBinding(
            () -> fails.get() && workspace.get() != null, fails, workspace);
    show();
  }

  /** The table to check (bound to the builder's current table). */
  public ObjectProperty<Table> tableProperty() {
    return table;
  }

  /** The table's name, for the file names the save dialogs suggest ({@code <name>.xlsx}). */
  public javafx.beans.property.StringProperty tableNameProperty() {
    return tableName;
  }

  /** The open workspace (for logging, clearances), or null. */
  public ObjectProperty<Workspace> workspaceProperty() {
    return workspace;
  }

  public ObjectProperty<DisclosurePolicy> policyProperty() {
    return policy;
  }

  /** The primary-rule check of the current table, or null while none. */
  public ReadOnlyObjectProperty<DisclosureReport> checkProperty() {
    return check.getReadOnlyProperty();
  }

  /** The protection of the current table, or null until Protect. */
  public ReadOnlyObjectProperty<DisclosureReport> protectionProperty() {
    return protection.getReadOnlyProperty();
  }

  /**
   * The verified approval that clears the current table as it is, or null: then the headline says
   * {@code Cleared by … on …} and exports carry the clearance.
   */
  public ReadOnlyObjectProperty<ClearanceDecision> clearanceProperty() {
    return clearance.getReadOnlyProperty();
  }

  /**
   * E.g. {@code 3 cells fail}, {@code All cells pass}, {@code Protected: 5 cells withheld}, {@code
   * Cleared by ana on 2026-12-06 08:12 (CR-0003)}.
   */
  public ReadOnlyStringProperty headlineProperty() {
    return headline.getReadOnlyProperty();
  }

  /**
   * The table's cell index of a line of {@link #failingCells()} (to select it in the grid), or -1.
   */
  public int failingCellIndex(int line) {
    return line >= 0 && line < failingCellIndexes.size() ? failingCellIndexes.get(line) : -1;
  }

  /**
   * The grid's style classes per cell index: as {@link #marksProperty()}, with withheld cells also
   * marked {@code cell-primary} or {@code cell-secondary} so the two kinds of suppression look
   * different.
   */
  public Map<Integer, String> gridStyles() {
    DisclosureReport r = current();
    Map<Integer, String> out = new HashMap<>();
    if (r == null) {
      return out;
    }
    for (var c : Reports.snapshot(r).cells()) {
      CellMark mark = CellMark.of(c.status(), c.suppressed());
      if (mark == CellMark.WITHHELD) {
        String kind = c.status().startsWith("primary") ? "cell-primary" : "cell-secondary";
        out.put(c.index(), mark.styleClass() + " " + kind);
      } else if (mark != CellMark.NONE) {
        out.put(c.index(), mark.styleClass());
      }
    }
    return out;
  }

  /** One line per failing rule, in words: {@code 19 cells below the threshold of 10}. */
  public ObservableList<String> ruleCounts() {
    return ruleCounts;
  }

  /** One line per failing cell: codes, status and what was found. */
  public ObservableList<String> failingCells() {
    return failingCells;
  }

  /** Cell index to highlight, for the grid (indices not present are unmarked). */
  public ReadOnlyObjectProperty<Map<Integer, CellMark>> marksProperty() {
    return marks.getReadOnlyProperty();
  }

  /** Outcome of the last command. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** True when the latest report would be refused by the gate. */
  public BooleanBinding failsBinding() {
    return fails;
  }

  /** True when a clearance request can be made (failing, workspace open). */
  public BooleanBinding canRequestBinding() {
    return canRequest;
  }

  // Commands

  /**
   * Looks again for an approval of the current table (after a statistician decided in the Clearance
   * queue), in the background.
   */
  public void refreshClearance() {
    Table t = table.get();
    Workspace ws = workspace.get();
    if (t == null || ws == null || check.get() == null) {
      return;
    }
    checks.submit(
        BackgroundTask.of("Reading clearances", (progress, cancel) -> approvalOf(ws, t))
            .showProgress(false)
            .onSuccess(
                d -> {
                  if (t == table.get()) {
                    clearance.set(d.orElse(null));
                    show();
                  }
                })
            .onFailure(e -> message.set(userMessage(e))));
  }

  /** Applies the policy's protection to the current table in the background. */
  public void protect() {
    protect(() -> {});
  }

  /**
   * Applies the policy's protection to the current table in the background, then runs {@code then}
   * (after the protection, its audit entry and its message) unless the table changed meanwhile or
   * the protection failed.
   */
  public void protect(Runnable then) {
    Table t = table.get();
    if (t == null) {
      return;
    }
    DisclosurePolicy p = policy.get();
    tasks.run(
        BackgroundTask.of(
                "Protecting the table",
                (progress, cancel) -> new DisclosureChecker(p).protect(t, progress, cancel))
            .onSuccess(
                r -> {
                  if (t == table.get()) {
                    protection.set(r);
                    log(t, r);
                    show();
                    message.set(
                        r.releasable()
                            ? "Protected: " + r.summary().suppressed() + " cells withheld."
                            : "Protection did not make the table safe; request clearance.");
                    then.run();
                  }
                })
            .onFailure(e -> message.set(userMessage(e))));
  }

  /**
   * Admits the current table through the gate against the latest report.
   *
   * @throws RefusedException when the gate refuses (the message names cells and rules)
   */
  public Release admit() {
    Table t = table.get();
    if (t == null) {
      throw new StatBenchException("There is no table to export.");
    }
    DisclosureReport r = current();
    ExportGate gate =
        workspace.get() == null ? ExportGate.detached() : ExportGate.of(workspace.get());
    ReportSnapshot snapshot = r == null ? null : Reports.snapshot(r);
    if (snapshot != null && protection.get() == null) {
      // the live check is not logged on every edit; it is when it is used for a release
      gate.recordCheck(t, snapshot);
    }
    Release release = gate.admit(t, snapshot);
    // a survey table's quality flags and standard errors go with every release of it
    CurrentTable.SurveyCells survey = this.survey.get();
    return survey != null && survey.tableHash().equals(t.hash())
        ? release.withSurvey(survey.columns())
        : release;
  }

  /** The survey estimates of the table (flags, SEs), attached to its releases; may be null. */
  public ObjectProperty<CurrentTable.SurveyCells> surveyProperty() {
    return survey;
  }

  private final ObjectProperty<CurrentTable.SurveyCells> survey =
      new javafx.beans.property.SimpleObjectProperty<>(this, "survey");

  /** Writes the current table through the gate as CSV or XLSX (by extension). */
  public Path export(Path out) {
    Release r = admit();
    Path written =
        out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
            ? r.writeXlsx(out)
            : r.writeCsv(out);
    message.set("Exported " + written.getFileName() + " through the disclosure check.");
    return written;
  }

  /**
   * Submits the current table with its latest report as an exception request.
   *
   * @throws StatBenchException when there is no workspace, the justification is blank or the table
   *     passes
   */
  public ClearanceRequest requestClearance(String justification) {
    Workspace ws = workspace.get();
    Table t = table.get();
    DisclosureReport r = current();
    if (ws == null || t == null || r == null) {
      throw new StatBenchException("Open a workspace and build a table first.");
    }
    ClearanceRequest req = ClearanceBook.of(ws).submit(t, Reports.snapshot(r), justification);
    message.set(
        "Clearance requested as " + req.id() + "; a statistician decides in the Clearance queue.");
    return req;
  }

  /** Failing cells listed in the refusal dialog; the rest are counted. */
  static final int REFUSAL_CELLS = 50;

  /**
   * The refusal dialog's content for a refusal of the current table: how many cells fail which
   * rules (and why the gate refused when that is not the failing cells alone), the first failing
   * cells, and whether Protect and Request clearance apply.
   */
  public DialogService.Refusal refusal(RefusedException e) {
    DisclosureReport r = current();
    String why = e.getMessage() == null ? "" : e.getMessage();
    boolean canProtect = fails.get() && protection.get() == null;
    if (r == null) {
      return new DialogService.Refusal(capitalised(why), List.of(), false, canRequest.get());
    }
    ReportSnapshot s = Reports.snapshot(r);
    List<String> cells = new ArrayList<>(failingCells);
    if (cells.size() > REFUSAL_CELLS) {
      int more = cells.size() - REFUSAL_CELLS;
      cells = new ArrayList<>(cells.subList(0, REFUSAL_CELLS));
      cells.add("… and " + more + " more (see the Disclosure panel)");
    }
    int failing = s.failing().size();
    StringBuilder summary = new StringBuilder();
    if (failing > 0) {
      summary.append(failing).append(failing == 1 ? " cell fails" : " cells fail");
      List<String> rules = new ArrayList<>();
      s.failuresByRule()
          .forEach((rule, n) -> rules.add(rule + " (" + n + (n == 1 ? " cell)" : " cells)")));
      if (!rules.isEmpty()) {
        summary.append(" the disclosure rules: ").append(String.join(", ", rules));
      }
      summary.append('.');
      if (protection.get() != null) {
        summary.append(" Protection did not make the table safe.");
      }
    }
    // the gate's own reason when it is more than "the cells fail" (stale, rejected, unverified)
    int cut = why.lastIndexOf("; ");
    String tail = cut < 0 ? why : why.substring(cut + 2);
    if (failing == 0 || (cut >= 0 && !tail.startsWith("protect the table"))) {
      summary.append(summary.length() == 0 ? "" : " ").append(capitalised(tail));
      if (!tail.endsWith(".")) {
        summary.append('.');
      }
    }
    return new DialogService.Refusal(summary.toString(), cells, canProtect, canRequest.get());
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  // Internals

  /** The report the gate would use: the protection when there is one, else the check. */
  private DisclosureReport current() {
    return protection.get() != null ? protection.get() : check.get();
  }

  private void recheck() {
    protection.set(null);
    check.set(null);
    clearance.set(null);
    message.set("");
    show();
    Table t = table.get();
    if (t == null) {
      return;
    }
    DisclosurePolicy p = policy.get();
    Workspace ws = workspace.get();
    checks.submit(
        BackgroundTask.of(
                "Checking disclosure",
                (progress, cancel) -> {
                  DisclosureReport r = new DisclosureChecker(p).check(t);
                  return new Checked(
                      r, r.releasable() || ws == null ? Optional.empty() : approvalOf(ws, t));
                })
            .showProgress(false)
            .onSuccess(
                c -> {
                  if (t == table.get()) {
                    clearance.set(c.clearance().orElse(null));
                    check.set(c.report());
                    show();
                  }
                })
            .onFailure(e -> message.set(userMessage(e))));
  }

  private record Checked(DisclosureReport report, Optional<ClearanceDecision> clearance) {}

  private static Optional<ClearanceDecision> approvalOf(Workspace ws, Table t) {
    return ClearanceBook.of(ws).approvalFor(t.hash());
  }

  private void log(Table t, DisclosureReport r) {
    if (workspace.get() != null) {
      ExportGate.of(workspace.get()).recordCheck(t, Reports.snapshot(r));
    }
  }

  private void show() {
    DisclosureReport r = current();
    ruleCounts.clear();
    failingCells.clear();
    if (r == null) {
      headline.set(table.get() == null ? "No table" : "Checking…");
      marks.set(Map.of());
      return;
    }
    ReportSnapshot s = Reports.snapshot(r);
    Map<Integer, CellMark> m = new HashMap<>();
    for (var c : s.cells()) {
      CellMark mark = CellMark.of(c.status(), c.suppressed());
      if (mark != CellMark.NONE) {
        m.put(c.index(), mark);
      }
    }
    marks.set(Map.copyOf(m));
    s.failuresByRule()
        .forEach((rule, n) -> ruleCounts.add(RuleWording.line(rule, n, policy.get())));
    List<String> lines = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    for (CellResult c : r.cells()) {
      if (c.failsPrimary() || !c.findings().isEmpty()) {
        indexes.add(c.index());
        lines.add(
            "("
                + String.join(", ", c.codes())
                + ") "
                + c.status().word()
                + (c.findings().isEmpty() ? "" : " — " + c.findings().get(0).detail()));
      }
    }
    failingCellIndexes = List.copyOf(indexes);
    failingCells.setAll(lines);
    int failing = s.failing().size();
    if (!r.releasable() && clearance.get() != null) {
      headline.set(DecisionText.clearedBy(clearance.get()));
    } else if (protection.get() != null) {
      headline.set(
          (r.releasable() ? "Protected\n" : "Not safe after protection\n")
              + s.suppressed().size()
              + " cells withheld");
    } else if (failing == 0 && r.releasable()) {
      headline.set("All " + r.cells().size() + " cells pass");
    } else {
      headline.set(failing + (failing == 1 ? " cell fails" : " cells fail"));
    }
  }

  private static String userMessage(Throwable e) {
    return org.statbench.app.shell.DialogService.userMessage(e);
  }
}
