package org.statbench.app.cli;

import java.io.PrintWriter;
import org.statbench.export.ClearanceBook;
import org.statbench.store.AuditVerification;
import org.statbench.store.Workspace;
import picocli.CommandLine.Command;

/**
 * {@code audit verify --db DIR}: recomputes the hash chain of the workspace's audit log, checks
 * each clearance request and decision against its file, and each decision's signature (a trusted
 * key, not the requester's, signed over the log as it was). Prints the number of entries checked
 * and OK, or names the first bad entry and exits 3.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check the hash chain of the workspace's audit log (every check, export, clearance request"
          + " and decision) and the signature of every clearance decision.",
      "Exit 0 when intact, 3 when an entry, request or decision was changed, removed, inserted"
          + " or forged."
    })
public final class AuditVerifyCommand extends WorkspaceSubcommand {
  @Override
  public Integer call() {
    AuditVerification v;
    try (Workspace ws = openExisting()) {
      v = ClearanceBook.of(ws).verifyLog();
    }
    if (v.ok()) {
      PrintWriter out = out();
      out.println(
          "audit log: "
              + v.entries()
              + " "
              + (v.entries() == 1 ? "entry" : "entries")
              + " checked, OK");
      out.flush();
      return StatBenchCommand.EXIT_OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "audit log: BROKEN at entry "
            + v.firstBroken()
            + " ("
            + v.entries()
            + " checked): "
            + v.message());
    err.flush();
    return StatBenchCommand.EXIT_REFUSED;
  }
}
