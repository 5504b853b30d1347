package org.statbench.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.statbench.core.InputException;
import org.statbench.core.spec.CodeGroup;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.SpecSyntax;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.store.Workspace;
import org.statbench.tabulate.TableSpecJson;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that define a table from microdata, shared (as a picocli {@code @Mixin}) by {@code
 * tabulate} and {@code export}, so both accept exactly the same table definition.
 */
public final class TabulateOptions {
  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec mixee;

  @Option(names = "--db", required = true, paramLabel = "DIR", description = "Workspace folder.")
  Path db;

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = "Dataset to tabulate (required unless --spec names it).")
  String dataset;

  @Option(
      names = "--rows",
      split = ",",
      paramLabel = "V",
      description = "Row variables, outermost first.")
  List<String> rows;

  @Option(names = "--cols", split = ",", paramLabel = "V", description = "Column variables.")
  List<String> cols;

  @Option(
      names = "--wafers",
      split = ",",
      paramLabel = "V",
      description = "Wafer (layer) variables.")
  List<String> wafers;

  /** --filter, --range and --date-range, shared with the cohort command. */
  @CommandLine.Mixin FilterOptions recordFilters = new FilterOptions();

  @Option(
      names = "--measure",
      paramLabel = "M",
      description =
          "count (default), sum:V, mean:V, median:V, pNN:V, min:V, max:V, distinct:V;"
              + " survey tables also ratio:V/W and gini:V.")
  String measure;

  @Option(
      names = "--weight",
      paramLabel = "V",
      description =
          "Weight variable (count, sum, mean, median, pNN; a missing weight counts as 0).")
  String weight;

  @Option(
      names = "--band",
      paramLabel = "V=LO-HI,...,LO+",
      description =
          "Band a numeric dimension: LO-HI includes both ends, LO+ and -HI are open, LO-<HI"
              + " excludes HI; repeatable.")
  List<String> bands = new ArrayList<>();

  @Option(names = "--spec", paramLabel = "T.json", description = "Saved table definition.")
  Path specFile;

  @Option(
      names = "--percent",
      paramLabel = "row|column|total|wafer",
      description = "Show values as percentages of a margin.")
  String percent;

  @Option(
      names = "--group",
      paramLabel = "V=NAME=code,code",
      description = "Merge codes of a dimension into one category; repeatable.")
  List<String> groups = new ArrayList<>();

  @Option(
      names = "--date-group",
      paramLabel = "V=month|quarter|fy|year",
      description = "Group a date dimension into periods; repeatable.")
  List<String> dateGroups = new ArrayList<>();

  @Option(
      names = "--rollup",
      paramLabel = "V=PARENT[,GRANDPARENT...]",
      description =
          "Show a dimension's codes under their parents (another variable), those under the"
              + " next level's, and so on, with a subtotal for every parent, e.g."
              + " oa=la,region,country; repeatable.")
  List<String> rollUps = new ArrayList<>();

  @Option(
      names = "--no-total",
      paramLabel = "V",
      split = ",",
      description = "Drop the Total margin of these dimensions.")
  List<String> noTotal = new ArrayList<>();

  @Option(names = "--no-totals", description = "Drop the Total margin of every dimension.")
  boolean noTotals;

  /** --password-file, and the switch to the server for a database source. */
  @CommandLine.Mixin SourcePasswordOptions source = new SourcePasswordOptions();

  /** --design, --replicates, --se, --level (survey estimates). */
  @CommandLine.Mixin SurveyOptions survey = new SurveyOptions();

  /** True when the table is a survey table with design-based estimates. */
  public boolean isSurvey() {
    return survey.active(measure);
  }

  /** The survey estimates of the spec (see {@link SurveyOptions}). */
  public org.statbench.tabulate.survey.SurveyTable estimate(TableSpec ts, Workspace ws) {
    return survey.estimate(ts, measure, ws);
  }

  /** The workspace folder ({@code --db}). */
  public Path db() {
    return db;
  }

  /** Tabulates the spec of {@link #buildSpec()} from the workspace. */
  public Table tabulate(TableSpec ts, Workspace ws) {
    return source.tabulate(ws, ts, false);
  }

  /** Like {@link #tabulate} with per-cell keys for cell-key perturbation. */
  public Table tabulateWithCellKeys(TableSpec ts, Workspace ws) {
    return source.tabulate(ws, ts, true);
  }

  /** The measure label written in the long CSV, with a percentage prefix when one is asked for. */
  public static String measureLabel(Table table, TableSpec ts) {
    String label = table.measure().label();
    if (ts.percentage() != Percentage.NONE) {
      label = ts.percentage().key() + "%:" + label;
    }
    return label;
  }

  /** The spec from --spec (if any) with the command-line options applied on top. */
  public TableSpec buildSpec() {
    TableSpec ts;
    if (specFile != null) {
      ts = TableSpecJson.read(CliWorkspace.readDocument(specFile, db()), specFile.toString());
      if (dataset != null) {
        ts = ts.withDataset(dataset);
      }
    } else {
      if (dataset == null) {
        throw new CommandLine.ParameterException(
            mixee.commandLine(), "Missing required option: '--dataset=NAME' (or --spec)");
      }
      if (rows == null && survey.quantileGroups == null) {
        throw new CommandLine.ParameterException(
            mixee.commandLine(), "Missing required option: '--rows=V[,V...]' (or --spec)");
      }
      ts = TableSpec.of(dataset);
    }
    ts =
        new TableSpec(
            ts.dataset(),
            ts.rows(),
            ts.columns(),
            ts.wafers(),
            ts.filters(),
            measure != null ? SurveyOptions.tabulationMeasure(measure) : ts.measure(),
            weight != null ? weight : ts.weight(),
            percent != null ? Percentage.parse(percent) : ts.percentage());
    if (rows != null) {
      ts = ts.withRows(plain(rows));
    }
    if (cols != null) {
      ts = ts.withColumns(plain(cols));
    }
    if (wafers != null) {
      ts = ts.withWafers(plain(wafers));
    }
    for (Filter f : recordFilters.filters()) {
      ts = ts.withFilter(f);
    }
    for (String b : bands) {
      var e = SpecSyntax.band(b);
      ts = derive(ts, "--band", e.getKey(), e.getValue());
    }
    Map<String, CodeGroups> grouped = new java.util.LinkedHashMap<>();
    for (String g : groups) {
      Map.Entry<String, CodeGroup> e = SpecSyntax.group(g);
      grouped.merge(
          e.getKey(), new CodeGroups(List.of(e.getValue())), (a, b) -> a.with(e.getValue()));
    }
    for (Map.Entry<String, CodeGroups> e : grouped.entrySet()) {
      ts = derive(ts, "--group", e.getKey(), e.getValue());
    }
    for (String d : dateGroups) {
      var e = SpecSyntax.dateGroup(d);
      ts = derive(ts, "--date-group", e.getKey(), e.getValue());
    }
    for (String r : rollUps) {
      var e = SpecSyntax.rollUp(r);
      ts = derive(ts, "--rollup", e.getKey(), e.getValue());
    }
    for (DimensionSpec d : ts.dimensions()) {
      if (noTotals || noTotal.contains(d.variable())) {
        ts = ts.withTotal(d.variable(), false);
      }
    }
    for (String v : noTotal) {
      if (ts.dimensions().stream().noneMatch(d -> d.variable().equals(v))) {
        throw new InputException(
            "--no-total " + v + ": '" + v + "' is not a row, column or wafer variable");
      }
    }
    return ts;
  }

  private static TableSpec derive(TableSpec ts, String option, String variable, Derivation d) {
    if (ts.dimensions().stream().noneMatch(x -> x.variable().equals(variable))) {
      throw new InputException(
          option + " " + variable + ": '" + variable + "' is not a row, column or wafer variable");
    }
    return ts.withDerivation(variable, d);
  }

  private static List<DimensionSpec> plain(List<String> variables) {
    return variables.stream().map(String::trim).map(DimensionSpec::of).toList();
  }
}
