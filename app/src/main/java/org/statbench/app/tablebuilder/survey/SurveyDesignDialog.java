package org.statbench.app.tablebuilder.survey;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.statbench.app.shell.DialogService;
import org.statbench.tabulate.survey.SurveyDesign.LonelyPsu;
import org.statbench.tabulate.survey.SurveyDesign.ReplicateType;

/**
 * The "Survey design…" dialog: binds the fields of a {@link SurveyDesignViewModel} and forwards OK
 * (save, the dialog stays open when the design is refused) and Remove. Node ids for tests: {@code
 * surveyWeight}, {@code surveyStrata}, {@code surveyPsu}, {@code surveyFpc}, {@code surveyLonely},
 * {@code surveyUseReplicates}, {@code surveyReplicates}, {@code surveyReplicateType}, {@code
 * surveyMessage}.
 */
public final class SurveyDesignDialog {
  private static final ButtonType REMOVE =
      new ButtonType("Remove design", ButtonBar.ButtonData.LEFT);

  private SurveyDesignDialog() {}

  /**
   * Shows the dialog through the dialog service and returns when it closes (saved, removed or
   * cancelled).
   */
  public static void open(DialogService dialogs, SurveyDesignViewModel vm) {
    Dialog<ButtonType> d = new Dialog<>();
    d.setTitle("Survey design of " + vm.dataset());
    d.setHeaderText(
        "How the sample of "
            + vm.dataset()
            + " was drawn: every table of it then shows standard"
            + " errors, intervals and quality flags.");
    d.getDialogPane().setId("surveyDesignDialog");
    // the header wraps at a width in em (it was one line of 1,374 px with presenter mode's text)
    org.statbench.app.theme.Em.prefWidth(d.getDialogPane(), 36);
    d.getDialogPane().setContent(form(vm));
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, REMOVE, ButtonType.CANCEL);
    Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
    ok.setId("surveyDesignOk");
    ok.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          e.consume();
          vm.save(d::close);
        });
    Button remove = (Button) d.getDialogPane().lookupButton(REMOVE);
    remove.setId("surveyDesignRemove");
    remove.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          e.consume();
          vm.remove(d::close);
        });
    dialogs.showCustomDialogAndWait(d);
  }

  private static Node form(SurveyDesignViewModel vm) {
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.setPadding(new Insets(8));
    int r = 0;
    g.addRow(r++, new Label("Weight"), variable(vm, "surveyWeight", vm.weightProperty()));
    g.addRow(r++, new Label("Strata"), variable(vm, "surveyStrata", vm.strataProperty()));
    g.addRow(r++, new Label("PSU (cluster)"), variable(vm, "surveyPsu", vm.psuProperty()));
    g.addRow(r++, new Label("FPC (optional)"), variable(vm, "surveyFpc", vm.fpcProperty()));
    ComboBox<LonelyPsu> lonely = new ComboBox<>();
    lonely.setId("surveyLonely");
    lonely.getItems().setAll(LonelyPsu.values());
    lonely.valueProperty().bindBidirectional(vm.lonelyProperty());
    g.addRow(r++, new Label("Strata with one PSU"), lonely);
    CheckBox reps = new CheckBox("Replicate weights instead");
    reps.setId("surveyUseReplicates");
    reps.selectedProperty().bindBidirectional(vm.useReplicatesProperty());
    g.add(reps, 1, r++);
    TextField repList = new TextField();
    repList.setId("surveyReplicates");
    repList.setPromptText("rw1,rw2,... or rw*");
    repList.textProperty().bindBidirectional(vm.replicatesProperty());
    repList.disableProperty().bind(reps.selectedProperty().not());
    g.addRow(r++, new Label("Replicates"), repList);
    ComboBox<ReplicateType> type = new ComboBox<>();
    type.setId("surveyReplicateType");
    type.getItems().setAll(ReplicateType.values());
    type.valueProperty().bindBidirectional(vm.replicateTypeProperty());
    type.disableProperty().bind(reps.selectedProperty().not());
    g.addRow(r++, new Label("Replicate type"), type);
    Label message = new Label();
    message.setId("surveyMessage");
    message.setWrapText(true);
    message.setMaxWidth(420);
    message.setStyle("-fx-text-fill: #a40000;");
    message.textProperty().bind(vm.messageProperty());
    g.add(message, 0, r, 2, 1);
    return g;
  }

  /** An editable picker of the dataset's variables (typing a name is allowed and checked). */
  private static ComboBox<String> variable(
      SurveyDesignViewModel vm, String id, javafx.beans.property.StringProperty value) {
    ComboBox<String> box = new ComboBox<>(vm.variables());
    box.setId(id);
    box.setEditable(true);
    box.setPrefWidth(220);
    box.getEditor().textProperty().bindBidirectional(value);
    return box;
  }
}
