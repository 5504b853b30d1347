package org.statbench.app.tablebuilder.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.tablebuilder.GridLayout;
import org.statbench.app.tablebuilder.TableBuilderViewModel;
import org.statbench.app.tablebuilder.Zone;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.Percentage;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;
import org.statbench.core.table.Table;
import org.statbench.store.Workspace;
import org.statbench.tabulate.survey.SurveyDesign;
import org.statbench.tabulate.survey.SurveyDesigns;

/** The survey display on the real table builder view model (no toolkit). */
class SurveyDisplayTest {
  @TempDir Path dir;
  private Workspace ws;
  private AppContext context;
  private TableBuilderViewModel model;
  private SurveyDisplay display;
  private final List<Runnable> later = new ArrayList<>();

  @BeforeEach
  void setUp() {
    ws = SurveyTestData.workspace(dir.resolve("ws"));
    // every record its own PSU, weight 1: the count's variance is the with-replacement one
    SurveyDesigns.set(ws, SurveyTestData.DATASET, SurveyDesign.weightOnly("w"));
    SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    RecordingDialogService dialogs = new RecordingDialogService();
    WorkspaceModel wm =
        new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(dir.resolve("home")));
    wm.use(ws, ws.datasets());
    context = new AppContext(tasks, dialogs, wm);
    model = new TableBuilderViewModel(context);
    display =
        new SurveyDisplay(
            context,
            new SurveyDisplay.Builder() {
              @Override
              public org.statbench.core.spec.TableSpec spec() {
                return model.spec();
              }

              @Override
              public void setWeight(String weight) {
                model.setWeight(weight);
              }

              @Override
              public void distribution(String variable, Bands bands, String weight) {
                model.move(variable, Zone.ROWS, 0);
                model.setDerivation(variable, bands);
                model.setWeight(weight);
                model.setMeasure(Measure.of(MeasureKind.SUM, variable));
                model.setPercentage(Percentage.COLUMN);
              }
            },
            later::add);
  }

  @AfterEach
  void tearDown() {
    ws.close();
  }

  private void runLater() {
    while (!later.isEmpty()) {
      later.remove(0).run();
    }
  }

  /** Cell index of a row label of the one-dimensional table shown. */
  private int row(String label) {
    GridLayout g = model.layoutProperty().get();
    for (int[] k : g.rows()) {
      if (g.rowHeader(k, 0).equals(label)) {
        return g.index(k, g.columns().get(0));
      }
    }
    throw new AssertionError(label);
  }

  @Test
  void tableOfADatasetWithADesignIsWeightedByItAndShowsStandardErrors() {
    model.add("region", Zone.ROWS);
    runLater();

    assertThat(model.spec().weight()).isEqualTo("w");
    Table t = context.currentTable().table();
    assertThat(display.surveyTableProperty().get()).as(display.legendProperty().get()).isNotNull();
    // count of North (20 of n = 40, weight 1): var = n/(n-1) * sum (z - mean z)^2 = n/(n-1) n
    // p(1-p)
    double n = 40;
    double p = 0.5;
    double se = Math.sqrt(n / (n - 1) * n * p * (1 - p));
    GridLayout g = model.layoutProperty().get();
    display.showProperty().set(Show.SE);
    // a standard error keeps two decimals under the count format: sqrt(40/39 * 10) = 3.2026
    assertThat(display.text(t, row("North"), "20", g::format))
        .isEqualTo("[" + String.format(java.util.Locale.ROOT, "%,.2f", se) + "]")
        .isEqualTo("[3.20]");
    display.showProperty().set(Show.BASE);
    assertThat(display.text(t, row("Total"), "40", g::format)).isEqualTo("40");
    display.showProperty().set(Show.CV);
    assertThat(display.text(t, row("North"), "20", g::format))
        .isEqualTo(String.format(Locale.ROOT, "[%.1f%%]", 100 * se / 20));
  }

  @Test
  void cellUnderTheMinimumBaseIsWithheldWithItsReasonAndTheReleaseCarriesTheFlag() {
    model.add("region", Zone.ROWS);
    runLater();
    Table t = context.currentTable().table();

    assertThat(display.styleClass(t, row("North"))).isEqualTo("survey-withheld");
    assertThat(display.reason(t, row("North")))
        .isEqualTo("unweighted base 20 is under 30: withheld as unreliable");
    // the total: 40 records and no sampling variance of the whole count
    assertThat(display.reason(t, row("Total"))).isNull();
    var cells = context.currentTable().surveyOf(t);
    assertThat(cells.columns().flags()[row("North")]).isEqualTo("withheld:base");
    assertThat(cells.columns().headers()).containsExactly("se", "lower", "upper", "cv", "n");
  }

  @Test
  void switchingTheDesignOffShowsPlainEstimatesAndPublishesNoFlags() {
    model.add("region", Zone.ROWS);
    runLater();
    Table t = context.currentTable().table();

    display.useDesignProperty().set(false);

    assertThat(display.text(t, row("North"), "20", Double::toString)).isEqualTo("20");
    assertThat(display.reason(t, row("North"))).isNull();
    assertThat(context.currentTable().surveyOf(t)).isNull();
    assertThat(display.legendProperty().get()).contains("switched off");
  }

  @Test
  void distributionTableGivesQuantileGroupSharesAndTheGiniWithItsError() {
    display.distribution("income", 4);
    runLater();

    assertThat(model.spec().rows().get(0).variable()).isEqualTo("income");
    assertThat(model.spec().rows().get(0).derivation()).isInstanceOf(Bands.class);
    assertThat(model.spec().measure().label()).isEqualTo("sum:income");
    assertThat(model.spec().percentage()).isEqualTo(Percentage.COLUMN);
    // incomes 100 + 7i, i = 0..39, weight 1: G = sum|xi - xj| / (2 n^2 mean) = d (n^2 - 1) / (6 n
    // mean)
    double n = 40;
    double mean = 100 + 7 * 19.5;
    double gini = 7 * (n * n - 1) / (6 * n * mean);
    assertThat(display.giniProperty().get())
        .startsWith(String.format(Locale.ROOT, "Gini coefficient of income: %.4f (SE ", gini));
  }

  @Test
  void guiExportCarriesTheFlagsInTheStatusAndWithholdsTheValue() throws Exception {
    model.add("region", Zone.ROWS);
    runLater();
    var panel =
        new org.statbench.app.disclosurepanel.DisclosurePanelViewModel(new SameThreadTaskRunner());
    panel.workspaceProperty().set(ws);
    panel.surveyProperty().bind(context.currentTable().surveyProperty());
    panel.tableProperty().bind(context.currentTable().tableProperty());

    Path out = panel.export(dir.resolve("regions.csv"));

    List<String> lines = java.nio.file.Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("region,measure,value,status,se,lower,upper,cv,n");
    // North: 20 records, under the minimum base of 30: flagged and published empty
    assertThat(lines).anyMatch(l -> l.startsWith("North,count,,withheld:base,"));
    assertThat(lines).anyMatch(l -> l.startsWith("Total,count,40,ok,"));
  }
}
