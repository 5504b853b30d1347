package org.statbench.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.ResourceException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.store.ColumnSlices;
import org.statbench.store.Workspace;
import org.statbench.tabulate.RecordFilters;

// Size (over 500 lines): one pass (validate spells, rank states, walk each member's spells over the
// durations, count) written as primitive-array loops for speed, in memory or over spell slices
// (grouped or hash-partitioned); split, each part would need the same arrays passed around and the
// definitions above would be spread over several files.
/**
 * Status tracking: what each cohort was doing at each duration after entry, from spell data (the
 * facade). Cohorts, breakdowns, filters, the as-of date and censoring are those of {@link
 * CohortTracker}; instead of one event per person, a state at each duration.
 *
 * <p>Definitions (the command line and the tests follow them exactly):
 *
 * <ul>
 *   <li>A member's reference date at duration {@code d} is the entry date plus {@code d} units: in
 *       months the same day of the month, clamped to the month's last day (31 January plus 1 month
 *       is 28 or 29 February); in weeks {@code 7d} days; in days {@code d} days.
 *   <li>The member's state there is the state of the spell covering it ({@code start <= reference
 *       <= end}; an empty end is an open spell). With overlapping spells the first state in the
 *       priority order wins: the order given, or else the order of the states' first appearance in
 *       the spell data ({@link StatusTable#notes()} says which). No spell: the off state.
 *   <li>A cohort is observed at duration {@code d} when the reference date of a member entering on
 *       the last day of the cohort's period is on or before the as-of date; otherwise the cell is
 *       censored. The as-of date defaults to the latest date among the entry dates and the spells'
 *       start and end dates.
 *   <li>Records without an entry date, entering after the as-of date, or excluded by a filter are
 *       left out (and counted); spells of people outside the cohort are ignored (and counted).
 *   <li>Bad input is refused before anything is counted, naming up to five records (1-based record
 *       numbers; line = record + 1): a cohort record without a person id or a person on two records
 *       (two entry dates); a spell without a person id, state or start date, a spell person id in
 *       another format than the cohort's ids (see {@link PersonJoin}), a spell ending before it
 *       starts.
 * </ul>
 *
 * <p>Speed: the spells of members are sorted by member once (a counting sort into primitive
 * arrays); then each member's spells are walked once, as a range of durations per spell, so the
 * work is proportional to members x durations plus spells. Spells larger than the heap are read a
 * slice at a time: person by person when grouped by person, else in hash partitions of persons.
 *
 * <p>Thread-safe: all methods are static and keep no state.
 */
public final class StatusTracker {
  private static final int CHUNK = 1 << 18;
  private static final int MAX_REPORTED = 5;
  private static final int MAX_STATES = 1_000;
  private static final int OPEN = Integer.MAX_VALUE;

  private StatusTracker() {}

  /**
   * Loads the spec's variables from a workspace and tracks states. When the columns and the spells
   * sorted by person ({@link #bytesInMemory}) would not fit in the heap free now ({@link
   * CohortTracker#shouldStream}), the member table is loaded whole and the spells are read a slice
   * at a time ({@link RecordSlices}): person by person when they come grouped by person, else in
   * {@code k} passes over the slices, each taking the persons of one hash partition. The counts are
   * sums over members, so the table is the same. When the member table itself does not fit, or a
   * person's spells do not, it stops with the figures.
   *
   * @throws org.statbench.core.ResourceException (out of memory) with the figures
   */
  public static StatusTable track(
      Workspace workspace, StatusSpec spec, ProgressListener progress, CancellationToken cancel) {
    String cohortName = spec.cohort().dataset();
    long cohortBytes = workspace.columnBytes(cohortName, spec.cohortVariables());
    long spellBytes = workspace.columnBytes(spec.spells(), spec.spellVariables());
    long members = workspace.dataset(cohortName).rows();
    long spellCount = workspace.dataset(spec.spells()).rows();
    long need = bytesInMemory(cohortBytes, spellBytes, members, spellCount);
    long memberTable = cohortBytes + MEMBER_BYTES * members;
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    long free = rt.maxMemory() - used;
    boolean stream = CohortTracker.shouldStream(need, rt.maxMemory(), used);
    String doing =
        String.format(
            Locale.ROOT,
            "tracking states of %,d records of '%s' from %,d spells of '%s': %s and %s of heap is"
                + " free; the spells are read a slice at a time, but the members' columns and one"
                + " person's spells are held at once",
            members,
            cohortName,
            spellCount,
            spec.spells(),
            stream
                ? "the members' columns and per-member arrays take about "
                    + ResourceException.megabytes(memberTable)
                : "the columns and the spells sorted by person take about "
                    + ResourceException.megabytes(need),
            ResourceException.megabytes(free));
    // Free heap counts garbage as used: refuse up front only what cannot fit in the whole heap,
    // and report running out on the way the same way.
    long slice = spellBytes / Math.max(1, spellCount) * ColumnSlices.SLICE_ROWS;
    if (stream && memberTable + slice > rt.maxMemory()) {
      throw ResourceException.outOfMemory(doing, null);
    }
    try {
      DatasetColumns cohort = workspace.columns(cohortName, spec.cohortVariables());
      if (!stream) {
        DatasetColumns spells = workspace.columns(spec.spells(), spec.spellVariables());
        return track(cohort, null, RecordSlices.of(spells), spec, Long.MAX_VALUE, progress, cancel);
      }
      // The ids indexed compactly, then their column let go unless it is used otherwise.
      PersonJoin join =
          PersonJoin.of(
              cohortName,
              cohort.column(spec.id()),
              dates(cohort, spec.cohort().entry(), "entry"),
              true);
      cohort = withoutId(cohort, spec);
      // What is left for one hash partition's spells beside the member table and a slice.
      long budget =
          Math.max(SPELL_BYTES * ColumnSlices.SLICE_ROWS / 4, (free - memberTable - slice) / 2);
      RecordSlices spells =
          RecordSlices.of(
              workspace.columnSlices(spec.spells(), spec.spellVariables()),
              vars -> workspace.columnSlices(spec.spells(), vars));
      return track(cohort, join, spells, spec, budget, progress, cancel);
    } catch (OutOfMemoryError e) {
      throw ResourceException.outOfMemory(doing, e);
    }
  }

  /** The cohort columns without the person id, unless the entry, a breakdown or filter is it. */
  private static DatasetColumns withoutId(DatasetColumns cohort, StatusSpec spec) {
    CohortSpec cs = spec.cohort();
    String id = spec.id();
    if (id.equals(cs.entry())
        || cs.by().contains(id)
        || cs.filters().stream().anyMatch(f -> f.variable().equals(id))) {
      return cohort;
    }
    Map<String, Column> rest = new LinkedHashMap<>(cohort.columns());
    rest.remove(id);
    return new DatasetColumns(cohort.dataset(), cohort.rows(), rest);
  }

  /** Heap per spell of the members' spells sorted by person: start, end, state rank. */
  static final long SPELL_BYTES = 12;

  /** Heap per cohort record: member flag, spell offsets, breakdown combination and group. */
  static final long MEMBER_BYTES = 22;

  /**
   * Heap the in-memory tracking needs: the columns loaded whole; per spell its cohort row and, for
   * members' spells, start, end and state rank (16 bytes); per cohort record the member flag, the
   * spell offsets and a breakdown's combination and group (22 bytes).
   */
  static long bytesInMemory(long cohortBytes, long spellBytes, long members, long spells) {
    return cohortBytes + spellBytes + (SPELL_BYTES + 4) * spells + MEMBER_BYTES * members;
  }

  /**
   * Partitions of the persons so that one partition's spells ({@value #SPELL_BYTES} bytes each, at
   * most {@code spells} of them) fit in {@code budget} bytes.
   */
  static int partitions(long spells, long budget) {
    return (int) Math.max(1, Math.min(1 << 16, (SPELL_BYTES * spells + budget - 1) / budget));
  }

  /** Tracks states over in-memory columns, without progress or cancellation. */
  public static StatusTable track(DatasetColumns cohort, DatasetColumns spells, StatusSpec spec) {
    return track(cohort, spells, spec, ProgressListener.NONE, CancellationToken.NONE);
  }

  /**
   * Tracks states over in-memory columns.
   *
   * @param cohort columns holding at least {@link StatusSpec#cohortVariables()}
   * @param spells columns holding at least {@link StatusSpec#spellVariables()}
   * @param progress receives members processed of the member count
   * @param cancel polled between chunks
   * @throws InputException for unknown variables, variables of the wrong type or bad records
   * @throws org.statbench.core.CancelledException when cancelled
   */
  public static StatusTable track(
      DatasetColumns cohort,
      DatasetColumns spells,
      StatusSpec spec,
      ProgressListener progress,
      CancellationToken cancel) {
    return track(cohort, null, RecordSlices.of(spells), spec, Long.MAX_VALUE, progress, cancel);
  }

  /**
   * Tracks states over in-memory cohort columns and spells that come a slice at a time. One pass
   * validates the spells, finds the states, the default as-of date and whether the spells come
   * grouped by person. Then, with one slice or spells that fit in {@code budget} bytes, the
   * members' spells are sorted by member (one pass to count, one to fill); grouped spells are
   * walked person by person in one pass; otherwise the persons are split into {@link #partitions}
   * hash partitions, one count-and-fill per partition.
   */
  static StatusTable track(
      DatasetColumns cohort,
      PersonJoin personJoin,
      RecordSlices spells,
      StatusSpec spec,
      long budget,
      ProgressListener progress,
      CancellationToken cancel) {
    CohortSpec cs = spec.cohort();
    int[] entry = dates(cohort, cs.entry(), "entry");
    int nSpells = spells.rows();
    int nSlices = spells.count();

    // 1. Validate and join: nothing is counted unless every record is sound.
    PersonJoin join =
        personJoin != null
            ? personJoin
            : PersonJoin.of(cs.dataset(), cohort.column(spec.id()), entry);
    int rows = cohort.rows();
    List<int[]> problems = new ArrayList<>();
    long[] problemCount = {0};
    States.Builder stateScan = new States.Builder();
    int maxDate = Integer.MIN_VALUE;
    boolean[] hasSpells = new boolean[rows];
    boolean grouped = true;
    int prevRow = -1;
    SpellSlice only = null; // the one slice, kept for the next steps
    for (int sl = 0; sl < nSlices; sl++) {
      cancel.throwIfCancelled();
      SpellSlice x = SpellSlice.read(spells, sl, spec, join, problems, problemCount);
      stateScan.scan(x.state, x.offset, problems, problemCount);
      for (int j = 0; j < x.size; j++) {
        int s = x.start[j];
        int t = x.end[j];
        if (s == DateColumn.MISSING) {
          problem(problems, problemCount, x.offset + j, NO_START, s, t);
        } else if (t != DateColumn.MISSING && t < s) {
          problem(problems, problemCount, x.offset + j, END_BEFORE_START, s, t);
        }
        maxDate = Math.max(maxDate, s);
        maxDate = Math.max(maxDate, t == DateColumn.MISSING ? Integer.MIN_VALUE : t);
        int r = x.row[j];
        // Grouped: each cohort person's spells come in one run (other persons' spells between
        // them do not matter, they are skipped).
        if (r >= 0 && r != prevRow) {
          grouped &= !hasSpells[r];
          hasSpells[r] = true;
          prevRow = r;
        }
      }
      only = nSlices == 1 ? x : null;
      progress.progress(x.offset + x.size, nSpells, "Checking spells");
    }
    if (problemCount[0] > 0) {
      throw spellError(spec, problems, problemCount[0]);
    }
    States states = stateScan.build(spec);
    cancel.throwIfCancelled();

    // 2. Members, as-of date and cohorts, as in cohort tracking.
    Groups groups = Groups.of(cohort, cs.by(), cs.derivations());
    boolean[] keep = RecordFilters.keep(cohort, cs.filters());
    for (int e : entry) {
      maxDate = Math.max(maxDate, e == DateColumn.MISSING ? Integer.MIN_VALUE : e);
    }
    LocalDate asOfDate =
        cs.asOf() != null
            ? cs.asOf()
            : maxDate == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(maxDate);
    int asOf = asOfDate == null ? Integer.MIN_VALUE : (int) asOfDate.toEpochDay();
    boolean[] member = new boolean[rows];
    long missingEntry = 0;
    long filteredOut = 0;
    long afterAsOf = 0;
    long used = 0;
    int minEntry = Integer.MAX_VALUE;
    int maxEntry = Integer.MIN_VALUE;
    for (int i = 0; i < rows; i++) {
      int e = entry[i];
      if (e == DateColumn.MISSING) {
        missingEntry++;
      } else if (keep != null && !keep[i]) {
        filteredOut++;
      } else if (e > asOf) {
        afterAsOf++;
      } else {
        member[i] = true;
        used++;
        minEntry = Math.min(minEntry, e);
        maxEntry = Math.max(maxEntry, e);
      }
    }
    CohortPeriod period = cs.period();
    int firstPeriod = used > 0 ? period.index(minEntry) : 0;
    int nCohorts = used > 0 ? period.index(maxEntry) - firstPeriod + 1 : 0;
    int nGroups = groups.count();
    int h = cs.horizon();
    int w = h + 1;
    int ns = states.labels.size();

    // 3. The kernel: a state per member and duration, counted per cohort x group x duration.
    int cells = nCohorts * nGroups;
    long[] counts = new long[cells * w * ns];
    long[] firstIn = new long[cells * w * ns];
    long[] size = new long[cells];
    Kernel k = new Kernel(cs.unit(), h, ns, entry, counts, firstIn, size);
    if (used > 0) {
      k.calendar(minEntry, maxEntry);
    }
    int[] groupOf = groups.groupOf(cohort, null);
    int[] cellOf = new int[rows];
    for (int i = 0; i < rows; i++) {
      cellOf[i] =
          member[i]
              ? (period.index(entry[i]) - firstPeriod) * nGroups
                  + (groupOf == null ? 0 : groupOf[i])
              : -1;
    }
    groupOf = null;

    // 4. The members' spells: sorted by member (in hash partitions when they do not fit), or
    // person by person when they come grouped.
    long[] outsideAndUsed = new long[2];
    int parts = nSlices <= 1 ? 1 : partitions(nSpells, budget);
    if (grouped && parts > 1) {
      byPerson(spells, spec, join, states, member, cellOf, k, outsideAndUsed, progress, cancel);
      for (int i = 0; i < rows; i++) {
        if (member[i] && !hasSpells[i]) {
          k.member(i, cellOf[i], 0, 0);
        }
      }
    } else {
      for (int p = 0; p < parts; p++) {
        sorted(
            spells,
            only,
            spec,
            join,
            states,
            member,
            cellOf,
            p,
            parts,
            k,
            outsideAndUsed,
            progress,
            cancel);
      }
    }
    long outside = outsideAndUsed[0];
    long nUsed = outsideAndUsed[1];

    // 5. Rows.
    List<String> cohortLabels = new ArrayList<>(nCohorts);
    List<Integer> lastObserved = new ArrayList<>(nCohorts);
    for (int c = 0; c < nCohorts; c++) {
      cohortLabels.add(period.label(firstPeriod + c));
      lastObserved.add(lastObserved(period.lastDay(firstPeriod + c), cs.unit(), h, asOf));
    }
    int window = spec.windowOrHorizon();
    List<StatusRow> out = new ArrayList<>(cells * w * ns);
    List<StatusRow> ever = new ArrayList<>(cells * w * ns);
    List<TimeInState> time = new ArrayList<>(cells * ns);
    List<Long> sizes = new ArrayList<>(cells);
    for (int c = 0; c < nCohorts; c++) {
      int last = lastObserved.get(c);
      for (int g = 0; g < nGroups; g++) {
        int cell = c * nGroups + g;
        long n = size[cell];
        sizes.add(n);
        String label = cohortLabels.get(c);
        List<String> group = groups.label(g);
        long[] cum = new long[ns];
        for (int d = 0; d < w; d++) {
          boolean observed = d <= last;
          for (int s = 0; s < ns; s++) {
            int at = (cell * w + d) * ns + s;
            cum[s] += firstIn[at];
            String state = states.labels.get(s);
            out.add(row(label, group, d, state, counts[at], n, observed));
            ever.add(row(label, group, d, state, cum[s], n, observed));
          }
        }
        boolean observed = window <= last;
        for (int s = 0; s < ns; s++) {
          long sum = 0;
          for (int d = 1; d <= window; d++) {
            sum += counts[(cell * w + d) * ns + s];
          }
          time.add(
              new TimeInState(
                  label,
                  group,
                  states.labels.get(s),
                  window,
                  n,
                  observed ? sum : 0,
                  observed && n > 0 ? (double) sum / n : Double.NaN,
                  observed ? CellStatus.OBSERVED : CellStatus.CENSORED));
        }
      }
    }

    List<String> notes = new ArrayList<>();
    List<String> inData = states.labels.subList(0, ns - 1);
    notes.add(
        "Overlapping spells: the first state in the priority order counts: "
            + String.join(", ", inData)
            + (states.given
                ? " (the order given)"
                : " (the order of first appearance in the spell data)")
            + "; "
            + k.overlaps
            + (k.overlaps == 1 ? " member-duration had" : " member-durations had")
            + " overlapping spells.");
    if (!states.unlisted.isEmpty()) {
      notes.add(
          "States missing from the priority order follow it, by first appearance: "
              + String.join(", ", states.unlisted)
              + ".");
    }
    notes.add("Members covered by no spell are in the state '" + states.labels.get(ns - 1) + "'.");
    if (outside > 0) {
      notes.add(
          outside
              + (outside == 1 ? " spell" : " spells")
              + " of people outside the cohort ignored.");
    }
    return new StatusTable(
        spec,
        asOfDate,
        cohortLabels,
        groups.labels(),
        states.labels,
        states.given,
        sizes,
        lastObserved,
        out,
        ever,
        time,
        notes,
        used,
        missingEntry,
        afterAsOf,
        filteredOut,
        nUsed,
        outside,
        k.overlaps);
  }

  /** A slice of spells: each spell's cohort row (or -1), start, end and state. */
  private static final class SpellSlice {
    int offset;
    int size;
    int[] row;
    int[] start;
    int[] end;
    Column state;

    static SpellSlice read(
        RecordSlices spells,
        int sl,
        StatusSpec spec,
        PersonJoin join,
        List<int[]> problems,
        long[] problemCount) {
      DatasetColumns d = spells.slice(sl);
      SpellSlice x = new SpellSlice();
      x.offset = (int) spells.offset(sl);
      x.size = d.rows();
      x.row = join.rows(d.column(spec.spellId()), x.offset, problems, problemCount);
      x.start = dates(d, spec.start(), "spell start");
      x.end = dates(d, spec.end(), "spell end");
      x.state = d.column(spec.state());
      return x;
    }

    /** Reads slice {@code sl} after validation (no problems left to report). */
    static SpellSlice read(RecordSlices spells, int sl, StatusSpec spec, PersonJoin join) {
      return read(spells, sl, spec, join, new ArrayList<>(), new long[1]);
    }
  }

  /** The hash partition (of {@code parts}) of cohort row {@code r}. */
  static int partition(int r, int parts) {
    return parts == 1 ? 0 : Math.floorMod((r * 0x9E3779B9) ^ (r >>> 16), parts);
  }

  /**
   * The members of hash partition {@code p}: their spells sorted by member (a counting sort into
   * primitive arrays, one pass over the slices to count and one to fill), then each member's spells
   * walked once. Adds the spells of people outside the cohort (in partition 0) and the members'
   * spells to {@code outsideAndUsed}.
   */
  private static void sorted(
      RecordSlices spells,
      SpellSlice only,
      StatusSpec spec,
      PersonJoin join,
      States states,
      boolean[] member,
      int[] cellOf,
      int p,
      int parts,
      Kernel k,
      long[] outsideAndUsed,
      ProgressListener progress,
      CancellationToken cancel) {
    int rows = member.length;
    // Counts at offset[r + 2]; summed, offset[r + 1] is where r's spells start and, filled, end.
    int[] offset = new int[rows + 2];
    for (int sl = 0; sl < spells.count(); sl++) {
      cancel.throwIfCancelled();
      SpellSlice x = only != null ? only : SpellSlice.read(spells, sl, spec, join);
      for (int j = 0; j < x.size; j++) {
        int r = x.row[j];
        if (r >= 0 && member[r]) {
          if (partition(r, parts) == p) {
            offset[r + 2]++;
          }
        } else if (p == 0) {
          outsideAndUsed[0]++;
        }
      }
    }
    for (int i = 2; i < rows + 2; i++) {
      offset[i] += offset[i - 1];
    }
    int nUsed = offset[rows + 1];
    outsideAndUsed[1] += nUsed;
    int[] sStart = new int[nUsed];
    int[] sEnd = new int[nUsed];
    int[] sRank = new int[nUsed];
    for (int sl = 0; sl < spells.count(); sl++) {
      cancel.throwIfCancelled();
      SpellSlice x = only != null ? only : SpellSlice.read(spells, sl, spec, join);
      int[] rank = states.ranks(x.state);
      for (int j = 0; j < x.size; j++) {
        int r = x.row[j];
        if (r >= 0 && member[r] && partition(r, parts) == p) {
          int at = offset[r + 1]++;
          sStart[at] = x.start[j];
          sEnd[at] = x.end[j] == DateColumn.MISSING ? OPEN : x.end[j];
          sRank[at] = rank[j];
        }
      }
    }
    cancel.throwIfCancelled();
    k.spells(sStart, sEnd, sRank);
    for (int from = 0; from < rows; from += CHUNK) {
      cancel.throwIfCancelled();
      int to = Math.min(rows, from + CHUNK);
      for (int i = from; i < to; i++) {
        if (member[i] && partition(i, parts) == p) {
          k.member(i, cellOf[i], offset[i], offset[i + 1]);
        }
      }
      progress.progress((long) p * rows + to, (long) parts * rows, "Tracking states");
    }
  }

  /**
   * Spells that come grouped by person, walked person by person in one pass over the slices: only
   * one person's spells are held at once. Adds the spells of people outside the cohort and the
   * members' spells to {@code outsideAndUsed}.
   */
  private static void byPerson(
      RecordSlices spells,
      StatusSpec spec,
      PersonJoin join,
      States states,
      boolean[] member,
      int[] cellOf,
      Kernel k,
      long[] outsideAndUsed,
      ProgressListener progress,
      CancellationToken cancel) {
    int[] start = new int[16];
    int[] end = new int[16];
    int[] rank = new int[16];
    int cur = -1;
    int n = 0;
    for (int sl = 0; sl < spells.count(); sl++) {
      cancel.throwIfCancelled();
      SpellSlice x = SpellSlice.read(spells, sl, spec, join);
      int[] ranks = states.ranks(x.state);
      for (int j = 0; j < x.size; j++) {
        int r = x.row[j];
        if (r < 0 || !member[r]) {
          outsideAndUsed[0]++;
          continue;
        }
        outsideAndUsed[1]++;
        if (r != cur) {
          if (cur >= 0) {
            k.spells(start, end, rank);
            k.member(cur, cellOf[cur], 0, n);
          }
          cur = r;
          n = 0;
        }
        if (n == start.length) {
          start = Arrays.copyOf(start, 2 * n);
          end = Arrays.copyOf(end, 2 * n);
          rank = Arrays.copyOf(rank, 2 * n);
        }
        start[n] = x.start[j];
        end[n] = x.end[j] == DateColumn.MISSING ? OPEN : x.end[j];
        rank[n] = ranks[j];
        n++;
      }
      progress.progress(x.offset + x.size, spells.rows(), "Tracking states");
    }
    if (cur >= 0) {
      k.spells(start, end, rank);
      k.member(cur, cellOf[cur], 0, n);
    }
  }

  private static StatusRow row(
      String cohort, List<String> group, int d, String state, long people, long n, boolean obs) {
    return new StatusRow(
        cohort,
        group,
        d,
        state,
        obs ? people : 0,
        obs && n > 0 ? (double) people / n : Double.NaN,
        obs ? CellStatus.OBSERVED : CellStatus.CENSORED);
  }

  /**
   * The largest duration {@code d <= h} whose reference date, for an entry on {@code lastDay}, is
   * on or before the as-of date; -1 when not even duration 0 is.
   */
  static int lastObserved(int lastDay, DurationUnit unit, int h, int asOf) {
    LocalDate last = LocalDate.ofEpochDay(lastDay);
    int best = -1;
    for (int d = 0; d <= h; d++) {
      if (referenceDate(last, d, unit).toEpochDay() > asOf) {
        break;
      }
      best = d;
    }
    return best;
  }

  /** The reference date of an entry at duration {@code d}. */
  public static LocalDate referenceDate(LocalDate entry, int d, DurationUnit unit) {
    return switch (unit) {
      case MONTHS -> entry.plusMonths(d);
      case WEEKS -> entry.plusWeeks(d);
      case DAYS -> entry.plusDays(d);
    };
  }

  private static int[] dates(DatasetColumns data, String variable, String role) {
    Column c = data.column(variable);
    if (c instanceof DateColumn d) {
      return d.epochDays();
    }
    throw new InputException(
        "Variable '"
            + variable
            + "' in dataset '"
            + data.dataset()
            + "' is "
            + c.type().key()
            + ", not a date: the "
            + role
            + " variable must be a date");
  }

  // ---------------------------------------------------------------------------------------------
  // Spell errors

  private static final int NO_STATE = 2;
  private static final int NO_START = 3;
  private static final int END_BEFORE_START = 4;

  private static void problem(List<int[]> problems, long[] count, int row, int kind) {
    problem(problems, count, row, kind, 0, 0);
  }

  /** A spell's problem: its record, the kind, its start and end. */
  private static void problem(
      List<int[]> problems, long[] count, int row, int kind, int start, int end) {
    count[0]++;
    if (problems.size() < 4 * MAX_REPORTED) {
      problems.add(new int[] {row, kind, start, end});
    }
  }

  private static InputException spellError(StatusSpec spec, List<int[]> problems, long count) {
    List<int[]> first =
        problems.stream()
            .sorted(Comparator.comparingInt((int[] p) -> p[0]).thenComparingInt(p -> p[1]))
            .limit(MAX_REPORTED)
            .toList();
    List<String> texts = new ArrayList<>();
    for (int[] p : first) {
      int j = p[0];
      String what =
          switch (p[1]) {
            case PersonJoin.NO_ID -> "has no person id (" + spec.spellId() + ")";
            case PersonJoin.WRONG_FORMAT ->
                "has a person id ("
                    + spec.spellId()
                    + ") not in the format of the cohort's ids ("
                    + spec.id()
                    + ")";
            case NO_STATE -> "has no state (" + spec.state() + ")";
            case NO_START -> "has no start date (" + spec.start() + ")";
            default ->
                "ends ("
                    + spec.end()
                    + " "
                    + LocalDate.ofEpochDay(p[3])
                    + ") before it starts ("
                    + spec.start()
                    + " "
                    + LocalDate.ofEpochDay(p[2])
                    + ")";
          };
      texts.add("record " + (j + 1) + " (line " + (j + 2) + ") " + what);
    }
    return new InputException(
        "Spell dataset '"
            + spec.spells()
            + "': "
            + (count == 1 ? "1 bad record: " : count + " bad records: ")
            + String.join("; ", texts)
            + (count > texts.size() ? "; ..." : ""));
  }

  // ---------------------------------------------------------------------------------------------
  // States

  /** The spells' states: labels in priority order (the off state last) and a rank per spell. */
  static final class States {
    final List<String> labels;
    final boolean given;
    final List<String> unlisted;
    private final Map<Double, Integer> codeOf; // for integer states
    private final int[] rankOfCode;

    private States(
        List<String> labels,
        boolean given,
        List<String> unlisted,
        Map<Double, Integer> codeOf,
        int[] rankOfCode) {
      this.labels = labels;
      this.given = given;
      this.unlisted = unlisted;
      this.codeOf = codeOf;
      this.rankOfCode = rankOfCode;
    }

    /** The rank of each spell of a slice of the state column (checked by {@link Builder}). */
    int[] ranks(Column col) {
      int n = col.size();
      int[] out = new int[n];
      if (col instanceof CategoricalColumn c) {
        for (int j = 0; j < n; j++) {
          out[j] = rankOfCode[c.code(j)];
        }
      } else {
        double[] v = ((NumericColumn) col).values();
        for (int j = 0; j < n; j++) {
          out[j] = rankOfCode[codeOf.get(v[j])];
        }
      }
      return out;
    }

    /** Collects the states in order of first appearance, slice after slice. */
    static final class Builder {
      private List<String> dict;
      private boolean[] seen;
      private Map<Double, Integer> codeOf;
      private String name;
      private final List<Integer> order = new ArrayList<>();

      void scan(Column col, int offset, List<int[]> problems, long[] count) {
        int n = col.size();
        name = col.name();
        if (col instanceof CategoricalColumn c) {
          if (dict == null) {
            dict = c.dictionary();
            seen = new boolean[dict.size()];
          }
          for (int j = 0; j < n; j++) {
            int code = c.code(j);
            if (code == CategoricalColumn.MISSING) {
              problem(problems, count, offset + j, NO_STATE);
            } else if (!seen[code]) {
              seen[code] = true;
              order.add(code);
            }
          }
        } else if (col instanceof NumericColumn num && num.type() == VariableType.INTEGER) {
          if (codeOf == null) {
            codeOf = new HashMap<>();
            dict = new ArrayList<>();
          }
          double[] v = num.values();
          for (int j = 0; j < n; j++) {
            if (Double.isNaN(v[j])) {
              problem(problems, count, offset + j, NO_STATE);
            } else if (!codeOf.containsKey(v[j])) {
              codeOf.put(v[j], dict.size());
              order.add(dict.size());
              dict.add(NumericColumn.formatNumber(v[j]));
            }
          }
        } else {
          throw new InputException(
              "Variable '"
                  + col.name()
                  + "' is "
                  + col.type().key()
                  + ": the state must be text, categorical or an integer");
        }
      }

      States build(StatusSpec spec) {
        List<String> d = dict == null ? List.of() : dict;
        LinkedHashSet<String> labels = new LinkedHashSet<>(spec.priority());
        List<String> unlisted = new ArrayList<>();
        for (int code : order) {
          if (labels.add(d.get(code)) && !spec.priority().isEmpty()) {
            unlisted.add(d.get(code));
          }
        }
        if (labels.contains(spec.offLabel())) {
          throw new InputException(
              "The off state '"
                  + spec.offLabel()
                  + "' is also a state in the spell data ("
                  + name
                  + "): choose another label for the off state");
        }
        if (labels.size() >= MAX_STATES) {
          throw new InputException(
              "Variable '"
                  + name
                  + "' has "
                  + labels.size()
                  + " states: at most "
                  + (MAX_STATES - 1)
                  + " can be tracked");
        }
        List<String> all = new ArrayList<>(labels);
        int[] rankOfCode = new int[d.size()];
        for (int code = 0; code < d.size(); code++) {
          rankOfCode[code] = all.indexOf(d.get(code));
        }
        all.add(spec.offLabel());
        return new States(all, !spec.priority().isEmpty(), unlisted, codeOf, rankOfCode);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Kernel

  /** Per member: the state at each duration, then the counts. Not thread-safe. */
  private static final class Kernel {
    final DurationUnit unit;
    final int h;
    final int w;
    final int ns;
    final int off;
    final int[] entry;
    int[] sStart;
    int[] sEnd;
    int[] sRank;
    final long[] counts;
    final long[] firstIn;
    final long[] size;
    final int[] state;
    final int[] coveredBy;
    final int[] overlapBy;
    final int[] seenBy;
    int monthBase;
    int[] monthFirst;
    int dayBase;
    int dayEnd;
    int[] monthOfDay; // month - monthBase of days dayBase..dayEnd-1
    long overlaps;

    Kernel(
        DurationUnit unit, int h, int ns, int[] entry, long[] counts, long[] firstIn, long[] size) {
      this.unit = unit;
      this.h = h;
      this.w = h + 1;
      this.ns = ns;
      this.off = ns - 1;
      this.entry = entry;
      this.counts = counts;
      this.firstIn = firstIn;
      this.size = size;
      this.state = new int[w];
      this.coveredBy = new int[w];
      this.overlapBy = new int[w];
      this.seenBy = new int[ns];
      Arrays.fill(coveredBy, -1);
      Arrays.fill(overlapBy, -1);
      Arrays.fill(seenBy, -1);
    }

    /** The month tables for entries from {@code minEntry} to {@code maxEntry}. */
    void calendar(int minEntry, int maxEntry) {
      monthBase = Calendar.monthIndex(minEntry);
      monthFirst = new int[Calendar.monthIndex(maxEntry) - monthBase + h + 3];
      for (int m = 0; m < monthFirst.length; m++) {
        monthFirst[m] = Calendar.firstDayOfMonth(monthBase + m);
      }
      // Month of every day a reference date can fall on: one array read instead of the calendar
      // arithmetic per spell.
      dayBase = monthFirst[0];
      dayEnd = monthFirst[monthFirst.length - 1];
      monthOfDay = new int[dayEnd - dayBase];
      for (int m = 0; m + 1 < monthFirst.length; m++) {
        Arrays.fill(monthOfDay, monthFirst[m] - dayBase, monthFirst[m + 1] - dayBase, m);
      }
    }

    /** The spells {@link #member} reads (start, end or {@code OPEN}, state rank). */
    void spells(int[] start, int[] end, int[] rank) {
      sStart = start;
      sEnd = end;
      sRank = rank;
    }

    /** Member {@code i} (of cohort cell {@code cell}) with spells {@code from..to-1}. */
    void member(int i, int cell, int from, int to) {
      int e = entry[i];
      Arrays.fill(state, off);
      int em = 0;
      int dom = 0;
      if (unit == DurationUnit.MONTHS) {
        em = monthOfDay[e - dayBase];
        dom = e - monthFirst[em] + 1;
      }
      for (int j = from; j < to; j++) {
        int s = sStart[j];
        int t = sEnd[j];
        if (t < e) {
          continue;
        }
        int lo;
        int hi;
        if (unit == DurationUnit.MONTHS) {
          // Month indexes here are relative to monthBase; days past dayEnd are beyond the horizon.
          if (s <= e) {
            lo = 0;
          } else {
            if (s >= dayEnd) {
              continue;
            }
            lo = monthOfDay[s - dayBase] - em;
            if (lo > h) {
              continue;
            }
            if (ref(em + lo, dom) < s) {
              lo++;
            }
          }
          if (t >= dayEnd) {
            hi = h;
          } else {
            hi = monthOfDay[t - dayBase] - em;
            if (hi > h) {
              hi = h;
            } else if (ref(em + hi, dom) > t) {
              hi--;
            }
          }
        } else {
          int step = unit == DurationUnit.WEEKS ? 7 : 1;
          lo = s <= e ? 0 : Math.floorDiv(s - e + step - 1, step);
          hi = t == OPEN ? h : (int) Math.min(h, Math.floorDiv((long) t - e, step));
        }
        int rank = sRank[j];
        for (int d = lo; d <= hi; d++) {
          if (coveredBy[d] == i) {
            if (overlapBy[d] != i) {
              overlapBy[d] = i;
              overlaps++;
            }
            if (rank < state[d]) {
              state[d] = rank;
            }
          } else {
            coveredBy[d] = i;
            state[d] = rank;
          }
        }
      }
      size[cell]++;
      int base = cell * w * ns;
      for (int d = 0; d < w; d++) {
        int s = state[d];
        counts[base + d * ns + s]++;
        if (seenBy[s] != i) {
          seenBy[s] = i;
          firstIn[base + d * ns + s]++;
        }
      }
    }

    /** Epoch day of the day {@code dom} of relative month {@code m}, clamped to the month's end. */
    private int ref(int m, int dom) {
      int first = monthFirst[m];
      int length = monthFirst[m + 1] - first;
      return first + Math.min(dom, length) - 1;
    }
  }
}
