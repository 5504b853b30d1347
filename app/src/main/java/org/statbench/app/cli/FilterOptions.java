package org.statbench.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.RangeFilter;
import picocli.CommandLine.Option;

/**
 * The record filters of a table ({@code --filter}, {@code --range}, {@code --date-range}) as a
 * picocli {@code @Mixin}, written and parsed exactly as {@code tabulate} takes them (the core
 * parsers {@link Filter#parse}, {@link RangeFilter#parse}, {@link DateRangeFilter#parse}), for
 * commands that select records as tables do ({@code cohort}).
 */
public final class FilterOptions {
  @Option(
      names = "--filter",
      paramLabel = "V=code[,code...]",
      description =
          "Keep records with these codes (V!=... drops them); repeatable; 'Missing'"
              + " matches no value.")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--range",
      paramLabel = "V=LO..HI",
      description = "Keep numeric values in LO..HI (inclusive; an end may be empty); repeatable.")
  List<String> ranges = new ArrayList<>();

  @Option(
      names = "--date-range",
      paramLabel = "V=FROM..TO",
      description = "Keep dates in FROM..TO (YYYY-MM-DD, inclusive); repeatable.")
  List<String> dateRanges = new ArrayList<>();

  /** The filters given, in the order code filters, ranges, date ranges. */
  public List<Filter> filters() {
    List<Filter> out = new ArrayList<>();
    filters.forEach(f -> out.add(Filter.parse(f)));
    ranges.forEach(r -> out.add(RangeFilter.parse(r)));
    dateRanges.forEach(r -> out.add(DateRangeFilter.parse(r)));
    return out;
  }
}
