package org.statbench.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.statbench.cohort.CohortCsv;
import org.statbench.cohort.CohortPeriod;
import org.statbench.cohort.CohortSpec;
import org.statbench.cohort.CohortSpecJson;
import org.statbench.cohort.CohortTable;
import org.statbench.cohort.CohortTracker;
import org.statbench.cohort.DurationUnit;
import org.statbench.cohort.Estimator;
import org.statbench.cohort.LogRankTest;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.Filter;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cohort --db DIR --dataset NAME --entry V --event V [--by V] [--period month|quarter]
 * [--horizon N] [--as-of YYYY-MM-DD] [--out FILE.csv]}: the cohort x duration long CSV.
 */
@Command(
    name = "cohort",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Track cohorts: for each cohort of entries (calendar period of the entry date) and each"
          + " duration 0..horizon since entry, the number at risk, the events and the cumulative"
          + " proportion with the event, with a 95%% interval.",
      "",
      "Writes a long CSV: cohort,[breakdown],duration,at_risk,events,cumulative,lower,upper,status."
          + " Cohorts are labelled YYYY-MM (month), YYYY-Qn (quarter), YYYY-Www (ISO week) or"
          + " FYYYYY-YY (April-March financial year). Duration in months = (event year*12 + event"
          + " month) - (entry year*12 + entry month). Cumulative at d = people with an event at"
          + " duration <= d / cohort size. A cohort is observed at duration d only if the last day"
          + " of calendar month (cohort + d) is on or before the as-of date; otherwise status is"
          + " 'censored' and cumulative, lower and upper are empty; observed cells say 'observed'."
          + " at_risk = cohort size minus people with an event before d (simple estimator), or"
          + " the people still event-free and followed up at d (km). lower/upper: Wilson score"
          + " interval (simple), Greenwood log(-log) (km), delta method (km with --competing).",
      "",
      "An event dated before its entry date is a data error (exit 2, naming the record)."
    })
public final class CohortCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec commandSpec;

  @Option(names = "--db", required = true, paramLabel = "DIR", description = "Workspace folder.")
  Path db;

  @Option(
      names = "--spec",
      paramLabel = "FILE.json",
      description = "A saved cohort definition; the other options override it.")
  Path specFile;

  @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset.")
  String dataset;

  @Option(names = "--entry", paramLabel = "V", description = "Entry date variable.")
  String entry;

  @Option(
      names = "--event",
      paramLabel = "V",
      description = "Event date variable (empty = no event yet).")
  String event;

  @Option(
      names = "--by",
      paramLabel = "V",
      split = ",",
      description = "Breakdown variable(s): one CSV column each, named after the variable.")
  List<String> by;

  @Option(
      names = "--period",
      paramLabel = "P",
      description = "Cohort period: month (default), quarter, week or financial-year.")
  String period;

  @Option(
      names = "--horizon",
      paramLabel = "N",
      description = "Largest duration reported (default 12).")
  Integer horizon;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description =
          "Nothing after this date is observed (default: the latest date among the entry and"
              + " event variables).")
  String asOf;

  @Option(names = "--out", paramLabel = "FILE.csv", description = "Output file (default stdout).")
  Path out;

  @Option(
      names = "--unit",
      paramLabel = "U",
      description = "Duration unit: months (default), weeks or days.")
  String unit;

  @Option(
      names = "--estimator",
      paramLabel = "E",
      description =
          "simple (default: the published cohort proportion) or km (Kaplan-Meier with"
              + " right-censoring; Aalen-Johansen with --competing).")
  String estimator;

  @Option(
      names = "--end",
      paramLabel = "V",
      description = "End-of-observation date variable (km: censors the record's follow-up).")
  String end;

  @Option(names = "--competing", paramLabel = "V", description = "Competing event date variable.")
  String competing;

  @CommandLine.Mixin FilterOptions filterOptions = new FilterOptions();

  @CommandLine.Mixin BreakdownOptions breakdownOptions = new BreakdownOptions();

  /** --password-file; a database source's records are grouped by its server. */
  @CommandLine.Mixin SourcePasswordOptions source = new SourcePasswordOptions();

  @Option(
      names = "--log-rank",
      description = "Print the log-rank test between breakdown groups on stderr.")
  boolean logRank;

  @Override
  public Integer call() {
    OutputFiles.requireWritable(out, "--out");
    CohortSpec spec = buildSpec();
    try (Workspace ws = CliWorkspace.open(db)) {
      checkVariables(ws.dataset(spec.dataset()), spec);
      CohortTable table =
          ws.source(spec.dataset()) == null // a workspace dataset may stream (#18)
              ? CohortTracker.track(ws, spec, ProgressListener.NONE, CancellationToken.NONE)
              : CohortTracker.track(
                  source.columns(ws, spec.dataset(), spec.variables()),
                  spec,
                  ProgressListener.NONE,
                  CancellationToken.NONE);
      if (out == null) {
        PrintWriter w = commandSpec.commandLine().getOut();
        CohortCsv.write(table, w);
      } else {
        try (Writer w =
            new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
          CohortCsv.write(table, w);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
        }
      }
      if (logRank) {
        printLogRank(table);
      }
    }
    return StatBenchCommand.EXIT_OK;
  }

  private CohortSpec buildSpec() {
    CohortSpec base;
    if (specFile != null) {
      base = CohortSpecJson.fromJson(CliWorkspace.readDocument(specFile, db), specFile.toString());
    } else {
      List<String> missing = new ArrayList<>();
      if (dataset == null) {
        missing.add("--dataset");
      }
      if (entry == null) {
        missing.add("--entry");
      }
      if (event == null) {
        missing.add("--event");
      }
      if (!missing.isEmpty()) {
        throw new CommandLine.ParameterException(
            commandSpec.commandLine(),
            "Missing required option(s): " + String.join(", ", missing) + " (or --spec)");
      }
      base = CohortSpec.of(dataset, entry, event);
    }
    CohortSpec s =
        withSharedOptions(
            base, dataset, entry, by, period, unit, horizon, asOf, filterOptions, breakdownOptions);
    if (event != null) {
      s = s.withEvent(event);
    }
    if (estimator != null) {
      s = s.withEstimator(Estimator.parse(estimator));
    }
    if (end != null) {
      s = s.withEnd(end);
    }
    if (competing != null) {
      s = s.withCompeting(competing);
    }
    return s;
  }

  /**
   * The options {@code cohort} and {@code status} share, each applied over a definition (from
   * {@code --spec} or the required options) when given (null: keep the definition's).
   */
  static CohortSpec withSharedOptions(
      CohortSpec s,
      String dataset,
      String entry,
      List<String> by,
      String period,
      String unit,
      Integer horizon,
      String asOf,
      FilterOptions filterOptions,
      BreakdownOptions breakdownOptions) {
    if (dataset != null) {
      s = s.withDataset(dataset);
    }
    if (entry != null) {
      s = s.withEntry(entry);
    }
    if (by != null) {
      s = s.withBy(by);
    }
    if (period != null) {
      s = s.withPeriod(CohortPeriod.parse(period));
    }
    if (unit != null) {
      s = s.withUnit(DurationUnit.parse(unit));
    }
    if (horizon != null) {
      s = s.withHorizon(horizon);
    }
    if (asOf != null) {
      try {
        s = s.withAsOf(LocalDate.parse(asOf.trim()));
      } catch (DateTimeParseException e) {
        throw new InputException("--as-of: not a date (YYYY-MM-DD): '" + asOf + "'");
      }
    }
    for (Filter f : filterOptions.filters()) {
      s = s.withFilter(f);
    }
    return breakdownOptions.apply(s);
  }

  /** Fails early, naming the variable, when one is unknown or of the wrong type. */
  private static void checkVariables(DatasetInfo info, CohortSpec spec) {
    requireDate(info, spec.entry(), "--entry");
    requireDate(info, spec.event(), "--event");
    if (spec.end() != null) {
      requireDate(info, spec.end(), "--end");
    }
    if (spec.competing() != null) {
      requireDate(info, spec.competing(), "--competing");
    }
    checkBreakdownsAndFilters(info, spec);
  }

  /** Fails early, naming the variable, for an unknown or unusable breakdown or filter variable. */
  static void checkBreakdownsAndFilters(DatasetInfo info, CohortSpec spec) {
    for (String v : spec.by()) {
      VariableInfo vi = variable(info, v, "--by");
      if ((vi.type() == VariableType.DATE && !(spec.derivations().get(v) instanceof DateGrouping))
          || vi.type() == VariableType.TEXT
          || (vi.type() == VariableType.DECIMAL && !(spec.derivations().get(v) instanceof Bands))) {
        throw new InputException(
            "--by: variable '"
                + v
                + "' is "
                + vi.type().key()
                + ": a breakdown needs a categorical or integer variable, --band of a number or"
                + " --date-group of a date");
      }
    }
    for (Filter f : spec.filters()) {
      variable(info, f.variable(), "--filter");
    }
  }

  static void requireDate(DatasetInfo info, String name, String option) {
    VariableInfo v = variable(info, name, option);
    if (v.type() != VariableType.DATE) {
      throw new InputException(
          option + ": variable '" + name + "' is " + v.type().key() + ", not a date");
    }
  }

  static VariableInfo variable(DatasetInfo info, String name, String option) {
    return info.variable(name)
        .orElseThrow(
            () ->
                new InputException(
                    option + ": unknown variable '" + name + "' in dataset '" + info.name() + "'"));
  }

  private void printLogRank(CohortTable table) {
    PrintWriter err = commandSpec.commandLine().getErr();
    if (table.logRank().isEmpty()) {
      err.println("log-rank: fewer than two groups to compare");
    } else {
      LogRankTest lr = table.logRank().get();
      err.printf(
          java.util.Locale.ROOT,
          "log-rank: chi-square %.4f on %d df, p = %.6g%n",
          lr.chiSquare(),
          lr.degreesOfFreedom(),
          lr.pValue());
    }
    err.flush();
  }
}
