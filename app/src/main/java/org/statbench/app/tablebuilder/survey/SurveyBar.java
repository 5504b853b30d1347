package org.statbench.app.tablebuilder.survey;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.statbench.app.shell.DialogService;
import org.statbench.app.tablebuilder.CellDecorator;
import org.statbench.app.tablebuilder.GridLayout;
import org.statbench.app.tablebuilder.TableGridView;

/**
 * The table builder's survey bar, shown when the dataset has a survey design: "Use survey design",
 * the Show selector, "Distribution table…", the legend of the quality flags and the Gini line. It
 * also decorates the grid's value cells from the {@link SurveyDisplay}. Node ids for tests: {@code
 * surveyBar}, {@code surveyUse}, {@code surveyShow}, {@code surveyDistribution}, {@code
 * surveyLegend}, {@code surveyGini}.
 */
public final class SurveyBar extends VBox {
  private final SurveyDisplay display;
  private final java.util.function.Supplier<List<String>> numericVariables;
  private final DialogService dialogs;

  public SurveyBar(
      SurveyDisplay display,
      TableGridView grid,
      java.util.function.Supplier<List<String>> numericVariables,
      DialogService dialogs) {
    this.display = display;
    this.dialogs = dialogs;
    this.numericVariables = numericVariables;
    setId("surveyBar");
    getStyleClass().add("survey-bar");
    CheckBox use = new CheckBox("Use survey design");
    use.setId("surveyUse");
    use.selectedProperty().bindBidirectional(display.useDesignProperty());
    ComboBox<Show> show = new ComboBox<>();
    show.setId("surveyShow");
    show.getItems().setAll(Show.values());
    show.valueProperty().bindBidirectional(display.showProperty());
    show.disableProperty().bind(use.selectedProperty().not());
    Button distribution = new Button("Distribution table…");
    distribution.setId("surveyDistribution");
    distribution.setOnAction(e -> chooseDistribution());
    FlowPane top =
        new FlowPane(8, 4, new Label("Survey"), use, new Label("Cells show"), show, distribution);
    top.setAlignment(Pos.CENTER_LEFT);
    Label legend = new Label();
    legend.setId("surveyLegend");
    legend.getStyleClass().addAll("survey-legend", "muted");
    legend.setWrapText(true);
    legend.setMaxWidth(Double.MAX_VALUE);
    legend.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    legend.textProperty().bind(display.legendProperty());
    Label gini = new Label();
    gini.setId("surveyGini");
    gini.textProperty().bind(display.giniProperty());
    gini.managedProperty().bind(gini.textProperty().isNotEmpty());
    gini.visibleProperty().bind(gini.managedProperty());
    getChildren().addAll(top, legend, gini);
    setSpacing(2);
    setPadding(new Insets(0, 0, 2, 0));
    managedProperty().bind(display.designProperty().isNotNull());
    visibleProperty().bind(managedProperty());

    CellDecorator decorator =
        new CellDecorator() {
          @Override
          public String text(GridLayout layout, int index, String shown) {
            return display.text(layout.table(), index, shown, layout::format);
          }

          @Override
          public String styleClass(GridLayout layout, int index) {
            return display.styleClass(layout.table(), index);
          }

          @Override
          public String tooltip(GridLayout layout, int index) {
            return display.reason(layout.table(), index);
          }
        };
    grid.setCellDecorator(decorator);
    // redraw the grid when what it shows of the survey changes
    display.showProperty().addListener((o, a, b) -> grid.setCellDecorator(decorator));
    display.surveyTableProperty().addListener((o, a, b) -> grid.setCellDecorator(decorator));
    display.useDesignProperty().addListener((o, a, b) -> grid.setCellDecorator(decorator));
  }

  private record Choice(String v, QuantileGroupChoice n) {}

  /**
   * Asks for the variable and its quantile groups and makes the table a distribution table: the
   * "Distribution table…" button and the measure list's distribution choice both come here.
   */
  public void chooseDistribution() {
    askDistribution(numericVariables.get()).ifPresent(c -> display.distribution(c.v, c.n));
  }

  private Optional<Choice> askDistribution(List<String> numeric) {
    Dialog<Choice> d = new Dialog<>();
    d.getDialogPane().setId("distributionDialog");
    d.setTitle("Distribution table");
    d.setHeaderText(
        "Quantile groups of a variable with each group's share of the total (bounds in the row"
            + " labels) and the Gini coefficient with its standard error.");
    ComboBox<String> variable = new ComboBox<>();
    variable.setId("distributionVariable");
    variable.getItems().setAll(numeric);
    ComboBox<QuantileGroupChoice> groups = new ComboBox<>();
    groups.setId("distributionGroups");
    groups.getItems().setAll(QuantileGroupChoice.values());
    groups.setValue(QuantileGroupChoice.DECILES);
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.addRow(0, new Label("Variable"), variable);
    g.addRow(1, new Label("Groups"), groups);
    d.getDialogPane().setContent(g);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    d.getDialogPane()
        .lookupButton(ButtonType.OK)
        .disableProperty()
        .bind(variable.valueProperty().isNull());
    d.setResultConverter(
        b -> b == ButtonType.OK ? new Choice(variable.getValue(), groups.getValue()) : null);
    return dialogs.showCustomDialogAndWait(d);
  }
}
