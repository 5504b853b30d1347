package org.statbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.geo.EditionBridge;
import org.statbench.geo.GeoJoins;
import org.statbench.geo.JoinResult;
import org.statbench.geo.JoinSpec;
import org.statbench.geo.SplitRule;
import org.statbench.store.DerivedVariable;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code join --db DIR --dataset NAME --key V --lookup NAME [--lookup-key V] [--levels L[,L...]]
 * [--report FILE.csv]} (plus {@code --bridge}, {@code --by}, {@code --report-by}): adds lookup
 * levels to a dataset as derived variables and prints the match report.
 */
@Command(
    name = "join",
    mixinStandardHelpOptions = true,
    description = {
      "Add classification or geography levels from a lookup to a dataset through a key variable"
          + " (area code or postcode) and print the match report.",
      "The added variables take the lookup's column names and are kept in the workspace;"
          + " unmatched records get Missing."
    })
public final class JoinCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--db", required = true, paramLabel = "DIR", description = "Workspace folder.")
  Path db;

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "NAME",
      description = "Dataset to add variables to.")
  String dataset;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "V",
      description = "Key variable of the dataset (area code or postcode).")
  String key;

  @Option(
      names = "--lookup",
      required = true,
      paramLabel = "NAME",
      description = "Lookup dataset (any dataset can serve as one).")
  String lookup;

  @Option(
      names = "--lookup-key",
      paramLabel = "V",
      description = "Key column of the lookup (default: its first column).")
  String lookupKey;

  @Option(
      names = "--levels",
      split = ",",
      paramLabel = "L",
      description = "Lookup columns to add (default: all but the key).")
  List<String> levels = new ArrayList<>();

  @Option(
      names = "--report",
      paramLabel = "FILE.csv",
      description = "Write the match report as CSV (category,count; then rate).")
  Path report;

  @Option(
      names = "--bridge",
      paramLabel = "NAME",
      description =
          "Code-change lookup (old code, new code, change type U/S/M/X) taking the key's codes"
              + " to the lookup's edition.")
  String bridge;

  @Option(
      names = "--split",
      paramLabel = "RULE",
      description =
          "How split areas of the bridge are resolved: best-fit (default; the largest successor)"
              + " or by-weight (per level, the value with most weight; needs --weight).")
  String split;

  @Option(
      names = "--weight",
      paramLabel = "COL",
      description = "Numeric weight column of the bridge (e.g. population share).")
  String weight;

  @Option(
      names = "--by",
      split = ",",
      paramLabel = "V",
      description = "Also print the match rate by these variables of the dataset.")
  List<String> by = new ArrayList<>();

  @Option(
      names = "--report-by",
      paramLabel = "FILE.csv",
      description =
          "Write the match rate by each --by variable as CSV"
              + " (variable,category,total,matched,unmatched,rate).")
  Path reportBy;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (bridge == null && (split != null || weight != null)) {
      throw new InputException("--split and --weight need --bridge");
    }
    if (reportBy != null && by.isEmpty()) {
      throw new InputException(
          "--report-by needs --by V (the variables to break the rate down by)");
    }
    // the join persists its variables: a report that cannot be written must fail before it
    OutputFiles.requireWritable(report, "--report");
    OutputFiles.requireWritable(reportBy, "--report-by");
    try (Workspace ws = CliWorkspace.open(db)) {
      ws.dataset(dataset); // names an unknown dataset before anything else
      GeoJoins geo = new GeoJoins(ws);
      EditionBridge b = bridge == null ? null : geo.bridge(bridge, splitRule(split), weight);
      JoinSpec js = new JoinSpec(key, levels, b, by, Map.of());
      JoinResult result = geo.join(dataset, lookup, lookupKey, js, CancellationToken.NONE);
      out.print(result.report().format(20));
      out.println(
          "Added to "
              + dataset
              + ": "
              + String.join(", ", result.variables().stream().map(DerivedVariable::name).toList()));
      if (report != null) {
        try (Writer w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
          result.report().writeCsv(w);
        } catch (IOException e) {
          throw new UncheckedIOException(
              new IOException("cannot write " + report + ": " + e.getMessage(), e));
        }
      }
      if (reportBy != null) {
        try (Writer w = Files.newBufferedWriter(reportBy, StandardCharsets.UTF_8)) {
          result.report().writeRatesCsv(w);
        } catch (IOException e) {
          throw new UncheckedIOException(
              new IOException("cannot write " + reportBy + ": " + e.getMessage(), e));
        }
      }
    }
    out.flush();
    return StatBenchCommand.EXIT_OK;
  }

  static SplitRule splitRule(String s) {
    if (s == null) {
      return SplitRule.BEST_FIT;
    }
    return switch (s.toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "best-fit" -> SplitRule.BEST_FIT;
      case "by-weight", "weight" -> SplitRule.BY_WEIGHT;
      default ->
          throw new InputException("Unknown split rule '" + s + "': use best-fit or by-weight");
    };
  }
}
