package org.statbench.cohort;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.statbench.core.format.CsvOutput;

/**
 * Writes a {@link StatusTable} as the long CSV of the {@code status} command (the conventions of
 * {@link CohortCsv}): header {@code cohort,[breakdown variables...],duration,state,people,
 * proportion,status}; one row for every state (the off state included, zeros included) at every
 * duration 0..horizon, ordered by cohort, group, duration and state (priority order, off last).
 * Censored rows keep their place with {@code people} and {@code proportion} empty and status {@code
 * censored}; {@code proportion} is also empty for an empty cohort.
 */
public final class StatusCsv {
  private StatusCsv() {}

  /** The header fields for a table with these breakdown variables. */
  public static List<String> header(List<String> by) {
    List<String> h = new ArrayList<>();
    h.add("cohort");
    h.addAll(by);
    h.addAll(List.of("duration", "state", "people", "proportion", "status"));
    return h;
  }

  /** Writes the states at each duration. */
  public static void write(StatusTable table, Writer out) {
    write(table.spec(), table.rows(), out);
  }

  /** Writes "ever in the state by duration d", in the same columns. */
  public static void writeEver(StatusTable table, Writer out) {
    write(table.spec(), table.ever(), out);
  }

  private static void write(StatusSpec spec, List<StatusRow> rows, Writer out) {
    CsvOutput csv = CsvOutput.to(out);
    csv.row(header(spec.cohort().by()));
    for (StatusRow r : rows) {
      List<String> f = new ArrayList<>(6 + r.group().size());
      f.add(r.cohort());
      f.addAll(r.group());
      f.add(Integer.toString(r.duration()));
      f.add(r.state());
      f.add(r.observed() ? Long.toString(r.people()) : "");
      f.add(CohortCsv.number(r.proportion()));
      f.add(r.status().word());
      csv.row(f);
    }
    csv.flush();
  }

  /**
   * Writes time in state: {@code cohort,[by],state,window,people,person_durations,mean,status}, one
   * row per cohort x group x state; {@code person_durations} and {@code mean} (durations 1..N in
   * the state per member) empty when censored.
   */
  public static void writeTimeInState(StatusTable table, Writer out) {
    CsvOutput csv = CsvOutput.to(out);
    List<String> h = new ArrayList<>();
    h.add("cohort");
    h.addAll(table.spec().cohort().by());
    h.addAll(List.of("state", "window", "people", "person_durations", "mean", "status"));
    csv.row(h);
    for (TimeInState t : table.timeInState()) {
      List<String> f = new ArrayList<>();
      f.add(t.cohort());
      f.addAll(t.group());
      f.add(t.state());
      f.add(Integer.toString(t.window()));
      f.add(Long.toString(t.size()));
      boolean observed = t.status() == CellStatus.OBSERVED;
      f.add(observed ? Long.toString(t.personDurations()) : "");
      f.add(CohortCsv.number(t.mean()));
      f.add(t.status().word());
      csv.row(f);
    }
    csv.flush();
  }
}
