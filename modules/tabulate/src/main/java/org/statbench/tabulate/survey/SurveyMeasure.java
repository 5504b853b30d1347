package org.statbench.tabulate.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.statbench.core.InputException;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;

/**
 * What a survey table estimates in each cell (each cell is a domain).
 *
 * @param kind the estimator
 * @param variable the numeric variable (null for COUNT)
 * @param denominator for RATIO the denominator variable W of V/W; null otherwise
 * @param percentile for QUANTILE the percentile in (0, 100]
 */
public record SurveyMeasure(Kind kind, String variable, String denominator, double percentile) {

  /** Estimators with a design-based standard error. */
  public enum Kind {
    /** Estimated population (sum of weights); R {@code svytotal(~one)}. */
    COUNT,
    /** Population total of V; R {@code svytotal(~V)}. */
    SUM,
    /** Mean of V; R {@code svymean(~V)} in the domain. */
    MEAN,
    /** Ratio of totals V / W; R {@code svyratio(~V, ~W)}. */
    RATIO,
    /** Weighted quantile of V with a Woodruff interval; R {@code svyquantile}. */
    QUANTILE,
    /** Gini coefficient of V with a linearised standard error (Langel and Tillé 2013). */
    GINI
  }

  public static final SurveyMeasure COUNT = new SurveyMeasure(Kind.COUNT, null, null, 0);

  public SurveyMeasure {
    if (kind != Kind.COUNT && (variable == null || variable.isBlank())) {
      throw new InputException(
          "Measure " + kind.name().toLowerCase(Locale.ROOT) + " needs a variable");
    }
    if (kind == Kind.RATIO && (denominator == null || denominator.isBlank())) {
      throw new InputException("ratio needs two variables: ratio:V/W");
    }
    if (kind == Kind.QUANTILE && !(percentile > 0 && percentile <= 100)) {
      throw new InputException("Percentile must be in (0, 100], got " + percentile);
    }
  }

  /**
   * Parses {@code count}, {@code sum:V}, {@code mean:V}, {@code median:V}, {@code pNN:V}, {@code
   * ratio:V/W} or {@code gini:V}.
   */
  public static SurveyMeasure parse(String text) {
    String t = text.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("ratio:")) {
      String rest = t.substring("ratio:".length());
      int slash = rest.indexOf('/');
      if (slash <= 0 || slash == rest.length() - 1) {
        throw new InputException("Unknown measure '" + text + "': write ratio:V/W");
      }
      return new SurveyMeasure(
          Kind.RATIO, rest.substring(0, slash).trim(), rest.substring(slash + 1).trim(), 0);
    }
    if (lower.startsWith("gini:")) {
      return new SurveyMeasure(Kind.GINI, t.substring("gini:".length()).trim(), null, 0);
    }
    return of(Measure.parse(t));
  }

  /** True for labels only a survey table understands ({@code ratio:}, {@code gini:}). */
  public static boolean isSurveyOnly(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    return lower.startsWith("ratio:") || lower.startsWith("gini:");
  }

  /** The survey measure of a tabulation measure (min, max and distinct have no survey form). */
  public static SurveyMeasure of(Measure m) {
    return switch (m.kind()) {
      case COUNT -> COUNT;
      case SUM -> new SurveyMeasure(Kind.SUM, m.variable(), null, 0);
      case MEAN -> new SurveyMeasure(Kind.MEAN, m.variable(), null, 0);
      case MEDIAN -> new SurveyMeasure(Kind.QUANTILE, m.variable(), null, 50);
      case PERCENTILE -> new SurveyMeasure(Kind.QUANTILE, m.variable(), null, m.percentile());
      default ->
          throw new InputException(
              "Standard errors are not defined for "
                  + m.label()
                  + ": use count, sum, mean, median, pNN, ratio or gini");
    };
  }

  /**
   * The tabulation measure whose cells carry this measure's record counts and contributions (for
   * the disclosure checks): itself where it exists, {@code sum:V} for ratio and Gini.
   */
  public Measure tabulationMeasure() {
    return switch (kind) {
      case COUNT -> Measure.COUNT;
      case SUM, RATIO, GINI -> Measure.of(MeasureKind.SUM, variable);
      case MEAN -> Measure.of(MeasureKind.MEAN, variable);
      case QUANTILE ->
          percentile == 50
              ? Measure.of(MeasureKind.MEDIAN, variable)
              : new Measure(MeasureKind.PERCENTILE, variable, percentile);
    };
  }

  /** The label written in the long CSV's measure column. */
  public String label() {
    return switch (kind) {
      case RATIO -> "ratio:" + variable + "/" + denominator;
      case GINI -> "gini:" + variable;
      default -> tabulationMeasure().label();
    };
  }

  /** Variables read (numerator, denominator). */
  public List<String> variables() {
    List<String> out = new ArrayList<>();
    if (variable != null) {
      out.add(variable);
    }
    if (denominator != null) {
      out.add(denominator);
    }
    return out;
  }
}
