package org.statbench.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.statbench.cohort.CohortSpec;
import org.statbench.cohort.CohortSpecJson;
import org.statbench.cohort.StatusCsv;
import org.statbench.cohort.StatusSpec;
import org.statbench.cohort.StatusTable;
import org.statbench.cohort.StatusTracker;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetInfo;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code status --db DIR --dataset NAME --id V --entry V --spells NAME --spell-id V --state V
 * --start V --end V [--by V] [--period month|quarter] [--horizon N] [--as-of YYYY-MM-DD]
 * [--priority S1,S2,...] [--off LABEL] [filters as for cohort] --out FILE.csv}: the cohort x
 * duration x state long CSV.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Track status from spell data: for each cohort of entries (calendar period of the entry"
          + " date), each duration 0..horizon and each state, the people in that state at the"
          + " duration's reference date and their proportion of the cohort.",
      "",
      "Writes a long CSV: cohort,[breakdown],duration,state,people,proportion,status, one row for"
          + " every state (the off state and zeros included) at every duration. The reference"
          + " date at duration d is the entry date plus d months, the same day of the month"
          + " clamped to the month's last day. A person's state there is the state of the spell"
          + " covering it (start <= reference <= end; an empty end is an open spell); with"
          + " overlapping spells the first state in --priority (default: the order of first"
          + " appearance in the spell data) wins; no spell: the off state (--off, default 'Off"
          + " benefit'). A cohort is observed at duration d when the reference date of someone"
          + " entering on the last day of the cohort's period is on or before the as-of date;"
          + " otherwise the rows say 'censored' with people and proportion empty.",
      "",
      "Bad records (a spell ending before it starts, a spell person id in another format than"
          + " the cohort's ids, a person with two entry dates) exit 2 naming up to five records;"
          + " nothing is written. Spells of people outside the cohort are ignored and counted in"
          + " the notes printed on stderr."
    })
public final class StatusCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec commandSpec;

  @Option(names = "--db", required = true, paramLabel = "DIR", description = "Workspace folder.")
  Path db;

  @Option(
      names = "--spec",
      paramLabel = "FILE.json",
      description = "A saved cohort definition with a status part; the other options override it.")
  Path specFile;

  @Option(names = "--dataset", paramLabel = "NAME", description = "Cohort dataset.")
  String dataset;

  @Option(names = "--id", paramLabel = "V", description = "Person id variable of the dataset.")
  String id;

  @Option(names = "--entry", paramLabel = "V", description = "Entry date variable.")
  String entry;

  @Option(names = "--spells", paramLabel = "NAME", description = "Spell dataset.")
  String spells;

  @Option(names = "--spell-id", paramLabel = "V", description = "Person id variable of spells.")
  String spellId;

  @Option(names = "--state", paramLabel = "V", description = "State variable of spells.")
  String state;

  @Option(names = "--start", paramLabel = "V", description = "Spell start date variable.")
  String start;

  @Option(
      names = "--end",
      paramLabel = "V",
      description = "Spell end date variable (empty = open).")
  String end;

  @Option(
      names = "--by",
      paramLabel = "V",
      split = ",",
      description = "Breakdown variable(s) of the dataset: one CSV column each.")
  List<String> by;

  @Option(
      names = "--period",
      paramLabel = "P",
      description = "Cohort period: month (default), quarter, week or financial-year.")
  String period;

  @Option(
      names = "--unit",
      paramLabel = "U",
      description = "Duration unit: months (default), weeks or days.")
  String unit;

  @Option(
      names = "--horizon",
      paramLabel = "N",
      description = "Largest duration reported (default 12).")
  Integer horizon;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description =
          "Nothing after this date is observed (default: the latest date among the entry dates"
              + " and the spells' start and end dates).")
  String asOf;

  @Option(
      names = "--priority",
      paramLabel = "S1,S2,...",
      split = ",",
      description = "States in the order that decides overlapping spells (first wins).")
  List<String> priority;

  @Option(
      names = "--off",
      paramLabel = "LABEL",
      description = "Off state label (default 'Off benefit').")
  String off;

  @Option(
      names = "--window",
      paramLabel = "N",
      description = "N of time in state in durations 1..N (default: the horizon).")
  Integer window;

  @CommandLine.Mixin FilterOptions filterOptions = new FilterOptions();

  @CommandLine.Mixin BreakdownOptions breakdownOptions = new BreakdownOptions();

  @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output file.")
  Path out;

  @Option(
      names = "--ever",
      paramLabel = "FILE.csv",
      description = "Also write people ever in each state by each duration (same columns).")
  Path ever;

  @Option(
      names = "--time-in-state",
      paramLabel = "FILE.csv",
      description =
          "Also write time in each state in durations 1..N:"
              + " cohort,[breakdown],state,window,people,person_durations,mean,status.")
  Path timeInState;

  @Override
  public Integer call() {
    OutputFiles.requireWritable(out, "--out");
    OutputFiles.requireWritable(ever, "--ever");
    OutputFiles.requireWritable(timeInState, "--time-in-state");
    StatusSpec spec = buildSpec();
    try (Workspace ws = CliWorkspace.open(db)) {
      checkVariables(ws, spec);
      StatusTable table =
          StatusTracker.track(ws, spec, ProgressListener.NONE, CancellationToken.NONE);
      write(out, table, StatusCsv::write);
      if (ever != null) {
        write(ever, table, StatusCsv::writeEver);
      }
      if (timeInState != null) {
        write(timeInState, table, StatusCsv::writeTimeInState);
      }
      PrintWriter err = commandSpec.commandLine().getErr();
      table.notes().forEach(n -> err.println("note: " + n));
      err.flush();
    }
    return StatBenchCommand.EXIT_OK;
  }

  private static void write(Path file, StatusTable table, BiConsumer<StatusTable, Writer> how) {
    try (Writer w =
        new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      how.accept(table, w);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private StatusSpec buildSpec() {
    StatusSpec base = null;
    if (specFile != null) {
      base =
          CohortSpecJson.statusFromJson(
                  CliWorkspace.readDocument(specFile, db), specFile.toString())
              .orElseThrow(
                  () ->
                      new InputException(
                          specFile.toString(),
                          -1,
                          "status",
                          "a cohort definition without a status part: give the spell options"));
    }
    List<String> missing = new ArrayList<>();
    String[][] required = {
      {dataset, "--dataset"},
      {id, "--id"},
      {entry, "--entry"},
      {spells, "--spells"},
      {spellId, "--spell-id"},
      {state, "--state"},
      {start, "--start"},
      {end, "--end"}
    };
    if (base == null) {
      for (String[] r : required) {
        if (r[0] == null) {
          missing.add(r[1]);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new CommandLine.ParameterException(
          commandSpec.commandLine(),
          "Missing required option(s): " + String.join(", ", missing) + " (or --spec)");
    }
    StatusSpec s =
        base != null ? base : StatusSpec.of(dataset, id, entry, spells, spellId, state, start, end);
    CohortSpec c =
        CohortCommand.withSharedOptions(
            s.cohort(),
            dataset,
            entry,
            by,
            period,
            unit,
            horizon,
            asOf,
            filterOptions,
            breakdownOptions);
    s = s.withCohort(c);
    if (id != null) {
      s = s.withId(id);
    }
    s =
        s.withSpells(
            spells != null ? spells : s.spells(),
            spellId != null ? spellId : s.spellId(),
            state != null ? state : s.state(),
            start != null ? start : s.start(),
            end != null ? end : s.end());
    if (priority != null) {
      s = s.withPriority(priority.stream().map(String::strip).toList());
    }
    if (off != null) {
      s = s.withOffLabel(off);
    }
    if (window != null) {
      s = s.withWindow(window);
    }
    return s;
  }

  /** Fails early, naming the option and variable, when a variable is unknown or of a wrong type. */
  private static void checkVariables(Workspace ws, StatusSpec spec) {
    DatasetInfo cohort = ws.dataset(spec.cohort().dataset());
    CohortCommand.variable(cohort, spec.id(), "--id");
    CohortCommand.requireDate(cohort, spec.cohort().entry(), "--entry");
    CohortCommand.checkBreakdownsAndFilters(cohort, spec.cohort());
    DatasetInfo sp = ws.dataset(spec.spells());
    CohortCommand.variable(sp, spec.spellId(), "--spell-id");
    CohortCommand.variable(sp, spec.state(), "--state");
    CohortCommand.requireDate(sp, spec.start(), "--start");
    CohortCommand.requireDate(sp, spec.end(), "--end");
  }
}
