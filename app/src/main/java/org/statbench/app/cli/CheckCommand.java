package org.statbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.statbench.core.RefusedException;
import org.statbench.core.table.Table;
import org.statbench.disclosure.DisclosureChecker;
import org.statbench.disclosure.DisclosureReport;
import org.statbench.disclosure.ReportJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code check --table T.csv [--rules P.json] [--report R.json] [--db DIR]}: applies the primary
 * rules to every cell of a long CSV of counts (margins included), prints a summary and exits 3 when
 * any cell fails.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Apply the disclosure rules to every cell of a long CSV of counts, margins included.",
      "Prints which cells fail which rule; exit 3 when any cell fails (0 when none does)."
    })
public final class CheckCommand implements Callable<Integer> {
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
      description = "Disclosure policy (docs/disclosure-policy.md); default: threshold 10.")
  Path rules;

  @Option(
      names = "--report",
      paramLabel = "R.json",
      description = "Write the report as JSON (no true values of failing cells).")
  Path report;

  @Option(
      names = "--db",
      paramLabel = "DIR",
      description = "Workspace whose audit log records the check.")
  Path db;

  @Override
  public Integer call() {
    OutputFiles.requireWritable(report, "--report");
    DisclosureChecker checker = new DisclosureChecker(DisclosureCli.policy(rules));
    Table t = DisclosureCli.readCounts(table);
    DisclosureReport r = checker.check(t);
    PrintWriter out = spec.commandLine().getOut();
    DisclosureCli.print(out, r);
    if (report != null) {
      ReportJson.write(r, false, report);
    }
    if (db != null) {
      DisclosureCli.log(db, "check", table, r);
    }
    if (!r.releasable()) {
      throw new RefusedException(DisclosureCli.refusal(r));
    }
    return StatBenchCommand.EXIT_OK;
  }
}
