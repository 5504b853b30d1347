package org.statbench.app.tablebuilder.survey;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.FieldAction;
import org.statbench.app.tablebuilder.TableBuilderView;
import org.statbench.app.tablebuilder.TableBuilderViewModel;
import org.statbench.app.tablebuilder.Zone;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.Percentage;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;

/**
 * Puts the survey features into the table builder (one call from its feature): the survey bar above
 * the grid, the grid's survey cells, the "Survey design…" entries of the Datasets menu and of the
 * datasets list's context menu.
 */
public final class SurveyInTableBuilder {
  private final AppContext context;
  private final SurveyDisplay display;
  private final TableBuilderView view;
  private final TableBuilderViewModel model;

  private SurveyInTableBuilder(
      AppContext context, TableBuilderViewModel model, TableBuilderView view) {
    this.context = context;
    this.model = model;
    this.view = view;
    this.display = new SurveyDisplay(context, builder(model), Platform::runLater);
    SurveyBar bar = new SurveyBar(display, view.grid(), model::numericVariables, context.dialogs());
    view.addControls(bar);
    view.addMeasureChoice(SurveyDisplay.MEASURE_CHOICE, bar::chooseDistribution);
    // the flags' styles apply to the grid, a sibling of the bar
    view.getStylesheets()
        .add(
            SurveyInTableBuilder.class
                .getResource("/org/statbench/app/tablebuilder/survey/survey.css")
                .toExternalForm());
    context.datasetActions().add(new FieldAction("Survey design…", null, this::openDesignDialog));
  }

  /** Installs the survey features into a freshly built table builder. */
  public static SurveyInTableBuilder install(
      AppContext context, TableBuilderViewModel model, TableBuilderView view) {
    return new SurveyInTableBuilder(context, model, view);
  }

  public SurveyDisplay display() {
    return display;
  }

  /** Opens the "Survey design…" dialog of a dataset. */
  public void openDesignDialog(String dataset) {
    SurveyDesignDialog.open(
        context.dialogs(),
        new SurveyDesignViewModel(
            context.tasks(), context.dialogs(), context.workspace(), dataset));
  }

  /** "Survey design…" for the Datasets menu. */
  public List<MenuItem> datasetMenuItems() {
    MenuItem design = new MenuItem("Survey design…");
    design.setId("menuSurveyDesign");
    design.setOnAction(
        e -> {
          var d = context.workspace().selectedDatasetProperty().get();
          if (d == null) {
            context.dialogs().showError("Survey design", "Select a dataset first.");
          } else {
            openDesignDialog(d.name());
          }
        });
    return List.of(design);
  }

  private static SurveyDisplay.Builder builder(TableBuilderViewModel model) {
    return new SurveyDisplay.Builder() {
      @Override
      public TableSpec spec() {
        return model.spec();
      }

      @Override
      public void setWeight(String weight) {
        model.setWeight(weight);
      }

      @Override
      public void distribution(String variable, Bands bands, String weight) {
        // the builder's own commands, so each step shows and can be undone
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> model.move(variable, Zone.ROWS, 0));
        steps.add(() -> model.setDerivation(variable, bands));
        steps.add(() -> model.setWeight(weight));
        steps.add(() -> model.setMeasure(Measure.of(MeasureKind.SUM, variable)));
        steps.add(() -> model.setPercentage(Percentage.COLUMN));
        steps.forEach(Runnable::run);
      }
    };
  }
}
