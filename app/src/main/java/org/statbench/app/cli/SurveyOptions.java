package org.statbench.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Measure;
import org.statbench.disclosure.QualityPolicy;
import org.statbench.export.SurveyColumns;
import org.statbench.store.Workspace;
import org.statbench.tabulate.Tabulator;
import org.statbench.tabulate.survey.QuantileGroups;
import org.statbench.tabulate.survey.SurveyDesign;
import org.statbench.tabulate.survey.SurveyDesigns;
import org.statbench.tabulate.survey.SurveyEstimator;
import org.statbench.tabulate.survey.SurveyMeasure;
import org.statbench.tabulate.survey.SurveyTable;
import picocli.CommandLine.Option;

/**
 * Survey options of {@code tabulate} and {@code export} (a picocli mixin inside {@link
 * TabulateOptions}): the design, replicate weights, {@code --se} and the interval level. Without
 * any of them (and without a {@code ratio:} or {@code gini:} measure) nothing changes.
 */
public final class SurveyOptions {
  /** Headers of the columns {@code --se} appends. */
  public static final List<String> SE_COLUMNS =
      org.statbench.app.tablebuilder.survey.SurveyFlags.SE_COLUMNS;

  @Option(
      names = "--design",
      paramLabel = "strata=V,psu=V[,fpc=V][,lonely=adjust|average|certainty]",
      description =
          "Survey design with --weight (default: the design kept with the dataset, else the"
              + " weight alone).")
  String design;

  @Option(
      names = "--replicates",
      split = ",",
      paramLabel = "V1,...,Vn|prefix*",
      description = "Replicate weight variables (a list, or a prefix followed by *).")
  List<String> replicates;

  @Option(
      names = "--replicate-type",
      paramLabel = "bootstrap|jk1|jkn",
      description = "How the replicate weights were made (default bootstrap).")
  String replicateType;

  @Option(
      names = "--se",
      description =
          "Append the columns se,lower,upper,cv,n (standard error, interval, CV in percent,"
              + " unweighted records).")
  boolean se;

  @Option(
      names = "--level",
      paramLabel = "L",
      description = "Confidence level of the intervals (default 0.95).")
  Double level;

  @Option(
      names = "--quantile-groups",
      paramLabel = "V=N",
      description =
          "Band V into N weighted quantile groups (10 = deciles) as a dimension (the outermost"
              + " row when V is not one); with sum:V --percent column each group's share.")
  String quantileGroups;

  @Option(
      names = "--change",
      paramLabel = "WAVE=A,B",
      description =
          "Change between waves in one dataset: each cell's estimate in wave B minus wave A, with"
              + " the standard error of the difference (same design).")
  String change;

  /** True when the table is a survey table (any survey option or a survey-only measure). */
  boolean active(String measure) {
    return se
        || design != null
        || replicates != null
        || level != null
        || quantileGroups != null
        || change != null
        || (measure != null && SurveyMeasure.isSurveyOnly(measure));
  }

  /** The tabulation measure of a {@code --measure} text ({@code sum:V} for ratio and Gini). */
  static Measure tabulationMeasure(String measure) {
    return SurveyMeasure.isSurveyOnly(measure)
        ? SurveyMeasure.parse(measure).tabulationMeasure()
        : Measure.parse(measure);
  }

  /** The design: --design and --replicates over the dataset's kept design or the weight. */
  SurveyDesign design(TableSpec ts, Workspace ws) {
    SurveyDesign kept = SurveyDesigns.of(ws, ts.dataset()).orElse(null);
    String weight = ts.weight() != null ? ts.weight() : kept == null ? null : kept.weight();
    if (weight == null) {
      throw new InputException(
          "Survey estimates need a weight: give --weight (and --design), or keep a design with"
              + " the dataset");
    }
    SurveyDesign d;
    if (design != null) {
      d = SurveyDesign.parse(design, weight);
    } else if (kept != null && kept.weight().equals(weight)) {
      d = kept;
    } else {
      d = SurveyDesign.weightOnly(weight);
    }
    if (replicates != null) {
      d =
          d.withReplicates(
              expand(replicates, ws, ts.dataset()),
              replicateType == null
                  ? SurveyDesign.ReplicateType.BOOTSTRAP
                  : SurveyDesign.ReplicateType.valueOf(replicateType.trim().toUpperCase()));
    } else if (replicateType != null) {
      throw new InputException("--replicate-type needs --replicates");
    }
    return d;
  }

  private static List<String> expand(List<String> names, Workspace ws, String dataset) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String t = n.trim();
      if (t.endsWith("*")) {
        String prefix = t.substring(0, t.length() - 1);
        int before = out.size();
        for (VariableInfo v : ws.dataset(dataset).variables()) {
          if (v.name().startsWith(prefix)) {
            out.add(v.name());
          }
        }
        if (out.size() == before) {
          throw new InputException(
              "--replicates " + t + ": no variable starts with '" + prefix + "'");
        }
      } else if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** Estimates the table with its standard errors. */
  SurveyTable estimate(TableSpec ts, String measure, Workspace ws) {
    SurveyMeasure m =
        measure != null ? SurveyMeasure.parse(measure) : SurveyMeasure.of(ts.measure());
    SurveyDesign d = design(ts, ws);
    TableSpec spec = ts;
    if (quantileGroups != null) {
      int eq = quantileGroups.indexOf('=');
      if (eq <= 0) {
        throw new InputException("--quantile-groups: write V=N, e.g. wealth=10");
      }
      String v = quantileGroups.substring(0, eq).trim();
      int n;
      try {
        n = Integer.parseInt(quantileGroups.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new InputException("--quantile-groups " + v + ": N must be a whole number");
      }
      java.util.LinkedHashSet<String> vars = new java.util.LinkedHashSet<>(ts.variables());
      vars.add(v);
      vars.add(d.weight());
      spec =
          QuantileGroups.apply(ts, v, n, d.weight(), ws.columns(ts.dataset(), List.copyOf(vars)));
    }
    SurveyEstimator estimator = new SurveyEstimator(new Tabulator());
    double lvl = level == null ? 0.95 : level;
    if (change != null) {
      int eq = change.indexOf('=');
      String[] ab = eq <= 0 ? new String[0] : change.substring(eq + 1).split(",");
      if (ab.length != 2) {
        throw new InputException("--change: write WAVE=A,B, e.g. wave=1,2");
      }
      String wave = change.substring(0, eq).trim();
      // the workspace overload streams the columns when they do not fit the heap
      return estimator.estimateChange(
          spec, m, d, lvl, ws, wave, ab[0].trim(), ab[1].trim(), CancellationToken.NONE);
    }
    return estimator.estimate(spec, m, d, lvl, ws, CancellationToken.NONE);
  }

  /** The extra headers to write: {@link #SE_COLUMNS} with --se, none otherwise. */
  List<String> extraHeaders() {
    return se ? SE_COLUMNS : List.of();
  }

  /** What the export writes for a survey table: extra columns and reliability flags. */
  SurveyColumns columns(SurveyTable st, QualityPolicy quality) {
    return org.statbench.app.tablebuilder.survey.SurveyFlags.columns(st, quality, se);
  }

  /** Per cell se, lower, upper, cv (percent), n as written. */
  static String[][] extras(SurveyTable st) {
    return org.statbench.app.tablebuilder.survey.SurveyFlags.extras(st);
  }
}
