package org.statbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.export.LongCsv;
import org.statbench.store.Workspace;
import org.statbench.tabulate.TableSpecJson;
import org.statbench.tabulate.survey.SurveyTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tabulate}: computes a table and writes it as a long CSV (to {@code --out} or stdout).
 * These are working tables for use inside the secure environment; releasing one goes through {@code
 * export}.
 */
@Command(
    name = "tabulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Cross-tabulate a dataset and write the table as a long CSV (one row per cell, margins as"
          + " 'Total').",
      "Example: tabulate --db ws --dataset claims --rows region --cols sex"
          + " --band age=16-24,25-49,50+ --filter benefit=JSA,UC"
    })
public final class TabulateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin TabulateOptions table;

  @Option(
      names = "--out",
      paramLabel = "FILE.csv",
      description = "Output file (default: standard output).")
  Path out;

  @Option(
      names = "--save-spec",
      paramLabel = "T.json",
      description = "Also save the table definition to this file.")
  Path saveSpec;

  @Override
  public Integer call() throws IOException {
    OutputFiles.requireWritable(out, "--out");
    OutputFiles.requireWritable(saveSpec, "--save-spec");
    TableSpec ts = table.buildSpec();
    Table t;
    String label;
    List<String> extraHeaders = List.of();
    String[][] extras = null;
    // only reads: from the catalogue snapshot when it is current, without H2's SQL engine
    try (Workspace ws = CliWorkspace.openForQueries(table.db())) {
      if (saveSpec != null) {
        CliWorkspace.writeDocument(ws, saveSpec, TableSpecJson.write(ts));
      }
      if (table.isSurvey()) {
        SurveyTable st = table.estimate(ts, ws);
        t = st.table();
        label = st.measureLabel();
        extraHeaders = table.survey.extraHeaders();
        extras = SurveyOptions.extras(st);
      } else {
        t = table.tabulate(ts, ws);
        label = TabulateOptions.measureLabel(t, ts);
      }
    }
    if (out != null) {
      LongCsv.requireUnambiguous(t);
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        LongCsv.write(t, label, w, null, null, extraHeaders, extras);
      }
    } else {
      PrintWriter w = spec.commandLine().getOut();
      LongCsv.write(t, label, w, null, null, extraHeaders, extras);
      w.flush();
    }
    return StatBenchCommand.EXIT_OK;
  }
}
