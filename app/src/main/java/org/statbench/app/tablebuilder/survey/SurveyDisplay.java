package org.statbench.app.tablebuilder.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.CurrentTable;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.LatestWins;
import org.statbench.core.CancellationToken;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.disclosure.QualityPolicy;
import org.statbench.store.Workspace;
import org.statbench.tabulate.RecordFilters;
import org.statbench.tabulate.Tabulator;
import org.statbench.tabulate.survey.QuantileGroups;
import org.statbench.tabulate.survey.SurveyDesign;
import org.statbench.tabulate.survey.SurveyDesigns;
import org.statbench.tabulate.survey.SurveyEstimator;
import org.statbench.tabulate.survey.SurveyMeasure;
import org.statbench.tabulate.survey.SurveyTable;

/**
 * What the table builder shows of a survey table, kept apart from the builder: whether the
 * dataset's design is used, the Show selector (estimate, SE, interval, CV, unweighted base), the
 * survey estimates of the current table with each cell's quality verdict and reason, the legend,
 * and the Gini line of a distribution table. It follows the current table: when one is published
 * and the dataset has a design (switched on), the standard errors are computed in the background
 * (latest run wins) and published with the table's hash for exports and the chart. No {@code
 * javafx.scene}; FX thread only.
 */
public final class SurveyDisplay {
  /** The distribution table's entry in the table builder's measure list. */
  public static final String MEASURE_CHOICE = "Distribution (share by quantile group)";

  /** What the builder lends the display: its definition and two edits. */
  public interface Builder {
    /** The definition of the current table. */
    TableSpec spec();

    /** Sets the table's weight. */
    void setWeight(String weight);

    /**
     * Makes the definition a distribution table: {@code variable} banded by {@code bands} as the
     * outermost row, {@code sum:variable} weighted by {@code weight} as column percentages.
     */
    void distribution(String variable, Bands bands, String weight);
  }

  private final AppContext context;
  private final Builder builder;
  private final LatestWins runs;
  private final Consumer<Runnable> later;
  private final QualityPolicy quality = QualityPolicy.DEFAULT;

  // Properties
  private final ReadOnlyObjectWrapper<SurveyDesign> design =
      new ReadOnlyObjectWrapper<>(this, "design");
  private final BooleanProperty useDesign = new SimpleBooleanProperty(this, "useDesign", true);
  private final ObjectProperty<Show> show = new SimpleObjectProperty<>(this, "show", Show.ESTIMATE);
  private final ReadOnlyObjectWrapper<SurveyTable> surveyTable =
      new ReadOnlyObjectWrapper<>(this, "surveyTable");
  private final ReadOnlyStringWrapper legend = new ReadOnlyStringWrapper(this, "legend", "");
  private final ReadOnlyStringWrapper gini = new ReadOnlyStringWrapper(this, "gini", "");
  private QualityPolicy.Verdict[] verdicts = new QualityPolicy.Verdict[0];
  private String tableHash = "";

  /**
   * @param later runs an edit after the current event (the application's {@code
   *     Platform::runLater}): the weight is applied after the table that asked for it is shown
   */
  public SurveyDisplay(AppContext context, Builder builder, Consumer<Runnable> later) {
    this.context = context;
    this.builder = builder;
    this.runs = new LatestWins(context.tasks());
    this.later = later;
    CurrentTable current = context.currentTable();
    current.tableProperty().addListener((o, a, t) -> tableChanged(t));
    context.workspace().selectedDatasetProperty().addListener((o, a, b) -> reloadDesign());
    context.workspace().propertiesVersionProperty().addListener((o, a, b) -> reloadDesign());
    context.workspace().workspaceProperty().addListener((o, a, b) -> reloadDesign());
    useDesign.addListener((o, a, b) -> tableChanged(current.table()));
    reloadDesign();
  }

  // Properties

  /** The dataset's kept design, or null. */
  public ReadOnlyObjectProperty<SurveyDesign> designProperty() {
    return design.getReadOnlyProperty();
  }

  /** Whether this table uses the dataset's design (the table can switch it off). */
  public BooleanProperty useDesignProperty() {
    return useDesign;
  }

  public ObjectProperty<Show> showProperty() {
    return show;
  }

  /** The survey estimates of the current table, or null. */
  public ReadOnlyObjectProperty<SurveyTable> surveyTableProperty() {
    return surveyTable.getReadOnlyProperty();
  }

  /** Design, flag counts and their meaning, or why there are no standard errors. */
  public ReadOnlyStringProperty legendProperty() {
    return legend.getReadOnlyProperty();
  }

  /**
   * The Gini coefficient of a distribution table's variable with its SE, and on a second line the
   * mean of each quantile group; or empty.
   */
  public ReadOnlyStringProperty giniProperty() {
    return gini.getReadOnlyProperty();
  }

  /** True when a design applies to the current table (the Show selector is offered). */
  public boolean active() {
    return design.get() != null && useDesign.get();
  }

  // What the grid asks, per cell index of the current table

  /**
   * The text of a value cell: {@code shown} (the grid's own formatting of the estimate) or the
   * chosen statistic, with {@code *} after a "use with caution" value and brackets around a value
   * withheld as unreliable.
   *
   * @param format the grid's number format
   */
  public String text(
      Table t, int index, String shown, java.util.function.DoubleFunction<String> format) {
    SurveyTable st = surveyOf(t);
    if (st == null || index < 0 || index >= st.cellCount()) {
      return shown;
    }
    String v =
        switch (show.get()) {
          case ESTIMATE -> shown;
          // a standard error keeps two decimals even where its estimate is a whole count
          case SE ->
              Double.isNaN(st.se(index)) ? "" : String.format(Locale.ROOT, "%,.2f", st.se(index));
          case INTERVAL -> num(st.lower(index), format) + " – " + num(st.upper(index), format);
          case CV ->
              Double.isNaN(st.cv(index))
                  ? ""
                  : String.format(Locale.ROOT, "%.1f%%", st.cv(index) * 100);
          case BASE -> String.format(Locale.ROOT, "%,d", st.base(index));
        };
    return switch (verdicts[index].level()) {
      case OK -> v;
      case CAUTION -> v + " *";
      case WITHHELD -> "[" + v + "]";
    };
  }

  /**
   * The style class of a flagged cell ({@code survey-caution}, {@code survey-withheld}) or null.
   */
  public String styleClass(Table t, int index) {
    if (surveyOf(t) == null || index < 0 || index >= verdicts.length) {
      return null;
    }
    return switch (verdicts[index].level()) {
      case OK -> null;
      case CAUTION -> "survey-caution";
      case WITHHELD -> "survey-withheld";
    };
  }

  /** The reason a cell is flagged (its tooltip), or null. */
  public String reason(Table t, int index) {
    if (surveyOf(t) == null || index < 0 || index >= verdicts.length) {
      return null;
    }
    return verdicts[index].reason();
  }

  private SurveyTable surveyOf(Table t) {
    SurveyTable st = surveyTable.get();
    return st != null && t != null && tableHash.equals(t.hash()) && active() ? st : null;
  }

  private static String num(double v, java.util.function.DoubleFunction<String> format) {
    return Double.isNaN(v) ? "" : format.apply(v);
  }

  // Commands

  /**
   * Makes the current definition a distribution table of {@code variable}: its {@code groups}
   * weighted quantile groups (10 deciles, 5 quintiles, 100 percentiles) as the outermost row, each
   * group's share of the total ({@code sum:V}, column percentages) and, below the grid, the Gini
   * coefficient with its standard error. Needs the dataset's design (for the weight).
   */
  public void distribution(String variable, QuantileGroupChoice groups) {
    distribution(variable, groups.groups());
  }

  /** {@link #distribution(String, QuantileGroupChoice)} with any number of groups. */
  public void distribution(String variable, int groups) {
    SurveyDesign d = design.get();
    Workspace ws = context.workspace().workspace();
    if (d == null || ws == null) {
      context
          .dialogs()
          .showError(
              "Distribution table",
              "A distribution table needs the dataset's survey design (Datasets > Survey design…)");
      return;
    }
    TableSpec spec = builder.spec();
    context
        .tasks()
        .run(
            BackgroundTask.of(
                    "Quantile groups of " + variable,
                    (p, cancel) -> {
                      List<String> vars = new ArrayList<>(spec.variables());
                      vars.add(variable);
                      vars.add(d.weight());
                      var data = ws.columns(spec.dataset(), vars.stream().distinct().toList());
                      return QuantileGroups.bands(
                          data,
                          variable,
                          groups,
                          d.weight(),
                          RecordFilters.keep(data, spec.filters()));
                    })
                .onSuccess(bands -> builder.distribution(variable, bands, d.weight()))
                .onFailure(e -> context.dialogs().showError("Distribution table", e)));
  }

  // Internals

  private void reloadDesign() {
    Workspace ws = context.workspace().workspace();
    var ds = context.workspace().selectedDatasetProperty().get();
    Optional<SurveyDesign> d =
        ws == null || ds == null ? Optional.empty() : SurveyDesigns.of(ws, ds.name());
    design.set(d.orElse(null));
    tableChanged(context.currentTable().table());
  }

  private void tableChanged(Table t) {
    surveyTable.set(null);
    verdicts = new QualityPolicy.Verdict[0];
    tableHash = "";
    context.currentTable().publishSurvey(null);
    gini.set("");
    Workspace ws = context.workspace().workspace();
    SurveyDesign d = design.get();
    if (t == null || ws == null || d == null) {
      legend.set("");
      runs.cancel();
      return;
    }
    if (!useDesign.get()) {
      legend.set("Survey design switched off for this table: no standard errors.");
      runs.cancel();
      return;
    }
    TableSpec spec = builder.spec();
    if (spec.weight() == null) {
      legend.set("Weighting by the design's weight " + d.weight() + "…");
      later.accept(
          () -> {
            builder.setWeight(d.weight());
            if (d.weight().equals(builder.spec().weight())) {
              // a weighted table equal to the unweighted one (weights of 1) is not published again
              tableChanged(context.currentTable().table());
            } else {
              legend.set("This measure takes no weight: no standard errors.");
            }
          });
      return;
    }
    if (!spec.weight().equals(d.weight())) {
      legend.set(
          "The table is weighted by "
              + spec.weight()
              + ", not by the design's weight "
              + d.weight()
              + ": no standard errors.");
      return;
    }
    SurveyMeasure m;
    try {
      m = SurveyMeasure.of(spec.measure());
    } catch (RuntimeException e) {
      legend.set(DialogService.userMessage(e));
      return;
    }
    // a distribution table: its first row banded, the measure the sum of the same variable
    String giniVariable = spec.rows().isEmpty() ? "" : spec.rows().get(0).variable();
    boolean withGini =
        !giniVariable.isEmpty()
            && spec.rows().get(0).derivation() instanceof Bands
            && giniVariable.equals(spec.measure().variable())
            && m.kind() == SurveyMeasure.Kind.SUM;
    legend.set("Computing standard errors…");
    runs.submit(
        BackgroundTask.of(
                "Standard errors",
                (p, cancel) -> {
                  SurveyEstimator est = new SurveyEstimator(new Tabulator());
                  SurveyTable st = est.estimate(spec, m, d, 0.95, ws, cancel);
                  SurveyTable g = withGini ? giniOf(est, spec, giniVariable, d, ws, cancel) : null;
                  SurveyTable means =
                      withGini ? groupMeans(est, spec, giniVariable, d, ws, cancel) : null;
                  return new Result(st, g, means);
                })
            .showProgress(false)
            .onSuccess(r -> ready(t, r, giniVariable))
            .onFailure(e -> legend.set("No standard errors: " + DialogService.userMessage(e))));
  }

  private static SurveyTable giniOf(
      SurveyEstimator est,
      TableSpec spec,
      String variable,
      SurveyDesign d,
      Workspace ws,
      CancellationToken cancel) {
    TableSpec whole =
        TableSpec.of(spec.dataset()).withFilters(spec.filters()).withWeight(d.weight());
    return est.estimate(whole, SurveyMeasure.parse("gini:" + variable), d, 0.95, ws, cancel);
  }

  /** The mean of a distribution table's variable in each of its quantile groups. */
  private static String groupMeansLine(SurveyTable means) {
    StringBuilder b = new StringBuilder("\nMean of each group (bounds as in the rows):");
    Table t = means.table();
    for (int i = 0; i < means.cellCount(); i++) {
      b.append(i == 0 ? " " : " · ")
          .append(t.codes(i)[0])
          .append(String.format(Locale.ROOT, " %,.2f", means.estimate(i)));
    }
    return b.toString();
  }

  private static SurveyTable groupMeans(
      SurveyEstimator est,
      TableSpec spec,
      String variable,
      SurveyDesign d,
      Workspace ws,
      CancellationToken cancel) {
    TableSpec groups =
        TableSpec.of(spec.dataset())
            .withFilters(spec.filters())
            .withWeight(d.weight())
            .withRows(List.of(spec.rows().get(0)));
    return est.estimate(groups, SurveyMeasure.parse("mean:" + variable), d, 0.95, ws, cancel);
  }

  private record Result(SurveyTable table, SurveyTable gini, SurveyTable means) {}

  private void ready(Table t, Result r, String giniVariable) {
    if (t != context.currentTable().table() || r.table().cellCount() != t.cellCount()) {
      return;
    }
    SurveyTable st = r.table();
    verdicts = SurveyFlags.verdicts(st, quality);
    tableHash = t.hash();
    surveyTable.set(st);
    int caution = 0;
    int withheld = 0;
    for (QualityPolicy.Verdict v : verdicts) {
      caution += v.level() == QualityPolicy.Level.CAUTION ? 1 : 0;
      withheld += v.level() == QualityPolicy.Level.WITHHELD ? 1 : 0;
    }
    double[] lo = new double[st.cellCount()];
    double[] hi = new double[st.cellCount()];
    for (int i = 0; i < lo.length; i++) {
      lo[i] = st.lower(i);
      hi[i] = st.upper(i);
    }
    context
        .currentTable()
        .publishSurvey(
            new CurrentTable.SurveyCells(t.hash(), SurveyFlags.columns(st, quality, true), lo, hi));
    legend.set(
        String.format(
            Locale.ROOT,
            "%s · %d%% intervals · %d cell%s * use with caution (CV %.0f–%.0f%%, or undefined as"
                + " the estimate is 0) · %d [withheld]"
                + " as unreliable (CV over %.0f%% or unweighted base under %d) · hover a cell for"
                + " its reason",
            design.get().summary(),
            Math.round(st.level() * 100),
            caution,
            caution == 1 ? "" : "s",
            quality.cvCaution(),
            quality.cvWithhold(),
            withheld,
            quality.cvWithhold(),
            quality.minBase()));
    if (r.gini() != null) {
      SurveyTable g = r.gini();
      gini.set(
          String.format(
                  Locale.ROOT,
                  "Gini coefficient of %s: %.4f (SE %.4f; %d%% interval %.4f – %.4f)",
                  giniVariable,
                  g.estimate(0),
                  g.se(0),
                  Math.round(g.level() * 100),
                  g.lower(0),
                  g.upper(0))
              + groupMeansLine(r.means()));
    }
  }
}
