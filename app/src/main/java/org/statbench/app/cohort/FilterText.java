package org.statbench.app.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.statbench.core.InputException;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.RangeFilter;

/**
 * Table filters written as on the command line, one per {@code ;}: {@code sex!=M; age=16..24;
 * referral_date=2012-01-01..2012-12-31} (codes in or out as {@code --filter}, a numeric range as
 * {@code --range}, a date range as {@code --date-range}). Parsing goes through the core parsers, so
 * the Cohorts tab, {@code cohort} and {@code tabulate} read filters the same way.
 */
final class FilterText {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private FilterText() {}

  /**
   * Parses the text.
   *
   * @param typeOf the type of a variable, or null when unknown (a range of dates is then recognised
   *     by its YYYY-MM-DD ends)
   * @throws InputException naming the part that is not a filter
   */
  static List<Filter> parse(String text, Function<String, VariableType> typeOf) {
    List<Filter> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String part : text.split(";")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      boolean range = eq > 0 && p.indexOf("..", eq) > 0 && p.charAt(eq - 1) != '!';
      if (!range) {
        out.add(Filter.parse(p));
        continue;
      }
      VariableType type = typeOf.apply(p.substring(0, eq).trim());
      boolean dates =
          type == VariableType.DATE || (type == null && DATE.matcher(p.substring(eq + 1)).find());
      out.add(dates ? DateRangeFilter.parse(p) : RangeFilter.parse(p));
    }
    return out;
  }

  /** The filters written back in the same syntax. */
  static String format(List<Filter> filters) {
    List<String> parts = new ArrayList<>();
    for (Filter f : filters) {
      if (f instanceof CodeFilter c) {
        parts.add(c.variable() + (c.exclude() ? "!=" : "=") + String.join(",", c.codes()));
      } else if (f instanceof RangeFilter r) {
        parts.add(
            r.variable()
                + "="
                + (r.lo() == Double.NEGATIVE_INFINITY ? "" : NumericColumn.formatNumber(r.lo()))
                + ".."
                + (r.hi() == Double.POSITIVE_INFINITY ? "" : NumericColumn.formatNumber(r.hi())));
      } else if (f instanceof DateRangeFilter d) {
        parts.add(d.variable() + "=" + text(d.from()) + ".." + text(d.to()));
      }
    }
    return String.join("; ", parts);
  }

  private static String text(LocalDate d) {
    return d == null ? "" : d.toString();
  }
}
