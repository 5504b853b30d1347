package org.statbench.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
import org.statbench.store.Workspace;
import org.statbench.tabulate.RecordFilters;

// Size (over 500 lines): one pass (validate spells, rank states, walk each member's spells over the
// durations, count) written as primitive-array loops for speed; split, each part would need the
// same arrays passed around and the definitions above would be spread over several files.
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
 * work is proportional to members x durations plus spells.
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
   * Loads the spec's variables from a workspace and tracks states. Status tracking holds every
   * member's spells at once (it is not streamed like cohorts and tables): when what it needs
   * ({@link #bytesInMemory}) exceeds the heap free now, it is refused before starting with the
   * figures, and running out of heap on the way is reported the same way.
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
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    String doing =
        String.format(
            Locale.ROOT,
            "tracking states of %,d records of '%s' from %,d spells of '%s': the columns and the"
                + " spells sorted by person take about %s and %s of heap is free; cohorts and"
                + " tables are computed a slice at a time over data of any size, but status"
                + " tracking holds every member's spells at once",
            members,
            cohortName,
            spellCount,
            spec.spells(),
            ResourceException.megabytes(need),
            ResourceException.megabytes(free));
    if (need > free) {
      throw ResourceException.outOfMemory(doing, null);
    }
    try {
      DatasetColumns cohort = workspace.columns(cohortName, spec.cohortVariables());
      DatasetColumns spells = workspace.columns(spec.spells(), spec.spellVariables());
      return track(cohort, spells, spec, progress, cancel);
    } catch (OutOfMemoryError e) {
      throw ResourceException.outOfMemory(doing, e);
    }
  }

  /**
   * Heap the in-memory tracking needs: the columns loaded whole; per spell its cohort row and, for
   * members' spells, start, end and state rank (16 bytes); per cohort record the member flag, the
   * spell offsets and a breakdown's combination and group (22 bytes).
   */
  static long bytesInMemory(long cohortBytes, long spellBytes, long members, long spells) {
    return cohortBytes + spellBytes + 16 * spells + 22 * members;
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
    CohortSpec cs = spec.cohort();
    int[] entry = dates(cohort, cs.entry(), "entry");
    int[] start = dates(spells, spec.start(), "spell start");
    int[] end = dates(spells, spec.end(), "spell end");
    int nSpells = spells.rows();

    // 1. Validate and join: nothing is counted unless every record is sound.
    List<int[]> problems = new ArrayList<>();
    long[] problemCount = {0};
    PersonJoin join =
        PersonJoin.of(
            cs.dataset(),
            cohort.column(spec.id()),
            entry,
            spells.column(spec.spellId()),
            problems,
            problemCount);
    States states = States.of(spells.column(spec.state()), spec, problems, problemCount);
    for (int j = 0; j < nSpells; j++) {
      if (start[j] == DateColumn.MISSING) {
        problem(problems, problemCount, j, NO_START);
      } else if (end[j] != DateColumn.MISSING && end[j] < start[j]) {
        problem(problems, problemCount, j, END_BEFORE_START);
      }
    }
    if (problemCount[0] > 0) {
      throw spellError(spec, problems, problemCount[0], start, end);
    }
    cancel.throwIfCancelled();

    // 2. Members, as-of date and cohorts, as in cohort tracking.
    Groups groups = Groups.of(cohort, cs.by(), cs.derivations());
    boolean[] keep = RecordFilters.keep(cohort, cs.filters());
    int rows = cohort.rows();
    int maxDate = Integer.MIN_VALUE;
    for (int e : entry) {
      maxDate = Math.max(maxDate, e == DateColumn.MISSING ? Integer.MIN_VALUE : e);
    }
    for (int j = 0; j < nSpells; j++) {
      maxDate = Math.max(maxDate, start[j]);
      maxDate = Math.max(maxDate, end[j] == DateColumn.MISSING ? Integer.MIN_VALUE : end[j]);
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

    // 3. The members' spells, sorted by member once (counting sort into primitive arrays).
    int[] rowOfSpell = join.rowOfSpell;
    int[] offset = new int[rows + 1];
    long outside = 0;
    for (int j = 0; j < nSpells; j++) {
      int r = rowOfSpell[j];
      if (r >= 0 && member[r]) {
        offset[r + 1]++;
      } else {
        outside++;
      }
    }
    for (int i = 0; i < rows; i++) {
      offset[i + 1] += offset[i];
    }
    int nUsed = offset[rows];
    int[] sStart = new int[nUsed];
    int[] sEnd = new int[nUsed];
    int[] sRank = new int[nUsed];
    int[] fill = Arrays.copyOf(offset, rows);
    for (int j = 0; j < nSpells; j++) {
      int r = rowOfSpell[j];
      if (r >= 0 && member[r]) {
        int p = fill[r]++;
        sStart[p] = start[j];
        sEnd[p] = end[j] == DateColumn.MISSING ? OPEN : end[j];
        sRank[p] = states.rank(j);
      }
    }
    cancel.throwIfCancelled();

    // 4. The kernel: a state per member and duration, counted per cohort x group x duration.
    int cells = nCohorts * nGroups;
    long[] counts = new long[cells * w * ns];
    long[] firstIn = new long[cells * w * ns];
    long[] size = new long[cells];
    Kernel k =
        new Kernel(cs.unit(), h, ns, entry, offset, sStart, sEnd, sRank, counts, firstIn, size);
    if (used > 0) {
      k.monthBase = Calendar.monthIndex(minEntry);
      k.monthFirst = new int[Calendar.monthIndex(maxEntry) - k.monthBase + h + 3];
      for (int m = 0; m < k.monthFirst.length; m++) {
        k.monthFirst[m] = Calendar.firstDayOfMonth(k.monthBase + m);
      }
      // Month of every day a reference date can fall on: one array read instead of the calendar
      // arithmetic per spell.
      k.dayBase = k.monthFirst[0];
      k.dayEnd = k.monthFirst[k.monthFirst.length - 1];
      k.monthOfDay = new int[k.dayEnd - k.dayBase];
      for (int m = 0; m + 1 < k.monthFirst.length; m++) {
        Arrays.fill(k.monthOfDay, k.monthFirst[m] - k.dayBase, k.monthFirst[m + 1] - k.dayBase, m);
      }
    }
    int[] groupOf = groups.groupOf(cohort, null);
    for (int from = 0; from < rows; from += CHUNK) {
      cancel.throwIfCancelled();
      int to = Math.min(rows, from + CHUNK);
      for (int i = from; i < to; i++) {
        if (member[i]) {
          int cell =
              (period.index(entry[i]) - firstPeriod) * nGroups + (groupOf == null ? 0 : groupOf[i]);
          k.member(i, cell);
        }
      }
      progress.progress(to, rows, "Tracking states");
    }

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
    count[0]++;
    if (problems.size() < 4 * MAX_REPORTED) {
      problems.add(new int[] {row, kind});
    }
  }

  private static InputException spellError(
      StatusSpec spec, List<int[]> problems, long count, int[] start, int[] end) {
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
                    + LocalDate.ofEpochDay(end[j])
                    + ") before it starts ("
                    + spec.start()
                    + " "
                    + LocalDate.ofEpochDay(start[j])
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
    private final CategoricalColumn cat;
    private final int[] codes; // for integer states
    private final int[] rankOfCode;

    private States(
        List<String> labels,
        boolean given,
        List<String> unlisted,
        CategoricalColumn cat,
        int[] codes,
        int[] rankOfCode) {
      this.labels = labels;
      this.given = given;
      this.unlisted = unlisted;
      this.cat = cat;
      this.codes = codes;
      this.rankOfCode = rankOfCode;
    }

    int rank(int spell) {
      return rankOfCode[cat != null ? cat.code(spell) : codes[spell]];
    }

    static States of(Column col, StatusSpec spec, List<int[]> problems, long[] count) {
      int n = col.size();
      List<String> dict;
      int[] codes = null;
      CategoricalColumn cat = null;
      // Codes in order of first appearance.
      List<Integer> order = new ArrayList<>();
      if (col instanceof CategoricalColumn c) {
        cat = c;
        dict = c.dictionary();
        boolean[] seen = new boolean[dict.size()];
        for (int j = 0; j < n; j++) {
          int code = c.code(j);
          if (code == CategoricalColumn.MISSING) {
            problem(problems, count, j, NO_STATE);
          } else if (!seen[code]) {
            seen[code] = true;
            order.add(code);
          }
        }
      } else if (col instanceof NumericColumn num && num.type() == VariableType.INTEGER) {
        Map<Double, Integer> codeOf = new HashMap<>();
        List<String> d = new ArrayList<>();
        codes = new int[n];
        double[] v = num.values();
        for (int j = 0; j < n; j++) {
          if (Double.isNaN(v[j])) {
            problem(problems, count, j, NO_STATE);
            continue;
          }
          Integer code = codeOf.get(v[j]);
          if (code == null) {
            code = d.size();
            codeOf.put(v[j], code);
            d.add(NumericColumn.formatNumber(v[j]));
            order.add(code);
          }
          codes[j] = code;
        }
        dict = d;
      } else {
        throw new InputException(
            "Variable '"
                + col.name()
                + "' is "
                + col.type().key()
                + ": the state must be text, categorical or an integer");
      }
      LinkedHashSet<String> labels = new LinkedHashSet<>(spec.priority());
      List<String> unlisted = new ArrayList<>();
      for (int code : order) {
        if (labels.add(dict.get(code)) && !spec.priority().isEmpty()) {
          unlisted.add(dict.get(code));
        }
      }
      if (labels.contains(spec.offLabel())) {
        throw new InputException(
            "The off state '"
                + spec.offLabel()
                + "' is also a state in the spell data ("
                + col.name()
                + "): choose another label for the off state");
      }
      if (labels.size() >= MAX_STATES) {
        throw new InputException(
            "Variable '"
                + col.name()
                + "' has "
                + labels.size()
                + " states: at most "
                + (MAX_STATES - 1)
                + " can be tracked");
      }
      List<String> all = new ArrayList<>(labels);
      int[] rankOfCode = new int[dict.size()];
      for (int code = 0; code < dict.size(); code++) {
        rankOfCode[code] = all.indexOf(dict.get(code));
      }
      all.add(spec.offLabel());
      return new States(all, !spec.priority().isEmpty(), unlisted, cat, codes, rankOfCode);
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
    final int[] offset;
    final int[] sStart;
    final int[] sEnd;
    final int[] sRank;
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
        DurationUnit unit,
        int h,
        int ns,
        int[] entry,
        int[] offset,
        int[] sStart,
        int[] sEnd,
        int[] sRank,
        long[] counts,
        long[] firstIn,
        long[] size) {
      this.unit = unit;
      this.h = h;
      this.w = h + 1;
      this.ns = ns;
      this.off = ns - 1;
      this.entry = entry;
      this.offset = offset;
      this.sStart = sStart;
      this.sEnd = sEnd;
      this.sRank = sRank;
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

    void member(int i, int cell) {
      int e = entry[i];
      Arrays.fill(state, off);
      int em = 0;
      int dom = 0;
      if (unit == DurationUnit.MONTHS) {
        em = monthOfDay[e - dayBase];
        dom = e - monthFirst[em] + 1;
      }
      for (int j = offset[i], to = offset[i + 1]; j < to; j++) {
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
