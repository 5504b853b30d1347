package org.statbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.RefusedException;
import org.statbench.core.table.Table;
import org.statbench.disclosure.CellResult;
import org.statbench.disclosure.DisclosureChecker;
import org.statbench.disclosure.DisclosureReport;
import org.statbench.export.LongCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code protect --table T.csv [--rules P.json] --out OUT.csv [--db DIR]}: applies the policy's
 * protection to a long CSV of counts and writes the protected long CSV with a {@code status}
 * column; suppressed values are written empty, and text a spreadsheet would run as a formula is
 * neutralised (the output is a release). Writes nothing and exits 3 when the protected table does
 * not pass the audit.
 */
@Command(
    name = "protect",
    mixinStandardHelpOptions = true,
    description = {
      "Protect a long CSV of counts with the policy's method (default: cell suppression with"
          + " secondary suppression and an audit) and write it with a status column.",
      "Suppressed values are written empty; every other value is the true value unless the"
          + " policy rounds or perturbs. Exit 3 (and no output) when the audit fails."
    })
public final class ProtectCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--table",
      required = true,
      paramLabel = "T.csv",
      description = "Long CSV of counts with margins (as written by tabulate --out).")
  Path table;

  @Option(
      names = "--rules",
      paramLabel = "P.json",
      description = "Disclosure policy (docs/disclosure-policy.md); default: suppression.")
  Path rules;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "OUT.csv",
      description = "The protected long CSV to write.")
  Path out;

  @Option(
      names = "--db",
      paramLabel = "DIR",
      description = "Workspace whose audit log records the protection.")
  Path db;

  @Override
  public Integer call() {
    OutputFiles.requireWritable(out, "--out");
    DisclosureChecker checker = new DisclosureChecker(DisclosureCli.policy(rules));
    Table t = DisclosureCli.readCounts(table);
    DisclosureReport r;
    try {
      r = checker.protect(t, ProgressListener.NONE, CancellationToken.NONE);
    } catch (InputException e) {
      if (e.file() != null) {
        throw e;
      }
      // e.g. a hand-written table whose Total rows do not add up: name the file it came from
      throw new InputException(table.toString(), -1, null, e.getMessage());
    }
    PrintWriter pw = spec.commandLine().getOut();
    DisclosureCli.print(pw, r);
    if (db != null) {
      DisclosureCli.log(db, "protect", table, r);
    }
    if (!r.releasable()) {
      throw new RefusedException(DisclosureCli.refusal(r) + "; nothing written to " + out);
    }
    int n = t.cellCount();
    String[] status = new String[n];
    boolean[] suppressed = new boolean[n];
    for (CellResult c : r.cells()) {
      status[c.index()] = c.status().word();
      suppressed[c.index()] = c.status().isSuppressed();
    }
    try {
      LongCsv.writeRelease(r.protectedTable(), out, status, suppressed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
    pw.println("Wrote " + out);
    pw.flush();
    return StatBenchCommand.EXIT_OK;
  }
}
