package org.statbench.app.tablebuilder;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.statbench.app.shell.DialogService;
import org.statbench.core.InputException;
import org.statbench.core.data.Code;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.Filter;

/**
 * The dialogs behind a field chip: filter codes (checkboxes), numeric and date ranges, bands, code
 * groups, date grouping and roll-up. They lay out fields only: what a dialog starts with and what
 * it accepts come from {@link ChipInput} (plain, tested without a toolkit) and the view-model, and
 * every dialog is shown through the {@link DialogService}, which owns the window, style sheets and
 * modality like every other dialog of the application.
 */
final class ChipDialogs {
  /** How many parent levels the generic roll-up dialog offers (e.g. la, region, country). */
  static final int ROLL_UP_LEVELS = 3;

  private final TableBuilderViewModel model;
  private final DialogService dialogs;

  ChipDialogs(TableBuilderViewModel model, DialogService dialogs) {
    this.model = model;
    this.dialogs = dialogs;
  }

  private static Dialog<ButtonType> dialog(String title, String header, String id) {
    Dialog<ButtonType> d = new Dialog<>();
    d.setTitle(title);
    d.setHeaderText(header);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    d.getDialogPane().setId(id);
    d.setResizable(true);
    d.setResultConverter(b -> b);
    return d;
  }

  /** Shows the dialog through the service; true when the user pressed OK. */
  private boolean showOk(Dialog<ButtonType> d) {
    return dialogs.showCustomDialogAndWait(d).filter(b -> b == ButtonType.OK).isPresent();
  }

  /** A message line for a dialog, hidden until there is something wrong. */
  private static Label errorLabel(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add("error-text");
    l.setWrapText(true);
    l.setPrefWidth(360);
    l.setMaxWidth(Double.MAX_VALUE);
    hideError(l);
    return l;
  }

  private static void hideError(Label error) {
    error.setVisible(false);
    error.setManaged(false);
  }

  private static void showError(Label error, String text) {
    error.setText(text);
    error.setVisible(true);
    error.setManaged(true);
    // Grow the dialog so the whole message shows (a dialog keeps its first size otherwise).
    if (error.getScene() != null && error.getScene().getWindow() != null) {
      error.getScene().getWindow().sizeToScene();
    }
  }

  /**
   * Keeps the dialog open with the message when {@code check} finds the input wrong, so that bad
   * input never reaches the table and nothing typed is lost.
   */
  private static void validateOnOk(Dialog<?> d, Label error, Supplier<String> check) {
    Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
    ok.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          String problem = check.get();
          if (problem != null) {
            showError(error, problem);
            e.consume();
          }
        });
  }

  private static String problem(Runnable parse) {
    try {
      parse.run();
      return null;
    } catch (InputException e) {
      return e.getMessage();
    }
  }

  /** Runs {@code fill}; shows its input problem in {@code error}, else hides the error. */
  private static void fillOrShow(Label error, Runnable fill) {
    String problem = problem(fill);
    if (problem == null) {
      hideError(error);
    } else {
      showError(error, problem);
    }
  }

  private static Button button(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  /** The codelist with checkboxes: checked codes are kept. */
  void filterCodes(String variable) {
    List<Code> codes =
        ChipInput.filterChoices(model.codes(variable), model.variable(variable).orElse(null));
    Set<String> kept = ChipInput.initiallyKept(codes, model.filter(variable));
    List<CheckBox> boxes = new ArrayList<>();
    for (Code c : codes) {
      CheckBox b = new CheckBox(ChipInput.filterLine(c));
      b.setId("code-" + c.code());
      b.setUserData(c.code());
      b.setSelected(kept.contains(c.code()));
      boxes.add(b);
    }
    ListView<CheckBox> list = new ListView<>();
    list.setId("codeFilterList");
    list.getItems().setAll(boxes);
    list.setPrefHeight(Math.min(420, 28 * boxes.size() + 10));
    Button all = button("All", "codeFilterAll", () -> boxes.forEach(b -> b.setSelected(true)));
    Button none = button("None", "codeFilterNone", () -> boxes.forEach(b -> b.setSelected(false)));
    Label error = errorLabel("codeFilterError");
    Dialog<ButtonType> d =
        dialog(
            "Filter " + variable,
            "Keep records whose " + variable + " is checked",
            "codeFilterDialog");
    d.getDialogPane().setContent(new VBox(6, list, new HBox(6, all, none), error));
    validateOnOk(
        d,
        error,
        () ->
            boxes.stream().anyMatch(CheckBox::isSelected)
                ? null
                : "Tick at least one code (a filter that keeps nothing would empty the table).");
    if (showOk(d)) {
      Set<String> keep = new LinkedHashSet<>();
      boxes.stream().filter(CheckBox::isSelected).forEach(x -> keep.add((String) x.getUserData()));
      model.setCodeFilter(variable, keep);
    }
  }

  /**
   * Bands from text, with helpers that write the text from cut points, equal widths or quantiles of
   * the values.
   */
  void bands(String variable) {
    Derivation current = model.derivation(variable);
    TextField text = new TextField(current instanceof Bands b ? b.format() : "");
    text.setId("bandsText");
    text.setPromptText("e.g. 16-24,25-49,50+");
    Label error = errorLabel("bandsError");
    error.setPrefWidth(520);
    TextField cuts = new TextField();
    cuts.setId("bandsCuts");
    cuts.setPromptText("e.g. 25,50,65");
    Button fromCuts =
        button(
            "Bands from cut points",
            "bandsFromCuts",
            () ->
                fillOrShow(
                    error,
                    () ->
                        text.setText(model.bandsFromCutPoints(variable, cuts.getText()).format())));
    TextField lo = new TextField();
    lo.setId("bandsFrom");
    lo.setPrefColumnCount(6);
    TextField hi = new TextField();
    hi.setId("bandsTo");
    hi.setPrefColumnCount(6);
    Spinner<Integer> n = new Spinner<>(2, 50, 5);
    n.setId("bandsCount");
    n.setEditable(true);
    n.setPrefWidth(80);
    Button equal =
        button(
            "Equal width",
            "bandsEqualWidth",
            () ->
                fillOrShow(
                    error,
                    () ->
                        text.setText(
                            ChipInput.equalWidth(lo.getText(), hi.getText(), n.getValue())
                                .format())));
    Button quantile =
        button(
            "Quantiles",
            "bandsQuantiles",
            () ->
                model.loadValues(
                    variable,
                    values -> {
                      if (values.length > 0) {
                        text.setText(Bands.quantiles(values, n.getValue()).format());
                      } else {
                        showError(error, variable + " has no values to cut into quantiles");
                      }
                    }));
    model.loadValues(
        variable,
        values -> {
          if (values.length > 0 && lo.getText().isEmpty()) {
            List<String> range = ChipInput.valueRange(values);
            lo.setText(range.get(0));
            hi.setText(range.get(1));
          }
        });
    GridPane g = new GridPane();
    g.setHgap(6);
    g.setVgap(8);
    g.addRow(0, new Label("Bands"), text);
    GridPane.setColumnSpan(text, 5);
    GridPane.setHgrow(text, Priority.ALWAYS);
    g.add(new Label("Cut points"), 0, 1);
    g.add(cuts, 1, 1, 3, 1);
    g.add(fromCuts, 4, 1);
    g.addRow(2, new Label("From"), lo, new Label("to"), hi);
    g.addRow(3, new Label("Bands"), n, equal, quantile);
    // Labels and buttons keep their text; the text fields give way.
    for (Node node : g.getChildren()) {
      if (node instanceof Labeled l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
      }
    }
    Label help =
        new Label(
            "LO-HI includes both ends; LO+ is LO and above; -HI is HI and below; LO-<HI is LO"
                + " up to but not including HI; where two bands touch, the shared value goes to"
                + " the first. Values in no band form 'Other'. Empty text removes the bands.");
    help.setWrapText(true);
    help.setPrefWidth(520);
    help.getStyleClass().add("muted");
    Dialog<ButtonType> d =
        dialog("Band " + variable, "Band " + variable + " into ranges", "bandDialog");
    d.getDialogPane().setContent(new VBox(10, g, error, help));
    d.getDialogPane().setPrefWidth(560);
    validateOnOk(
        d,
        error,
        () -> text.getText().isBlank() ? null : problem(() -> model.parseBands(text.getText())));
    if (showOk(d)) {
      if (text.getText().isBlank()) {
        model.setDerivation(variable, null);
      } else {
        model.setBands(variable, text.getText());
      }
    }
  }

  /** Code groups: pick codes, name the group, add; the text lists every group. */
  void groups(String variable) {
    TextArea text = new TextArea(ChipInput.groupsText(model.derivation(variable)));
    text.setId("groupsText");
    text.setPrefRowCount(6);
    ListView<String> codes = new ListView<>();
    codes.getItems().setAll(model.codes(variable).stream().map(ChipInput::groupEntry).toList());
    codes.setId("groupCodes");
    codes.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    codes.setPrefHeight(220);
    TextField name = new TextField();
    name.setId("groupName");
    name.setPromptText("group name");
    Label error = errorLabel("groupsError");
    Button add =
        button(
            "Add group of selected codes",
            "groupAdd",
            () -> {
              String line;
              try {
                line =
                    ChipInput.groupLine(
                        name.getText(), List.copyOf(codes.getSelectionModel().getSelectedItems()));
              } catch (InputException ex) {
                showError(error, ex.getMessage());
                if (!codes.getSelectionModel().getSelectedItems().isEmpty()) {
                  name.requestFocus();
                }
                return;
              }
              String problem =
                  problem(() -> model.parseGroups(variable, text.getText() + "\n" + line));
              if (problem != null) {
                showError(error, problem);
                return;
              }
              text.setText(ChipInput.appendLine(text.getText(), line));
              name.clear();
              codes.getSelectionModel().clearSelection();
              hideError(error);
            });
    Label help =
        new Label("One group per line: NAME=code,code,… Codes in no group stay as they are.");
    help.getStyleClass().add("muted");
    help.setWrapText(true);
    help.setPrefWidth(360);
    Dialog<ButtonType> d =
        dialog("Group " + variable, "Merge codes of " + variable + " into groups", "groupDialog");
    d.getDialogPane().setContent(new VBox(8, codes, new HBox(6, name, add), text, error, help));
    validateOnOk(d, error, () -> problem(() -> model.parseGroups(variable, text.getText())));
    if (showOk(d)) {
      model.setGroups(variable, text.getText());
    }
  }

  /** Month, quarter, financial year, year, or each date. */
  void dateGrouping(String variable) {
    String selected =
        model.derivation(variable) instanceof DateGrouping g
            ? ChipInput.unitText(g.unit())
            : ChipInput.EACH_DATE;
    ChoiceDialog<String> d = new ChoiceDialog<>(selected, ChipInput.dateGroupingChoices());
    d.setTitle("Date grouping");
    d.setHeaderText("Group " + variable + " by");
    d.getDialogPane().setId("dateGroupingDialog");
    dialogs
        .showCustomDialogAndWait(d)
        .ifPresent(s -> model.setDateGrouping(variable, ChipInput.unitOf(s)));
  }

  /**
   * Rolls a dimension up through parent variables chosen level by level (nearest first), for
   * datasets whose hierarchy no join recorded; "(none)" ends the chain.
   */
  void rollUp(String variable) {
    List<String> choices = new ArrayList<>();
    choices.add(ChipInput.NO_LEVEL);
    choices.addAll(model.rollUpCandidates(variable));
    List<String> current = ChipInput.currentRollUp(model.derivation(variable));
    GridPane g = new GridPane();
    g.setHgap(6);
    g.setVgap(6);
    g.setPadding(new Insets(4));
    List<ChoiceBox<String>> levels = new ArrayList<>();
    for (int i = 0; i < ROLL_UP_LEVELS; i++) {
      ChoiceBox<String> level = new ChoiceBox<>();
      level.getItems().setAll(choices);
      level.setValue(i < current.size() ? current.get(i) : ChipInput.NO_LEVEL);
      level.setId("rollUpLevel" + (i + 1));
      levels.add(level);
      g.addRow(i, new Label(i == 0 ? "Parent" : "then its parent"), level);
    }
    Label error = errorLabel("rollUpError");
    g.add(error, 0, ROLL_UP_LEVELS, 2, 1);
    Dialog<ButtonType> d =
        dialog("Roll up " + variable, "Show " + variable + " under its parents", "rollUpDialog");
    d.getDialogPane().setContent(g);
    validateOnOk(d, error, () -> problem(() -> ChipInput.rollUpChain(values(levels))));
    if (showOk(d)) {
      model.setRollUp(variable, ChipInput.rollUpChain(values(levels)));
    }
  }

  private static List<String> values(List<ChoiceBox<String>> levels) {
    return levels.stream().map(ChoiceBox::getValue).toList();
  }

  /** A numeric range filter. */
  void range(String variable) {
    List<String> texts = ChipInput.rangeTexts(model.filter(variable));
    TextField lo = new TextField(texts.get(0));
    TextField hi = new TextField(texts.get(1));
    GridPane g = new GridPane();
    g.setHgap(6);
    g.setVgap(6);
    g.setPadding(new Insets(4));
    lo.setId("rangeFrom");
    hi.setId("rangeTo");
    g.addRow(0, new Label("From (empty: no lower limit)"), lo);
    g.addRow(1, new Label("To (empty: no upper limit)"), hi);
    Label error = errorLabel("rangeError");
    g.add(error, 0, 2, 2, 1);
    Dialog<ButtonType> d =
        dialog(
            "Filter " + variable, "Keep records with " + variable + " in a range", "rangeDialog");
    d.getDialogPane().setContent(g);
    validateOnOk(d, error, () -> ChipInput.rangeProblem(lo.getText(), hi.getText()));
    if (showOk(d)) {
      model.setRange(variable, ChipInput.number(lo.getText()), ChipInput.number(hi.getText()));
    }
  }

  /** A date range filter. */
  void dateRange(String variable) {
    Filter f = model.filter(variable);
    DatePicker from = new DatePicker(f instanceof DateRangeFilter r ? r.from() : null);
    DatePicker to = new DatePicker(f instanceof DateRangeFilter r ? r.to() : null);
    GridPane g = new GridPane();
    g.setHgap(6);
    g.setVgap(6);
    g.addRow(0, new Label("From"), from);
    g.addRow(1, new Label("To"), to);
    Dialog<ButtonType> d =
        dialog(
            "Filter " + variable,
            "Keep records with " + variable + " in a period",
            "dateRangeDialog");
    d.getDialogPane().setContent(g);
    if (showOk(d)) {
      model.setDateRange(variable, from.getValue(), to.getValue());
    }
  }
}
