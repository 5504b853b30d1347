package org.statbench.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;

/**
 * The result of tracking: for every cohort (and breakdown group) its size and, for every duration
 * 0..horizon, at-risk count, events and the cumulative proportion with its 95% interval.
 *
 * @param spec the definition tracked
 * @param asOf the as-of date used (the spec's, or the default: the latest entry or event date)
 * @param cohorts every calendar period from the first to the last cohort with an entry (on or
 *     before the as-of date), including empty periods in between, in time order
 * @param groups breakdown groups (combinations of codes that occur), sorted; one empty list when
 *     there is no breakdown
 * @param rows one row per cohort x group x duration, ordered by cohort, group, duration
 * @param horizonMeasures one per cohort x group: the proportion within the horizon
 * @param pooledRows per group, Kaplan-Meier (or Aalen-Johansen) curves over all cohorts pooled on
 *     the duration scale, cohort label {@code All}; what curves by breakdown group draw
 * @param logRank the log-rank test between groups, empty when fewer than two groups have anyone at
 *     risk
 * @param recordsUsed records in some cohort
 * @param missingEntry records left out because their entry date is missing
 * @param afterAsOf records left out because they entered after the as-of date
 * @param filteredOut records left out by the filters
 */
public record CohortTable(
    CohortSpec spec,
    LocalDate asOf,
    List<String> cohorts,
    List<List<String>> groups,
    List<CohortRow> rows,
    List<HorizonMeasure> horizonMeasures,
    List<CohortRow> pooledRows,
    Optional<LogRankTest> logRank,
    long recordsUsed,
    long missingEntry,
    long afterAsOf,
    long filteredOut) {

  /** Cohort label of the pooled curves. */
  public static final String ALL = "All";

  /** Category code, in {@link #toCountTable()}, of members without an event within the horizon. */
  public static final String NO_EVENT = "none";

  public CohortTable {
    Objects.requireNonNull(spec, "spec");
    cohorts = List.copyOf(cohorts);
    groups = groups.stream().map(List::copyOf).toList();
    rows = List.copyOf(rows);
    horizonMeasures = List.copyOf(horizonMeasures);
    pooledRows = List.copyOf(pooledRows);
    logRank = logRank == null ? Optional.empty() : logRank;
  }

  /** The horizon (largest duration). */
  public int horizon() {
    return spec.horizon();
  }

  /** Rows of one cohort and group, durations 0..horizon. */
  public List<CohortRow> rows(int cohortIndex, int groupIndex) {
    int w = horizon() + 1;
    int from = (cohortIndex * groups.size() + groupIndex) * w;
    return rows.subList(from, from + w);
  }

  /** The pooled curve of one group, durations 0..horizon. */
  public List<CohortRow> pooledRows(int groupIndex) {
    int w = horizon() + 1;
    return pooledRows.subList(groupIndex * w, (groupIndex + 1) * w);
  }

  /** Size of one cohort and group. */
  public long size(int cohortIndex, int groupIndex) {
    return horizonMeasures.get(cohortIndex * groups.size() + groupIndex).size();
  }

  /**
   * The counts behind the table as a core {@link Table}, so that a release goes through the
   * disclosure gate like any count table: dimensions {@code cohort} (rows), one per breakdown
   * variable (rows), and {@code duration} (columns), a hierarchy: {@link #withinCode(int)} ({@code
   * 0-12}: members with an event within the horizon, the fixed-horizon count) above the categories
   * {@code 0..horizon} (members whose event falls at that duration, as in {@link
   * CohortRow#events()}), then {@value #NO_EVENT} (members without such an event within the
   * horizon); every dimension with a total. The total over durations is therefore the cohort size,
   * and every cell is a count of people. Protecting the subtotal together with the durations keeps
   * the fixed-horizon measure and the curves one consistent release.
   */
  public Table toCountTable() {
    CountTableDims lead = new CountTableDims(cohorts, spec.by(), groups);
    List<Dimension> dims = lead.dims();
    List<Category> durations = new ArrayList<>();
    // position 0: the events within the horizon, parent of the durations at 1..horizon+1
    durations.add(new Category(withinCode(horizon()), "with the event within " + horizon(), -1));
    for (int d = 0; d <= horizon(); d++) {
      durations.add(new Category(Integer.toString(d), Integer.toString(d), 0));
    }
    durations.add(Category.of(NO_EVENT));
    dims.add(new Dimension("duration", "duration", DimensionRole.COLUMN, durations, true));

    int[] sizes = lead.sizes();
    long[] counts = new long[lead.cells()];
    int k = dims.size();
    int[] coord = new int[k];
    for (int c = 0; c < cohorts.size(); c++) {
      for (int g = 0; g < groups.size(); g++) {
        lead.place(coord, c, groups.get(g));
        long withEvent = 0;
        for (CohortRow r : rows(c, g)) {
          coord[k - 1] = r.duration() + 1;
          addWithMargins(counts, dims, sizes, coord, r.events());
          withEvent += r.events();
        }
        coord[k - 1] = horizon() + 2;
        addWithMargins(counts, dims, sizes, coord, size(c, g) - withEvent);
      }
    }
    return Table.ofCounts(spec.dataset(), dims, counts);
  }

  /**
   * The code, in {@link #toCountTable()}'s {@code duration} dimension, of the members with an event
   * within the horizon: {@code 0-HORIZON}, e.g. {@code 0-12}.
   */
  public static String withinCode(int horizon) {
    return "0-" + horizon;
  }

  /**
   * Adds {@code n} to a data cell and every margin above it (in each dimension the category itself,
   * its parents, and the total).
   */
  static void addWithMargins(
      long[] counts, List<Dimension> dims, int[] sizes, int[] coord, long n) {
    int k = coord.length;
    int[][] up = new int[k][];
    for (int d = 0; d < k; d++) {
      List<Integer> chain = new ArrayList<>();
      Dimension dim = dims.get(d);
      for (int p = coord[d]; p >= 0; p = dim.categories().get(p).parent()) {
        chain.add(p);
      }
      chain.add(dim.totalIndex());
      up[d] = chain.stream().mapToInt(Integer::intValue).toArray();
    }
    int[] pick = new int[k];
    while (true) {
      int index = 0;
      for (int d = 0; d < k; d++) {
        index = index * sizes[d] + up[d][pick[d]];
      }
      counts[index] += n;
      int d = k - 1;
      while (d >= 0 && ++pick[d] == up[d].length) {
        pick[d] = 0;
        d--;
      }
      if (d < 0) {
        return;
      }
    }
  }
}
