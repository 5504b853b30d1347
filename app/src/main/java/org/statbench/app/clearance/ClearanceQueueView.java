package org.statbench.app.clearance;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.statbench.app.shell.DialogService;
import org.statbench.export.ClearanceItem;

/**
 * The clearance queue tab: requests on the left; on the right the selected request's table (failing
 * cells red, withheld cells grey), rules, protection, audit intervals, the analyst's justification,
 * and a mandatory comment with Approve and Reject. Thin: builds nodes and binds to {@link
 * ClearanceQueueViewModel}.
 */
public final class ClearanceQueueView {
  private final ClearanceQueueViewModel vm;
  private final TableView<TableGrid.Row> grid = new TableView<>();

  private final DialogService dialogs;

  /** With the dialog service that asks for the key file and its passphrase. */
  public ClearanceQueueView(ClearanceQueueViewModel vm, DialogService dialogs) {
    this.vm = vm;
    this.dialogs = dialogs;
  }

  /** Builds the tab content. */
  public Node build() {
    ListView<ClearanceItem> list = new ListView<>(vm.items());
    list.setId("clearance-list");
    list.setCellFactory(
        lv ->
            new ListCell<>() {
              @Override
              protected void updateItem(ClearanceItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item));
              }
            });
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, b) -> vm.selectedProperty().set(b));
    vm.selectedProperty()
        .addListener(
            (o, a, b) -> {
              if (list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
              }
            });
    Label none = new Label("No pending clearance requests.");
    none.setWrapText(true); // a narrow column or large text wraps it rather than cutting it
    none.setPadding(new Insets(6));
    list.setPlaceholder(none);
    CheckBox showDecided = new CheckBox("Show decided requests");
    showDecided.setWrapText(true);
    showDecided.setMinHeight(Region.USE_PREF_SIZE);
    showDecided.setId("clearance-show-decided");
    showDecided.selectedProperty().bindBidirectional(vm.showDecidedProperty());
    Label who = new Label();
    who.setId("clearance-signer");
    who.setWrapText(true);
    who.setMinHeight(Region.USE_PREF_SIZE);
    who.textProperty()
        .bind(vm.userProperty().map(u -> u.isEmpty() ? "No workspace open" : "Signing as: " + u));
    Button chooseKey = new Button("Choose key…");
    chooseKey.setId("clearance-choose-key");
    chooseKey.setOnAction(e -> chooseKey());
    Button refresh = new Button("Refresh");
    refresh.setOnAction(e -> vm.refresh());
    VBox left = new VBox(6, who, chooseKey, list, showDecided, refresh);
    VBox.setVgrow(list, Priority.ALWAYS);
    left.setPadding(new Insets(6));
    left.setMinWidth(200);

    Label title = new Label();
    title.getStyleClass().add("clearance-title");
    title.setWrapText(true);
    Label justification = new Label();
    justification.setWrapText(true);
    justification.setId("clearance-justification");
    grid.setId("clearance-grid");
    grid.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    grid.setPrefHeight(220);
    grid.setPlaceholder(new Label("Select a request."));
    Label rules = new Label();
    rules.setId("clearance-rules");
    rules.setWrapText(true);
    Label protection = new Label();
    protection.setWrapText(true);
    Label intervals = new Label();
    intervals.setId("clearance-intervals");
    intervals.setWrapText(true);
    Label decision = new Label();
    decision.setId("clearance-decision");
    decision.setWrapText(true);

    Label rulesHeading = section("Rules failed");
    rulesHeading.setId("clearance-rules-heading");
    Label protectionHeading = section("Protection");
    Label intervalsHeading = section("Audit intervals of withheld cells");
    Node legend = legend();
    // a record-level request has no cells: no grid, legend or intervals, its own headings
    java.util.List<Node> tableOnly = java.util.List.of(grid, legend, intervalsHeading, intervals);
    vm.detailsProperty()
        .addListener(
            (o, a, d) -> {
              boolean records = d != null && d.recordLevel();
              for (Node n : tableOnly) {
                n.setVisible(!records);
                n.setManaged(!records);
              }
              java.util.List<String> headings =
                  d == null ? RequestDetails.TABLE_HEADINGS : d.headings();
              rulesHeading.setText(headings.get(0));
              protectionHeading.setText(headings.get(1));
              intervalsHeading.setText(headings.get(2));
              title.setText(d == null ? "" : d.title());
              justification.setText(d == null ? "" : "Justification: " + d.justification());
              rules.setText(d == null ? "" : String.join("\n", d.rules()));
              protection.setText(d == null ? "" : d.protection());
              intervals.setText(
                  d == null || d.intervals().isEmpty()
                      ? "No cells withheld."
                      : String.join("\n", d.intervals()));
              decision.setText(d == null ? "" : d.decision());
              showGrid(d == null ? null : d.grid());
            });

    TextArea comment = new TextArea();
    comment.setId("clearance-comment");
    comment.setPromptText("Comment (required to approve or reject)");
    comment.setPrefRowCount(3);
    comment.setWrapText(true);
    comment.textProperty().bindBidirectional(vm.commentProperty());
    Button approve = new Button("Approve");
    approve.setId("clearance-approve");
    approve.disableProperty().bind(vm.canDecideBinding().not());
    approve.setOnAction(
        e -> {
          if (vm.signingKeyProperty().get() == null) {
            chooseKey();
          }
          vm.approve();
        });
    Button reject = new Button("Reject");
    reject.setId("clearance-reject");
    reject.disableProperty().bind(vm.canDecideBinding().not());
    reject.setOnAction(
        e -> {
          if (vm.signingKeyProperty().get() == null) {
            chooseKey();
          }
          vm.reject();
        });
    Label message = new Label();
    message.setId("clearance-message");
    // outcomes in the normal text style, problems as warnings
    vm.messageIsProblemProperty()
        .addListener(
            (o, was, problem) -> {
              message.getStyleClass().remove("clearance-message");
              if (problem) {
                message.getStyleClass().add("clearance-message");
              }
            });
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());

    VBox right =
        new VBox(
            6,
            title,
            justification,
            legend,
            grid,
            rulesHeading,
            rules,
            protectionHeading,
            protection,
            intervalsHeading,
            intervals,
            decision,
            section("Decision"),
            comment,
            new HBox(8, approve, reject),
            message);
    right.setPadding(new Insets(6));
    ScrollPane scroll = new ScrollPane(right);
    scroll.setFitToWidth(true);

    SplitPane split = new SplitPane(left, scroll);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.28);
    BorderPane root = new BorderPane(split);
    root.setId("clearance-queue");
    root.getStylesheets()
        .add(ClearanceQueueView.class.getResource("clearance.css").toExternalForm());
    vm.refresh();
    return root;
  }

  private String describe(ClearanceItem item) {
    if (item.problem() != null) {
      return item.id() + " · TAMPERED";
    }
    if (item.decision() == null) {
      return item.id() + " · " + vm.requester(item) + " · pending";
    }
    return item.id()
        + " · "
        + vm.requester(item)
        + " · "
        + item.decision().outcome().name().toLowerCase(java.util.Locale.ROOT)
        + " by "
        + item.decision().statistician()
        + (item.verified() ? " · ✓ verified" : " · ✗ does not verify");
  }

  /** Asks for the key file (once) and its passphrase until it unlocks or the user cancels. */
  private void chooseKey() {
    dialogs
        .chooseFileToOpen(
            "Your signing key (keys create)",
            null,
            List.of(new DialogService.FileFilter("StatBench key", List.of("*.key"))))
        .ifPresent(f -> vm.unlockKey(f, () -> askPassphrase(f)));
  }

  private java.util.Optional<char[]> askPassphrase(Path keyFile) {
    Dialog<char[]> d = new Dialog<>();
    d.getDialogPane().setId("clearanceKeyDialog");
    d.setTitle("Unlock signing key");
    d.setHeaderText("Passphrase for " + keyFile.getFileName());
    PasswordField pw = new PasswordField();
    pw.setId("clearance-key-passphrase");
    d.getDialogPane().setContent(pw);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    d.setResultConverter(b -> b == ButtonType.OK ? pw.getText().toCharArray() : null);
    return dialogs.showCustomDialogAndWait(d);
  }

  private static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("clearance-section");
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  private static Node legend() {
    // wraps in a narrow column or with large text rather than cutting the words; each swatch wraps
    // with its words (at 1024x700 in presenter mode a swatch was left at a line's end, its label
    // starting the next)
    javafx.scene.layout.FlowPane legend =
        new javafx.scene.layout.FlowPane(
            10,
            4,
            keyed(CellMark.FAILING, "fails a rule"),
            keyed(CellMark.WITHHELD, "withheld"),
            keyed(CellMark.ADJUSTED, "rounded / perturbed"));
    legend.setId("clearanceLegend");
    return legend;
  }

  private static Node keyed(CellMark mark, String text) {
    javafx.scene.layout.HBox pair = new javafx.scene.layout.HBox(6, box(mark), new Label(text));
    pair.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return pair;
  }

  private static Region box(CellMark mark) {
    Region r = new Region();
    r.getStyleClass().addAll("legend-box", mark.styleClass());
    return r;
  }

  private void showGrid(TableGrid g) {
    grid.getColumns().clear();
    grid.getItems().clear();
    if (g == null) {
      return;
    }
    List<String> header = g.header();
    for (int c = 0; c < header.size(); c++) {
      final int col = c;
      TableColumn<TableGrid.Row, String> tc = new TableColumn<>(header.get(c));
      tc.setSortable(false);
      if (c < g.labelColumns()) {
        tc.setCellValueFactory(
            r -> new ReadOnlyStringWrapper(r.getValue().labels().get(col)).getReadOnlyProperty());
      } else {
        final int k = c - g.labelColumns();
        tc.setCellValueFactory(
            r ->
                new ReadOnlyStringWrapper(r.getValue().cells().get(k).text())
                    .getReadOnlyProperty());
        tc.setCellFactory(
            column ->
                new TableCell<>() {
                  @Override
                  protected void updateItem(String text, boolean empty) {
                    super.updateItem(text, empty);
                    getStyleClass().removeAll("cell-failing", "cell-withheld", "cell-adjusted");
                    setTooltip(null);
                    if (empty || getTableRow() == null || getTableRow().getItem() == null) {
                      setText(null);
                      return;
                    }
                    TableGrid.GridCell cell = getTableRow().getItem().cells().get(k);
                    setText(text);
                    if (cell.mark() != CellMark.NONE) {
                      getStyleClass().add(cell.mark().styleClass());
                      setTooltip(
                          new Tooltip(
                              cell.status()
                                  + (cell.interval().isEmpty() ? "" : " " + cell.interval())));
                    }
                  }
                });
        tc.setStyle("-fx-alignment: CENTER-RIGHT;");
      }
      grid.getColumns().add(tc);
    }
    grid.getItems().setAll(g.rows());
  }
}
