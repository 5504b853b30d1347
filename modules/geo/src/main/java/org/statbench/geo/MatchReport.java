package org.statbench.geo;

import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.statbench.core.InputException;
import org.statbench.core.format.CsvOutput;
import org.statbench.core.table.Category;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;

/**
 * How well a join worked: records by {@link MatchStatus}, the match rate overall and by other
 * variables, and the unmatched codes with their counts. Immutable.
 *
 * @param dataset the joined dataset
 * @param keyVariable its key variable
 * @param lookup the lookup's name
 * @param edition the lookup's edition, or null
 * @param bridge the code-change lookup used, or null
 * @param total number of records
 * @param counts records per status (every status present, zeros included)
 * @param unmatched unmatched codes as written in the data with status and count, largest first
 * @param rates match rates by category of each requested variable, by variable name
 */
public record MatchReport(
    String dataset,
    String keyVariable,
    String lookup,
    String edition,
    String bridge,
    long total,
    Map<MatchStatus, Long> counts,
    List<UnmatchedCode> unmatched,
    Map<String, List<MatchRate>> rates) {

  /** Name of the status dimension in {@link #toTable()}. */
  public static final String STATUS_VARIABLE = "category";

  public MatchReport {
    Objects.requireNonNull(dataset, "dataset");
    EnumMap<MatchStatus, Long> c = new EnumMap<>(MatchStatus.class);
    for (MatchStatus s : MatchStatus.values()) {
      c.put(s, counts.getOrDefault(s, 0L));
    }
    counts = java.util.Collections.unmodifiableMap(c);
    unmatched = List.copyOf(unmatched);
    rates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rates));
  }

  /**
   * An unmatched code.
   *
   * @param code the code as written in the data ({@code ""} for empty or missing keys)
   * @param status why it did not match
   * @param count number of records with it
   */
  public record UnmatchedCode(String code, MatchStatus status, long count) {}

  /**
   * The match rate within one category of a variable.
   *
   * @param category the category's code ({@code Missing} for missing values)
   * @param total records in the category
   * @param matched matched records in the category
   */
  public record MatchRate(String category, long total, long matched) {
    /** matched / total, or NaN for an empty category. */
    public double rate() {
      return total == 0 ? Double.NaN : (double) matched / total;
    }
  }

  /** Records with a status. */
  public long count(MatchStatus status) {
    return counts.get(status);
  }

  /** Matched records. */
  public long matched() {
    return count(MatchStatus.MATCHED);
  }

  /** Records not matched. */
  public long unmatchedTotal() {
    return total - matched();
  }

  /** matched / total as a proportion (0 when there are no records). */
  public double rate() {
    return total == 0 ? 0 : (double) matched() / total;
  }

  /**
   * The rate as written in the report CSV: a plain decimal without exponent, e.g. {@code 0.994}.
   */
  public String rateText() {
    if (total == 0) {
      return "0";
    }
    BigDecimal r = BigDecimal.valueOf(rate());
    String s = r.stripTrailingZeros().toPlainString();
    return s;
  }

  /**
   * Writes the report CSV: header {@code category,count}, then {@code total}, {@code matched},
   * {@code invalid_format}, {@code unknown_code}, {@code terminated}, {@code pseudo_code}, {@code
   * empty} (zeros included) and {@code rate,<matched/total>}.
   */
  public void writeCsv(Writer out) {
    CsvOutput csv = CsvOutput.to(out);
    csv.row("category", "count");
    csv.row("total", Long.toString(total));
    for (MatchStatus s : MatchStatus.values()) {
      csv.row(s.key(), Long.toString(count(s)));
    }
    csv.row("rate", rateText());
    csv.flush();
  }

  /**
   * Writes the match rates by variable as CSV: header {@code
   * variable,category,total,matched,unmatched,rate}, one row per category of each variable the
   * report was broken down by (missing values as {@code Missing}), rates as plain decimals
   * (matched/total; empty for an empty category). The {@link #writeCsv} report is unchanged by it.
   */
  public void writeRatesCsv(Writer out) {
    CsvOutput csv = CsvOutput.to(out);
    csv.row("variable", "category", "total", "matched", "unmatched", "rate");
    for (Map.Entry<String, List<MatchRate>> e : rates.entrySet()) {
      for (MatchRate r : e.getValue()) {
        csv.row(
            e.getKey(),
            r.category(),
            Long.toString(r.total()),
            Long.toString(r.matched()),
            Long.toString(r.total() - r.matched()),
            rateText(r.total(), r.matched()));
      }
    }
    csv.flush();
  }

  /** matched/total as a plain decimal without exponent ({@code 0} when total is 0). */
  static String rateText(long total, long matched) {
    if (total == 0) {
      return "0";
    }
    return BigDecimal.valueOf((double) matched / total).stripTrailingZeros().toPlainString();
  }

  /**
   * The counts by status as a one-dimensional count table (dimension {@code category}, with the
   * total as its margin), so the report can go through the disclosure check like any table.
   */
  public Table toTable() {
    List<Category> cats = new ArrayList<>();
    long[] cells = new long[MatchStatus.values().length + 1];
    int i = 0;
    for (MatchStatus s : MatchStatus.values()) {
      cats.add(Category.of(s.key()));
      cells[i++] = count(s);
    }
    cells[i] = total;
    Dimension d = new Dimension(STATUS_VARIABLE, "Match status", DimensionRole.ROW, cats, true);
    return Table.ofCounts(dataset, List.of(d), cells);
  }

  /**
   * Matched and unmatched records by the categories of a variable as a two-dimensional count table
   * (rows: the variable's categories; columns: {@code matched} / {@code unmatched}; margins
   * included).
   *
   * @throws InputException when the report has no rates for that variable
   */
  public Table toTable(String variable) {
    List<MatchRate> rs = rates.get(variable);
    if (rs == null) {
      throw new InputException("The match report has no rates by '" + variable + "'");
    }
    List<Category> rows = rs.stream().map(r -> Category.of(r.category())).toList();
    List<Category> cols = List.of(Category.of("matched"), Category.of("unmatched"));
    int nr = rows.size() + 1;
    long[] cells = new long[nr * 3];
    for (int r = 0; r < rs.size(); r++) {
      MatchRate m = rs.get(r);
      cells[r * 3] = m.matched();
      cells[r * 3 + 1] = m.total() - m.matched();
      cells[r * 3 + 2] = m.total();
    }
    int t = rs.size() * 3;
    cells[t] = matched();
    cells[t + 1] = total - matched();
    cells[t + 2] = total;
    return Table.ofCounts(
        dataset,
        List.of(
            new Dimension(variable, null, DimensionRole.ROW, rows, true),
            new Dimension("match", "Match", DimensionRole.COLUMN, cols, true)),
        cells);
  }

  /** A human-readable report, as the command line prints it. */
  public String format(int maxUnmatchedCodes) {
    StringBuilder sb = new StringBuilder();
    sb.append("Join ")
        .append(dataset)
        .append('.')
        .append(keyVariable)
        .append(" -> ")
        .append(lookup);
    if (edition != null) {
      sb.append(" (edition ").append(edition).append(')');
    }
    if (bridge != null) {
      sb.append(" via ").append(bridge);
    }
    sb.append('\n');
    sb.append(String.format(Locale.ROOT, "  %-15s %,12d%n", "total", total));
    for (MatchStatus s : MatchStatus.values()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-15s %,12d  %6.2f%%%n",
              s.key(),
              count(s),
              total == 0 ? 0.0 : 100.0 * count(s) / total));
    }
    sb.append(String.format(Locale.ROOT, "  %-15s %s%n", "rate", rateText()));
    if (!unmatched.isEmpty()) {
      sb.append("Unmatched codes (").append(unmatched.size()).append("):\n");
      int n = 0;
      for (UnmatchedCode u : unmatched) {
        if (n++ >= maxUnmatchedCodes) {
          sb.append("  ... ").append(unmatched.size() - maxUnmatchedCodes).append(" more\n");
          break;
        }
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-12s %-15s %,10d%n",
                u.code().isEmpty() ? "(empty)" : "'" + u.code() + "'",
                u.status().key(),
                u.count()));
      }
    }
    for (Map.Entry<String, List<MatchRate>> e : rates.entrySet()) {
      sb.append("Match rate by ").append(e.getKey()).append(":\n");
      for (MatchRate r : e.getValue()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-20s %,10d of %,10d  %6.2f%%%n",
                r.category(),
                r.matched(),
                r.total(),
                r.total() == 0 ? 0.0 : 100.0 * r.rate()));
      }
    }
    return sb.toString();
  }
}
