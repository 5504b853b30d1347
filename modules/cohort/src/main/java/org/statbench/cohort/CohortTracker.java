package org.statbench.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.store.Workspace;
import org.statbench.tabulate.RecordFilters;

// Size (over 500 lines): one pass over epoch-day columns computes all three estimators and the
// horizon measures; the tight loops share their arrays (see docs/decisions/0008).

/**
 * Cohort tracking: entry and event dates to a cohort x duration table (the module's facade).
 *
 * <p>Definitions (the command line and the tests follow them exactly):
 *
 * <ul>
 *   <li>A record's cohort is the {@link CohortPeriod} of its entry date. Records without an entry
 *       date, entering after the as-of date, or excluded by a filter are left out (and counted).
 *   <li>Durations are counted in the {@link DurationUnit}; in months, {@code (event year*12 + event
 *       month) - (entry year*12 + entry month)}.
 *   <li>The as-of date defaults to the latest non-missing date among the entry and event variables
 *       over all records. Events after it are not observed (treated as no event yet).
 *   <li>{@link Estimator#SIMPLE}: cumulative at {@code d} = members with an event at duration
 *       {@code <= d} divided by the cohort size. Cohort {@code c} is observed at duration {@code d}
 *       only if duration {@code d} is complete by the as-of date for a member entering on the last
 *       day of the period (for months: the last day of calendar month {@code c + d} is on or before
 *       the as-of date); otherwise the cell is censored and has no cumulative proportion. At risk =
 *       cohort size minus members with an event before {@code d}.
 *   <li>{@link Estimator#KAPLAN_MEIER}: each member is followed until the end of their last
 *       duration complete by the as-of date, or until their end-of-observation date when that is on
 *       or before the as-of date (then they are at risk in the duration containing it: events
 *       before censoring at ties). Events outside a member's follow-up are not counted. A cell is
 *       observed while someone is at risk (or everyone has already had an event).
 *   <li>With a competing event, the first of the two events counts (the event of interest wins a
 *       tie); the simple estimator counts the event of interest only when it came first.
 *   <li>An event, end-of-observation or competing date before the entry date is a data error: an
 *       {@link InputException} naming the records (1-based record numbers; line = record + 1 in an
 *       extract without line breaks inside fields).
 * </ul>
 *
 * <p>Thread-safe: all methods are static and keep no state.
 */
public final class CohortTracker {
  private static final int CHUNK = 1 << 20;
  private static final int MAX_REPORTED_ERRORS = 5;
  private static final long MAX_TABLE_DAYS = 1 << 22;
  private static final int MAX_PLAIN_CATEGORIES = 100_000;

  private CohortTracker() {}

  /**
   * Tracks cohorts over in-memory columns; see {@link #track(DatasetColumns, CohortSpec,
   * ProgressListener, CancellationToken)}.
   */
  public static CohortTable track(DatasetColumns data, CohortSpec spec) {
    return track(data, spec, ProgressListener.NONE, CancellationToken.NONE);
  }

  /**
   * Loads the spec's variables from a workspace and tracks cohorts. When the columns (and the
   * per-record arrays of a breakdown or filter) would not fit in the heap free now ({@link
   * #shouldStream}), the records are read a slice at a time instead ({@link RecordSlices}): the
   * counts by cohort, group and duration are sums over records, so the table is the same.
   *
   * @throws InputException for an unknown dataset or variable, a variable of the wrong type, or an
   *     event dated before its entry
   * @throws org.statbench.core.ResourceException when a streamed breakdown variable has more
   *     distinct values than fit beside the records
   */
  public static CohortTable track(
      Workspace workspace, CohortSpec spec, ProgressListener progress, CancellationToken cancel) {
    long need = bytesInMemory(workspace, spec);
    Runtime rt = Runtime.getRuntime();
    if (shouldStream(need, rt.maxMemory(), rt.totalMemory() - rt.freeMemory())) {
      String dataset = spec.dataset();
      return track(
          RecordSlices.of(
              workspace.columnSlices(dataset, spec.variables()),
              vars -> workspace.columnSlices(dataset, vars)),
          spec,
          progress,
          cancel);
    }
    DatasetColumns data = workspace.columns(spec.dataset(), spec.variables());
    return track(data, spec, progress, cancel);
  }

  /**
   * Heap the in-memory path needs: the columns loaded whole, plus per record the filter's flags (1
   * byte) and a breakdown's combined and group index (12 bytes).
   */
  static long bytesInMemory(Workspace workspace, CohortSpec spec) {
    long columns = workspace.columnBytes(spec.dataset(), spec.variables());
    if (columns == 0) {
      return 0;
    }
    long rows = workspace.dataset(spec.dataset()).rows();
    return columns + (spec.filters().isEmpty() ? 0 : rows) + (spec.by().isEmpty() ? 0 : 12 * rows);
  }

  /**
   * Whether cohorts needing {@code needBytes} in memory are tracked a slice at a time: when twice
   * that exceeds the heap free now (garbage counted as used, so the test errs towards streaming,
   * which gives the same table), as for tables.
   */
  static boolean shouldStream(long needBytes, long maxHeap, long usedHeap) {
    return needBytes > 0 && 2 * needBytes > maxHeap - usedHeap;
  }

  /**
   * Tracks cohorts over in-memory columns.
   *
   * @param data columns holding at least {@link CohortSpec#variables()}
   * @param progress receives records processed of twice the record count (two passes)
   * @param cancel polled every million records
   * @throws InputException for an unknown variable, a variable of the wrong type, or an event dated
   *     before its entry
   * @throws org.statbench.core.CancelledException when cancelled
   */
  public static CohortTable track(
      DatasetColumns data, CohortSpec spec, ProgressListener progress, CancellationToken cancel) {
    return track(RecordSlices.of(data), spec, progress, cancel);
  }

  /** Tracks cohorts over records that come a slice at a time (one pass per step below). */
  static CohortTable track(
      RecordSlices src, CohortSpec spec, ProgressListener progress, CancellationToken cancel) {
    int rows = src.rows();
    Groups groups = Groups.start(spec.by(), spec.derivations());

    // Pass 1: validate, find the default as-of date, the range of cohorts and breakdown values.
    Validation val = new Validation();
    for (int s = 0; s < src.count(); s++) {
      cancel.throwIfCancelled();
      DatasetColumns data = src.slice(s);
      Dates d = Dates.of(data, spec);
      groups.scan(data);
      boolean[] keep = RecordFilters.keep(data, spec.filters());
      for (int from = 0; from < data.rows(); from += CHUNK) {
        cancel.throwIfCancelled();
        int to = Math.min(data.rows(), from + CHUNK);
        validate(val, spec, d, keep, src.offset(s), from, to);
        progress.progress(src.offset(s) + to, 2L * rows, "Checking dates");
      }
    }
    val.throwErrors(spec);
    groups.plan(src.count() == 1 ? Long.MAX_VALUE : Runtime.getRuntime().maxMemory() / 64 / 8);
    // Pass 2 (with a breakdown): the combinations of breakdown values that occur.
    long[] combined = null;
    if (!groups.none()) {
      RecordSlices byOnly = src.only(spec.by());
      for (int s = 0; s < byOnly.count(); s++) {
        cancel.throwIfCancelled();
        combined = groups.combine(byOnly.slice(s));
      }
    }
    int asOf = spec.asOf() != null ? (int) spec.asOf().toEpochDay() : val.maxDate;
    LocalDate asOfDate =
        val.maxDate == Integer.MIN_VALUE && spec.asOf() == null ? null : LocalDate.ofEpochDay(asOf);

    CohortPeriod period = spec.period();
    DurationUnit unit = spec.unit();
    int h = spec.horizon();
    int w = h + 1;
    boolean any = val.minEntry <= val.maxEntry;
    int firstPeriod = any ? period.index(val.minEntry) : 0;
    int nCohorts = any ? period.index(val.maxEntry) - firstPeriod + 1 : 0;
    int nGroups = groups.count();
    int cells = nCohorts * nGroups;

    Counts k = new Counts(cells, w);
    if (any) {
      for (int s = 0; s < src.count(); s++) {
        cancel.throwIfCancelled();
        DatasetColumns data = src.slice(s);
        int[] groupOf = groups.groupOf(data, src.count() == 1 ? combined : null);
        count(
            spec,
            Dates.of(data, spec),
            groupOf,
            groups.count(),
            RecordFilters.keep(data, spec.filters()),
            asOf,
            firstPeriod,
            k,
            progress,
            cancel,
            src.offset(s),
            rows);
      }
    }

    // Rows.
    List<String> cohortLabels = new ArrayList<>(nCohorts);
    int[] lastObserved = new int[nCohorts];
    for (int c = 0; c < nCohorts; c++) {
      cohortLabels.add(period.label(firstPeriod + c));
      lastObserved[c] = unit.lastComplete(period.lastDay(firstPeriod + c), asOf);
    }
    List<CohortRow> out = new ArrayList<>(cells * w);
    List<HorizonMeasure> horizon = new ArrayList<>(cells);
    for (int c = 0; c < nCohorts; c++) {
      for (int g = 0; g < nGroups; g++) {
        int cell = c * nGroups + g;
        List<CohortRow> r =
            spec.estimator() == Estimator.SIMPLE
                ? simpleRows(cohortLabels.get(c), groups.label(g), k, cell, w, lastObserved[c])
                : survivalRows(
                    cohortLabels.get(c), groups.label(g), k, cell, w, spec.competing() != null);
        out.addAll(r);
        horizon.add(horizonMeasure(r, k.size[cell]));
      }
    }

    // Pooled curves per group and the log-rank test.
    long[][] pooledAtRisk = new long[nGroups][];
    long[][] pooledEvents = new long[nGroups][];
    List<CohortRow> pooled = new ArrayList<>(nGroups * w);
    List<Integer> tested = new ArrayList<>();
    for (int g = 0; g < nGroups; g++) {
      Counts p = new Counts(1, w);
      for (int c = 0; c < nCohorts; c++) {
        p.addCell(0, k, c * nGroups + g);
      }
      pooled.addAll(
          survivalRows(CohortTable.ALL, groups.label(g), p, 0, w, spec.competing() != null));
      pooledAtRisk[g] = p.atRisk(0);
      pooledEvents[g] = Arrays.copyOfRange(p.kmEvent1, 0, w);
      if (pooledAtRisk[g][0] > 0) {
        tested.add(g);
      }
    }
    Optional<LogRankTest> logRank = Optional.empty();
    if (tested.size() >= 2) {
      long[][] n = new long[tested.size()][];
      long[][] e = new long[tested.size()][];
      for (int i = 0; i < tested.size(); i++) {
        n[i] = pooledAtRisk[tested.get(i)];
        e[i] = pooledEvents[tested.get(i)];
      }
      double[] lr = Estimates.logRank(n, e);
      int kk = tested.size();
      List<Double> o = new ArrayList<>();
      List<Double> ex = new ArrayList<>();
      for (int i = 0; i < kk; i++) {
        o.add(lr[3 + i]);
        ex.add(lr[3 + kk + i]);
      }
      logRank =
          Optional.of(
              new LogRankTest(
                  tested.stream().map(groups::label).toList(), o, ex, lr[0], (int) lr[1], lr[2]));
    }

    return new CohortTable(
        spec,
        asOfDate,
        cohortLabels,
        groups.labels(),
        out,
        horizon,
        pooled,
        logRank,
        k.used,
        val.missingEntry,
        val.afterAsOf,
        val.filteredOut);
  }

  private static DateColumn dates(DatasetColumns data, String variable, String role) {
    Column c = data.column(variable);
    if (c instanceof DateColumn d) {
      return d;
    }
    throw new InputException(
        "Variable '"
            + variable
            + "' is "
            + c.type().key()
            + ", not a date: the "
            + role
            + " variable must be a date");
  }

  // ---------------------------------------------------------------------------------------------
  // Pass 1

  /** The date columns of one slice of records (end and competing null when not in the spec). */
  private record Dates(int[] entry, int[] event, int[] end, int[] competing) {
    static Dates of(DatasetColumns data, CohortSpec spec) {
      return new Dates(
          dates(data, spec.entry(), "entry").epochDays(),
          dates(data, spec.event(), "event").epochDays(),
          spec.end() == null ? null : dates(data, spec.end(), "end-of-observation").epochDays(),
          spec.competing() == null
              ? null
              : dates(data, spec.competing(), "competing event").epochDays());
    }
  }

  private static final class Validation {
    int maxDate = Integer.MIN_VALUE;
    int minEntry = Integer.MAX_VALUE;
    int maxEntry = Integer.MIN_VALUE;
    long missingEntry;
    long filteredOut;
    long afterAsOf;
    long errors;
    final List<String> firstErrors = new ArrayList<>();

    void throwErrors(CohortSpec spec) {
      if (errors > 0) {
        throw new InputException(
            (errors == 1 ? "1 record has" : errors + " records have")
                + " a date before the entry date ("
                + spec.entry()
                + "): "
                + String.join("; ", firstErrors)
                + (errors > firstErrors.size() ? "; ..." : ""));
      }
    }
  }

  /**
   * Validates records {@code from..to-1} of a slice (its first at record number {@code offset})
   * into {@code v}.
   */
  private static void validate(
      Validation v, CohortSpec spec, Dates d, boolean[] keep, long offset, int from, int to) {
    int limit = spec.asOf() != null ? (int) spec.asOf().toEpochDay() : Integer.MAX_VALUE;
    int maxDate = v.maxDate;
    int minEntry = v.minEntry;
    int maxEntry = v.maxEntry;
    int[] entry = d.entry;
    int[] event = d.event;
    int[] end = d.end;
    int[] competing = d.competing;
    for (int i = from; i < to; i++) {
      int e = entry[i];
      int ev = event[i];
      if (ev != DateColumn.MISSING) {
        maxDate = Math.max(maxDate, ev);
      }
      if (e == DateColumn.MISSING) {
        v.missingEntry++;
        continue;
      }
      maxDate = Math.max(maxDate, e);
      if (ev != DateColumn.MISSING && ev < e) {
        error(v, offset + i, spec.event(), ev, spec.entry(), e);
      }
      if (end != null && end[i] != DateColumn.MISSING && end[i] < e) {
        error(v, offset + i, spec.end(), end[i], spec.entry(), e);
      }
      if (competing != null && competing[i] != DateColumn.MISSING && competing[i] < e) {
        error(v, offset + i, spec.competing(), competing[i], spec.entry(), e);
      }
      if (keep != null && !keep[i]) {
        v.filteredOut++;
        continue;
      }
      if (e <= limit) {
        minEntry = Math.min(minEntry, e);
        maxEntry = Math.max(maxEntry, e);
      } else {
        v.afterAsOf++;
      }
    }
    v.maxDate = maxDate;
    v.minEntry = minEntry;
    v.maxEntry = maxEntry;
  }

  private static void error(Validation v, long row, String variable, int day, String entry, int e) {
    v.errors++;
    if (v.firstErrors.size() < MAX_REPORTED_ERRORS) {
      v.firstErrors.add(
          "record "
              + (row + 1)
              + " (line "
              + (row + 2)
              + "): "
              + variable
              + " "
              + LocalDate.ofEpochDay(day)
              + " is before "
              + entry
              + " "
              + LocalDate.ofEpochDay(e));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Pass 2: the kernel

  /** Counts per cell (cohort x group) and duration; durations > horizon go to slot {@code w}. */
  static final class Counts {
    final int w;
    final long[] size;
    final long[] simpleEvents; // [cell * w + d], d <= horizon
    final long[] kmEvent1; // [cell * (w + 1) + d], d in 0..w (w = beyond the horizon)
    final long[] kmEvent2;
    final long[] kmCensored;
    final long[] notAtRisk; // members followed for no complete duration
    long used;

    Counts(int cells, int w) {
      this.w = w;
      size = new long[cells];
      simpleEvents = new long[cells * w];
      kmEvent1 = new long[cells * (w + 1)];
      kmEvent2 = new long[cells * (w + 1)];
      kmCensored = new long[cells * (w + 1)];
      notAtRisk = new long[cells];
    }

    void addCell(int into, Counts from, int cell) {
      size[into] += from.size[cell];
      notAtRisk[into] += from.notAtRisk[cell];
      for (int d = 0; d < w; d++) {
        simpleEvents[into * w + d] += from.simpleEvents[cell * w + d];
      }
      for (int d = 0; d <= w; d++) {
        kmEvent1[into * (w + 1) + d] += from.kmEvent1[cell * (w + 1) + d];
        kmEvent2[into * (w + 1) + d] += from.kmEvent2[cell * (w + 1) + d];
        kmCensored[into * (w + 1) + d] += from.kmCensored[cell * (w + 1) + d];
      }
    }

    /** Kaplan-Meier at-risk counts n_0..n_horizon of a cell. */
    long[] atRisk(int cell) {
      long[] n = new long[w];
      long r = size[cell] - notAtRisk[cell];
      int base = cell * (w + 1);
      for (int d = 0; d < w; d++) {
        n[d] = r;
        r -= kmEvent1[base + d] + kmEvent2[base + d] + kmCensored[base + d];
      }
      return n;
    }
  }

  /** Counts one slice of records (the first at record number {@code offset}) into {@code k}. */
  private static void count(
      CohortSpec spec,
      Dates d,
      int[] groupOf,
      int nGroups,
      boolean[] keep,
      int asOf,
      int firstPeriod,
      Counts k,
      ProgressListener progress,
      CancellationToken cancel,
      long offset,
      int rows) {
    int n = d.entry.length;
    for (int from = 0; from < n; from += CHUNK) {
      cancel.throwIfCancelled();
      int to = Math.min(n, from + CHUNK);
      if (spec.period() == CohortPeriod.MONTH
          && spec.unit() == DurationUnit.MONTHS
          && (long) asOf - Calendar.firstDayOfMonth(firstPeriod) < MAX_TABLE_DAYS
          && d.end == null
          && d.competing == null
          && keep == null
          && nGroups == 1) {
        countMonthly(d.entry, d.event, asOf, firstPeriod, k, from, to);
      } else {
        countGeneral(spec, d, groupOf, nGroups, keep, asOf, firstPeriod, k, from, to);
      }
      progress.progress(rows + offset + to, 2L * rows, "Counting cohorts");
    }
  }

  /** The published case (monthly cohorts, months, no breakdown or filter): the tightest loop. */
  private static void countMonthly(
      int[] entry, int[] event, int asOf, int firstPeriod, Counts k, int from, int to) {
    long[] size = k.size;
    long[] simple = k.simpleEvents;
    long[] km1 = k.kmEvent1;
    long[] censored = k.kmCensored;
    long[] notAtRisk = k.notAtRisk;
    int w = k.w;
    int w1 = w + 1;
    int asOfMonth = Calendar.monthIndex(asOf);
    // The last complete month of an entry in month em is lastFull - em.
    int lastFull = asOfMonth - (Calendar.lastDayOfMonth(asOfMonth) == asOf ? 0 : 1);
    // Month of every day from the first entry to the as-of date: one array read per date instead
    // of the calendar arithmetic (entries and counted events all fall in this range).
    int base = Calendar.firstDayOfMonth(firstPeriod);
    int[] monthOf = monthTable(base, asOf);
    long used = 0;
    for (int i = from; i < to; i++) {
      int e = entry[i];
      if (e == DateColumn.MISSING || e > asOf) {
        continue;
      }
      int em = monthOf[e - base];
      int cell = em - firstPeriod;
      size[cell]++;
      used++;
      int last = lastFull - em;
      int ev = event[i];
      if (ev != DateColumn.MISSING && ev <= asOf) {
        int d = monthOf[ev - base] - em;
        if (d < w) {
          simple[cell * w + d]++;
        }
        if (d <= last) {
          km1[cell * w1 + Math.min(d, w)]++;
          continue;
        }
      }
      if (last < 0) {
        notAtRisk[cell]++;
      } else {
        censored[cell * w1 + Math.min(last, w)]++;
      }
    }
    k.used += used;
  }

  /** Month index of each day from {@code from} to {@code to} (inclusive), month-relative. */
  private static int[] monthTable(int from, int to) {
    int[] t = new int[to - from + 1];
    int m = Calendar.monthIndex(from);
    int next = Calendar.firstDayOfMonth(m + 1);
    for (int day = from; day <= to; day++) {
      if (day == next) {
        m++;
        next = Calendar.firstDayOfMonth(m + 1);
      }
      t[day - from] = m;
    }
    return t;
  }

  private static void countGeneral(
      CohortSpec spec,
      Dates dates,
      int[] groupOf,
      int nGroups,
      boolean[] keep,
      int asOf,
      int firstPeriod,
      Counts k,
      int from,
      int to) {
    CohortPeriod period = spec.period();
    DurationUnit unit = spec.unit();
    int[] entry = dates.entry;
    int[] event = dates.event;
    int[] end = dates.end;
    int[] competing = dates.competing;
    int w = k.w;
    int w1 = w + 1;
    for (int i = from; i < to; i++) {
      int e = entry[i];
      if (e == DateColumn.MISSING || (keep != null && !keep[i])) {
        continue;
      }
      if (e > asOf) {
        continue;
      }
      int cell = (period.index(e) - firstPeriod) * nGroups + (groupOf == null ? 0 : groupOf[i]);
      k.size[cell]++;
      k.used++;
      int ev = event[i];
      int cp = competing == null ? DateColumn.MISSING : competing[i];
      // Simple estimator: the event of interest, when it came first and by the as-of date.
      if (ev != DateColumn.MISSING
          && ev <= asOf
          && (cp == DateColumn.MISSING || cp > asOf || ev <= cp)) {
        int d = unit.between(e, ev);
        if (d < w) {
          k.simpleEvents[cell * w + d]++;
        }
      }
      // Kaplan-Meier: follow-up to the end of the last complete duration, or the member's end.
      int endDay = asOf;
      int last = unit.lastComplete(e, asOf);
      if (end != null && end[i] != DateColumn.MISSING && end[i] <= asOf) {
        endDay = end[i];
        last = unit.between(e, endDay);
      }
      boolean has1 = ev != DateColumn.MISSING && ev <= endDay;
      boolean has2 = cp != DateColumn.MISSING && cp <= endDay;
      int base = cell * w1;
      if (has1 && (!has2 || ev <= cp)) {
        int d = unit.between(e, ev);
        if (d <= last) {
          k.kmEvent1[base + Math.min(d, w)]++;
          continue;
        }
      } else if (has2) {
        int d = unit.between(e, cp);
        if (d <= last) {
          k.kmEvent2[base + Math.min(d, w)]++;
          continue;
        }
      }
      if (last < 0) {
        k.notAtRisk[cell]++;
      } else {
        k.kmCensored[base + Math.min(last, w)]++;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Estimates per cell

  private static List<CohortRow> simpleRows(
      String cohort, List<String> group, Counts k, int cell, int w, int lastObserved) {
    List<CohortRow> out = new ArrayList<>(w);
    long size = k.size[cell];
    long cum = 0;
    for (int d = 0; d < w; d++) {
      long events = k.simpleEvents[cell * w + d];
      long atRisk = size - cum;
      cum += events;
      boolean observed = d <= lastObserved;
      double p = Double.NaN;
      double[] ci = {Double.NaN, Double.NaN};
      if (observed && size > 0) {
        p = (double) cum / size;
        ci = Estimates.wilson(cum, size);
      }
      out.add(
          new CohortRow(
              cohort,
              group,
              d,
              atRisk,
              events,
              p,
              ci[0],
              ci[1],
              observed ? CellStatus.OBSERVED : CellStatus.CENSORED));
    }
    return out;
  }

  private static List<CohortRow> survivalRows(
      String cohort, List<String> group, Counts k, int cell, int w, boolean competing) {
    long[] n = k.atRisk(cell);
    long[] e1 = Arrays.copyOfRange(k.kmEvent1, cell * (w + 1), cell * (w + 1) + w);
    long[] e2 = Arrays.copyOfRange(k.kmEvent2, cell * (w + 1), cell * (w + 1) + w);
    double[][] est;
    if (competing) {
      est = Estimates.aalenJohansen(n, e1, e2);
    } else {
      est = Estimates.kaplanMeier(n, e1);
    }
    List<CohortRow> out = new ArrayList<>(w);
    for (int d = 0; d < w; d++) {
      boolean observed = !Double.isNaN(est[d][0]);
      out.add(
          new CohortRow(
              cohort,
              group,
              d,
              n[d],
              e1[d],
              est[d][0],
              est[d][1],
              est[d][2],
              observed ? CellStatus.OBSERVED : CellStatus.CENSORED));
    }
    return out;
  }

  private static HorizonMeasure horizonMeasure(List<CohortRow> rows, long size) {
    CohortRow last = rows.get(rows.size() - 1);
    long events = rows.stream().mapToLong(CohortRow::events).sum();
    return new HorizonMeasure(
        last.cohort(),
        last.group(),
        size,
        events,
        last.cumulative(),
        last.lower(),
        last.upper(),
        last.status());
  }
}
