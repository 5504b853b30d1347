package org.statbench.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.statbench.core.RefusedException;
import org.statbench.core.table.Table;
import org.statbench.store.AuditLog;
import org.statbench.store.Workspace;

/**
 * The only way a table leaves the workstation. {@link #admit} lets a table through only when its
 * disclosure report is present, was computed on exactly this table (same {@link Table#hash()}), and
 * either passed with every failing cell withheld, or a statistician approved a clearance request
 * for exactly this table. Otherwise it throws {@link RefusedException} naming the failing cells and
 * rules. The returned {@link Release} holds the writers (CSV, XLSX, PNG, clipboard text, saved
 * report); each write is logged as an {@code export} entry in the workspace audit log.
 *
 * <p>Without a workspace (a detached gate) nothing is logged and clearances cannot be used: only
 * tables that passed are released. Thread-safe.
 */
public final class ExportGate {
  /** Audit entry types written by the gate. */
  public static final String CHECK = "check";

  public static final String EXPORT = "export";

  private static final int LISTED_CELLS = 10;

  private final AuditLog log;
  private final ClearanceBook book;
  private final String user;

  ExportGate(AuditLog log, ClearanceBook book, String user) {
    this.log = log;
    this.book = book;
    this.user = user;
  }

  /** A gate that logs to the workspace and honours its clearances, acting as the OS user. */
  public static ExportGate of(Workspace workspace) {
    ClearanceBook book = ClearanceBook.of(workspace);
    return new ExportGate(workspace.auditLog(), book, book.user());
  }

  /** A gate without a workspace: nothing is logged and no clearance can apply. */
  public static ExportGate detached() {
    return new ExportGate(null, null, System.getProperty("user.name", "unknown"));
  }

  /** The workspace's clearance book, or empty for a detached gate. */
  public Optional<ClearanceBook> clearances() {
    return Optional.ofNullable(book);
  }

  /**
   * Appends a {@code check} entry for a report to the audit log (no-op when detached): table hash,
   * result, withheld and failing cells per rule.
   */
  public void recordCheck(Table table, ReportSnapshot report) {
    if (log == null) {
      return;
    }
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("passed", report.passed());
    d.put("cells", report.cells().size());
    d.put("withheld", report.suppressed().size());
    d.put("protection", report.protection());
    ObjectNode rules = d.putObject("failing");
    report.failuresByRule().forEach(rules::put);
    d.put("measure", table.measure().label());
    if (table.dataset() != null) {
      d.put("dataset", table.dataset());
    }
    log.append(CHECK, user, table.hash(), d.toString());
  }

  /**
   * Admits a table whose report passed, or which a recorded approval clears.
   *
   * @param table the table to release
   * @param report its disclosure report; null is refused
   * @throws RefusedException when the report is missing or stale, or the table fails and is not
   *     cleared for exactly its hash
   */
  public Release admit(Table table, ReportSnapshot report) {
    return admit(table, report, null);
  }

  /**
   * Admits a table, using {@code clearance} (or, when null, any approval recorded in the workspace
   * for exactly this table) when the report fails.
   *
   * @throws RefusedException as {@link #admit(Table, ReportSnapshot)}; also when the decision is a
   *     rejection, is for another table, or is not recorded intact in the workspace
   */
  public Release admit(Table table, ReportSnapshot report, ClearanceDecision clearance) {
    if (table == null) {
      throw new IllegalArgumentException("table");
    }
    if (report == null) {
      throw new RefusedException("no disclosure report for this table: check it before exporting");
    }
    if (!report.tableHash().equals(table.hash()) || report.cells().size() != table.cellCount()) {
      throw new RefusedException(
          "the disclosure report is stale: it was computed on table "
              + shortHash(report.tableHash())
              + ", this table is "
              + shortHash(table.hash())
              + "; check the table again");
    }
    List<CellVerdict> unsafe =
        report.cells().stream().filter(c -> c.failing() && !c.suppressed()).toList();
    if (report.passed() && unsafe.isEmpty()) {
      return new Release(this, new Publication(table, report, null, null));
    }
    // A cleared release publishes what the statistician saw: the request's table and report.
    ClearanceItem cleared = clearanceFor(table, report, clearance);
    return new Release(
        this,
        new Publication(
            cleared.request().table(), cleared.request().report(), cleared.decision(), null));
  }

  private ClearanceItem clearanceFor(Table table, ReportSnapshot report, ClearanceDecision given) {
    String why = failures(table, report);
    if (given != null) {
      if (!given.approved()) {
        throw new RefusedException(
            why + "; clearance request " + given.requestId() + " was rejected: " + given.comment());
      }
      if (!given.tableHash().equals(table.hash())) {
        throw new RefusedException(
            why
                + "; clearance "
                + given.requestId()
                + " was given for another table ("
                + shortHash(given.tableHash())
                + ")");
      }
      if (book == null || !book.isRecorded(given)) {
        String v = book == null ? null : book.verification(given.requestId());
        throw new RefusedException(
            why
                + "; clearance "
                + given.requestId()
                + (v != null && !v.startsWith(ClearanceBook.VERIFIED)
                    ? " does not verify: " + v
                    : " is not recorded in this workspace"));
      }
      return new ClearanceItem(given.requestId(), book.request(given.requestId()), given, null);
    }
    if (book != null) {
      Optional<ClearanceItem> approval = book.approvedItem(table.hash());
      if (approval.isPresent()) {
        return approval.get();
      }
      for (ClearanceItem i : book.items()) {
        if (i.decision() != null
            && i.decision().approved()
            && i.decision().tableHash().equals(table.hash())) {
          throw new RefusedException(
              why
                  + "; the approval "
                  + i.id()
                  + " for this table does not verify: "
                  + i.verification());
        }
      }
    }
    throw new RefusedException(why + "; protect the table or request clearance");
  }

  /**
   * The refusal text: the failing cells with their rules, at most {@value #LISTED_CELLS} of them.
   */
  static String failures(Table table, ReportSnapshot report) {
    List<CellVerdict> failing =
        report.cells().stream().filter(c -> c.failing() && !c.suppressed()).toList();
    if (failing.isEmpty()) {
      failing = report.failing();
    }
    StringBuilder sb = new StringBuilder();
    if (failing.isEmpty()) {
      sb.append("the disclosure check failed");
      report.notes().stream().findFirst().ifPresent(n -> sb.append(" (").append(n).append(')'));
      return sb.toString();
    }
    sb.append(failing.size())
        .append(failing.size() == 1 ? " cell fails" : " cells fail")
        .append(" the disclosure check (")
        .append(String.join(", ", report.ruleLines()))
        .append("): ");
    for (int i = 0; i < Math.min(LISTED_CELLS, failing.size()); i++) {
      CellVerdict c = failing.get(i);
      sb.append(i == 0 ? "" : "; ")
          .append('(')
          .append(String.join(", ", table.codes(c.index())))
          .append(") ")
          .append(c.status());
    }
    if (failing.size() > LISTED_CELLS) {
      sb.append("; and ").append(failing.size() - LISTED_CELLS).append(" more");
    }
    return sb.toString();
  }

  void logExport(String tableHash, String details) {
    log(EXPORT, tableHash, details);
  }

  void log(String type, String subject, String details) {
    if (log != null) {
      log.append(type, user, subject, details);
    }
  }

  /**
   * Admits a record-level output (microdata) under its own clearance: the record-level request
   * {@code requestId} ({@code RL-NNNN}) must be approved by a decision whose signature verifies
   * against a trusted statistician's key other than the requester's. The table path ({@link
   * #admit}) never releases records.
   *
   * @param requestId the record-level request, as made with {@link ClearanceBook#submitRecords}
   * @return the release whose writers log every file written
   * @throws RefusedException when the gate is detached, the request is unknown, tampered with,
   *     pending, rejected, or its decision does not verify
   */
  public RecordLevelRelease admitRecords(String requestId) {
    if (book == null) {
      throw new RefusedException(
          "record-level outputs are released only from a workspace, under a clearance");
    }
    if (requestId == null || !requestId.startsWith("RL-")) {
      throw new RefusedException(
          "record-level outputs need a record-level clearance (RL-NNNN; clearance"
              + " request-records), not "
              + requestId);
    }
    RecordClearance c =
        book.recordItems().stream()
            .filter(i -> i.id().equals(requestId))
            .findFirst()
            .orElseThrow(
                () -> new RefusedException("no record-level clearance " + requestId + " here"));
    if (c.problem() != null) {
      throw new RefusedException(c.problem());
    }
    if (c.decision() == null) {
      throw new RefusedException("record-level clearance " + requestId + " is still pending");
    }
    if (!c.decision().approved()) {
      throw new RefusedException(
          "record-level clearance " + requestId + " was rejected: " + c.decision().comment());
    }
    if (!c.approved()) {
      throw new RefusedException(
          "record-level clearance " + requestId + " does not verify: " + c.verification());
    }
    return new RecordLevelRelease(this, c.request(), c.decision());
  }

  private static String shortHash(String h) {
    return h.length() > 12 ? h.substring(0, 12) : h;
  }
}
