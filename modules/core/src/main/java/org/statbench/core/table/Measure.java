package org.statbench.core.table;

import java.util.Locale;
import java.util.Objects;
import org.statbench.core.InputException;

/**
 * A measure: a kind and, for all kinds but COUNT, the variable it summarises.
 *
 * @param kind the statistic
 * @param variable the numeric variable, or null for COUNT
 * @param percentile for PERCENTILE, the percentile in (0, 100]; ignored otherwise
 */
public record Measure(MeasureKind kind, String variable, double percentile) {
  public static final Measure COUNT = new Measure(MeasureKind.COUNT, null, 0);

  public Measure {
    Objects.requireNonNull(kind, "kind");
    if (kind != MeasureKind.COUNT && (variable == null || variable.isEmpty())) {
      throw new InputException(
          "Measure " + kind.name().toLowerCase(Locale.ROOT) + " needs a variable");
    }
    if (kind == MeasureKind.PERCENTILE && !(percentile > 0 && percentile <= 100)) {
      throw new InputException("Percentile must be in (0, 100], got " + percentile);
    }
  }

  public static Measure of(MeasureKind kind, String variable) {
    return new Measure(kind, variable, kind == MeasureKind.MEDIAN ? 50 : 0);
  }

  /**
   * The label used in the long CSV's {@code measure} column and on the command line: {@code count},
   * {@code sum:V}, {@code mean:V}, {@code median:V}, {@code pNN:V}, {@code min:V}, {@code max:V},
   * {@code distinct:V}.
   */
  public String label() {
    return switch (kind) {
      case COUNT -> "count";
      case SUM -> "sum:" + variable;
      case MEAN -> "mean:" + variable;
      case MEDIAN -> "median:" + variable;
      case PERCENTILE ->
          "p" + org.statbench.core.data.NumericColumn.formatNumber(percentile) + ":" + variable;
      case MIN -> "min:" + variable;
      case MAX -> "max:" + variable;
      case DISTINCT_COUNT -> "distinct:" + variable;
    };
  }

  /**
   * Parses a label as written by {@link #label()}.
   *
   * @throws InputException when the text is not a measure
   */
  public static Measure parse(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("count")) {
      return COUNT;
    }
    int colon = t.indexOf(':');
    if (colon <= 0 || colon == t.length() - 1) {
      throw new InputException(
          "Unknown measure '"
              + text
              + "': use count, sum:V, mean:V, median:V, pNN:V, min:V, max:V or distinct:V");
    }
    String k = t.substring(0, colon).toLowerCase(Locale.ROOT);
    String v = t.substring(colon + 1);
    switch (k) {
      case "sum":
        return of(MeasureKind.SUM, v);
      case "mean":
        return of(MeasureKind.MEAN, v);
      case "median":
        return new Measure(MeasureKind.MEDIAN, v, 50);
      case "min":
        return of(MeasureKind.MIN, v);
      case "max":
        return of(MeasureKind.MAX, v);
      case "distinct":
        return of(MeasureKind.DISTINCT_COUNT, v);
      default:
        if (k.matches("p\\d+(\\.\\d+)?")) {
          return new Measure(MeasureKind.PERCENTILE, v, Double.parseDouble(k.substring(1)));
        }
        throw new InputException(
            "Unknown measure '"
                + text
                + "': use count, sum:V, mean:V, median:V, pNN:V, min:V, max:V or distinct:V");
    }
  }
}
