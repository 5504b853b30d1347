package org.statbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.statbench.core.InputException;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.disclosure.DisclosureChecker;
import org.statbench.disclosure.DisclosurePolicy;
import org.statbench.disclosure.DisclosureReport;
import org.statbench.disclosure.PolicyJson;
import org.statbench.disclosure.ProtectionMethod;
import org.statbench.disclosure.QualityPolicy;
import org.statbench.export.ExportGate;
import org.statbench.export.Release;
import org.statbench.export.ReportSnapshot;
import org.statbench.export.Reports;
import org.statbench.store.Workspace;
import org.statbench.tabulate.TableSpecJson;
import org.statbench.tabulate.survey.SurveyTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export}: tabulate from microdata (so dominance and p% see the top contributors), check,
 * protect with the policy's method (default: suppression), log both in the audit log, and write
 * through the export gate. Exit 3, with no file written, when the gate refuses.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Tabulate, check, protect and release a table through the export gate: the only way a table"
          + " leaves the workstation.",
      "Writes a long CSV with a status column (withheld values empty) or an XLSX workbook with the"
          + " table, the disclosure report and the table definition. Exit 3 when refused.",
      "Example: export --db ws --dataset claims --rows region --cols sex --out release.xlsx"
    })
public final class ExportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin TabulateOptions table;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.{csv,xlsx}",
      description = "Where to write the released table; the extension chooses the format.")
  Path out;

  @Option(
      names = "--rules",
      paramLabel = "P.json",
      description =
          "Disclosure policy (default: threshold 10, dominance n=2 k=85, p%%=10,"
              + " secondary suppression).")
  Path rules;

  @Override
  public Integer call() {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean xlsx = name.endsWith(".xlsx");
    if (!xlsx && !name.endsWith(".csv")) {
      throw new InputException(out.toString(), -1, null, "--out must end in .csv or .xlsx");
    }
    OutputFiles.requireWritable(out, "--out");
    DisclosurePolicy policy = rules == null ? DisclosurePolicy.DEFAULT : PolicyJson.read(rules);
    TableSpec ts = table.buildSpec();
    try (Workspace ws = CliWorkspace.open(table.db())) {
      // cell-key perturbation needs each cell's record-key sum, which costs one more pass
      SurveyTable survey = table.isSurvey() ? table.estimate(ts, ws) : null;
      Table t =
          survey != null
              ? survey.table()
              : policy.method() == ProtectionMethod.PERTURB
                  ? table.tabulateWithCellKeys(ts, ws)
                  : table.tabulate(ts, ws);
      DisclosureChecker checker = new DisclosureChecker(policy);
      ExportGate gate = ExportGate.of(ws);
      gate.recordCheck(t, Reports.snapshot(checker.check(t)));
      DisclosureReport protectedReport = checker.protect(t);
      ReportSnapshot report = Reports.snapshot(protectedReport);
      gate.recordCheck(t, report);
      Release release =
          gate.admit(t, report)
              .withDefinition(
                  definition(
                      ts,
                      survey == null ? ts.measure().label() : survey.measureLabel(),
                      Reports.describe(policy)));
      if (survey != null) {
        QualityPolicy quality =
            rules == null ? QualityPolicy.DEFAULT : PolicyJson.readQuality(rules);
        release = release.withSurvey(table.survey.columns(survey, quality));
      }
      if (xlsx) {
        release.writeXlsx(out);
      } else {
        release.writeCsv(out);
      }
      PrintWriter w = spec.commandLine().getOut();
      w.println(
          "Wrote "
              + out
              + ": "
              + t.cellCount()
              + " cells, "
              + release.report().suppressed().size()
              + " withheld; "
              + release.report().protection()
              + (release.clearance() == null ? "" : "; " + release.clearance().summary()));
      w.flush();
    }
    return StatBenchCommand.EXIT_OK;
  }

  private static List<String> definition(TableSpec ts, String measure, String policy) {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("Dataset: " + ts.dataset());
    lines.add("Measure: " + measure);
    lines.add("Rows: " + String.join(", ", ts.rows().stream().map(d -> d.variable()).toList()));
    lines.add(
        "Columns: " + String.join(", ", ts.columns().stream().map(d -> d.variable()).toList()));
    lines.add("Wafers: " + String.join(", ", ts.wafers().stream().map(d -> d.variable()).toList()));
    lines.add("Policy: " + policy);
    lines.add("Specification: " + TableSpecJson.write(ts).replaceAll("\\s+", " "));
    return lines;
  }
}
