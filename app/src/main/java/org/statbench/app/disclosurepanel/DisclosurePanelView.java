package org.statbench.app.disclosurepanel;

import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.statbench.app.shell.DialogService;
import org.statbench.disclosure.DisclosurePolicy;

/**
 * The right-hand Disclosure panel: the verdict on the current table, failing cells per rule, the
 * failing cells themselves, and Protect, Request clearance, Export and Copy. Thin: binds to {@link
 * DisclosurePanelViewModel} and forwards to {@link ReleaseActions}.
 */
public final class DisclosurePanelView {
  private final DisclosurePanelViewModel vm;
  private final ReleaseActions actions;
  private final IntConsumer selectCell;

  public DisclosurePanelView(DisclosurePanelViewModel vm, ReleaseActions actions) {
    this(vm, actions, i -> {});
  }

  /**
   * A panel whose cell list selects the clicked cell in the grid.
   *
   * @param selectCell asked to select a cell by its table index
   */
  public DisclosurePanelView(
      DisclosurePanelViewModel vm, ReleaseActions actions, IntConsumer selectCell) {
    this.vm = vm;
    this.actions = actions;
    this.selectCell = selectCell;
  }

  /** Builds the panel. */
  public Node build() {
    Label headline = new Label();
    headline.setId("disclosure-headline");
    headline.setWrapText(true);
    headline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    headline.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
    headline.textProperty().bind(vm.headlineProperty());

    ComboBox<String> policy =
        new ComboBox<>(
            javafx.collections.FXCollections.observableArrayList(DisclosurePolicy.profileNames()));
    policy.setId("disclosure-policy");
    policy.setMaxWidth(Double.MAX_VALUE);
    policy.getSelectionModel().select(vm.policyProperty().get().name());
    policy
        .valueProperty()
        .addListener(
            (o, a, name) -> {
              if (name != null && !name.equals(vm.policyProperty().get().name())) {
                vm.policyProperty().set(DisclosurePolicy.profile(name));
              }
            });

    // one wrapping line per rule ("19 cells below the threshold of 10"), never cut
    VBox rules = new VBox(2);
    rules.setId("disclosure-rules");
    Runnable showRules =
        () ->
            rules
                .getChildren()
                .setAll(
                    vm.ruleCounts().isEmpty()
                        ? List.of(new Label("No rule fails."))
                        : vm.ruleCounts().stream().map(DisclosurePanelView::wrapping).toList());
    vm.ruleCounts()
        .addListener((javafx.collections.ListChangeListener<String>) c -> showRules.run());
    showRules.run();
    ListView<String> cells = new ListView<>(vm.failingCells());
    cells.setId("disclosure-cells");
    cells.setPlaceholder(new Label("No failing cells."));
    cells.setMinHeight(120);
    cells.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
              }
            });
    // a click selects the cell in the grid (the list scrolls; the panel scrolls when short)
    cells
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (o, a, i) -> {
              int index = vm.failingCellIndex(i.intValue());
              if (index >= 0) {
                selectCell.accept(index);
              }
            });
    VBox.setVgrow(cells, Priority.ALWAYS);

    Button protect = new Button("Protect");
    protect.setId("disclosure-protect");
    protect.setMaxWidth(Double.MAX_VALUE);
    protect.disableProperty().bind(vm.failsBinding().not());
    protect.setOnAction(e -> vm.protect());
    Button request = new Button("Request clearance…");
    request.setId("disclosure-request");
    request.setMaxWidth(Double.MAX_VALUE);
    request.disableProperty().bind(vm.canRequestBinding().not());
    request.setOnAction(e -> actions.requestClearance(null));
    Button export = new Button("Export…");
    export.setId("disclosure-export");
    export.setMaxWidth(Double.MAX_VALUE);
    export.disableProperty().bind(vm.tableProperty().isNull());
    export.setOnAction(e -> actions.export());
    Button copy = new Button("Copy");
    copy.setId("disclosure-copy");
    copy.setMaxWidth(Double.MAX_VALUE);
    copy.disableProperty().bind(vm.tableProperty().isNull());
    copy.setOnAction(e -> actions.copy());

    for (Button b : List.of(protect, request, export, copy)) {
      // a narrow panel or large text wraps a button's words rather than cutting them
      b.setWrapText(true);
      b.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    Label message = new Label();
    message.setId("disclosure-message");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());

    VBox box =
        new VBox(
            6,
            headline,
            new Label("Policy"),
            policy,
            new Label("Failing rules"),
            rules,
            wrapping("Cells (click to find in the table)"),
            cells,
            MarkLegend.build(),
            protect,
            request,
            export,
            copy,
            message);
    box.setPadding(new Insets(8));
    box.setId("disclosure-panel");
    box.setMinWidth(0);
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setMinWidth(0);
    return scroll;
  }

  private static Label wrapping(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    return l;
  }

  /**
   * Asks, through the dialog service, for the justification of a clearance request; empty when
   * cancelled.
   */
  public static Optional<String> askJustification(DialogService dialogs, String refusal) {
    Dialog<String> d = new Dialog<>();
    d.getDialogPane().setId("clearanceJustificationDialog");
    d.setTitle("Request clearance");
    d.setHeaderText(
        "Explain why this table should be released as it is. A statistician will decide.");
    TextArea text = new TextArea();
    text.setId("clearance-justification-text");
    if (refusal != null) {
      Label refused = new Label(refusal);
      refused.setWrapText(true);
      refused.setMaxWidth(520);
      d.getDialogPane().setContent(new VBox(8, refused, text));
    }
    text.setWrapText(true);
    text.setPrefRowCount(5);
    if (refusal == null) {
      d.getDialogPane().setContent(text);
    }
    d.getDialogPane().setPrefWidth(560);
    ButtonType send =
        new ButtonType("Send request", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
    d.getDialogPane().getButtonTypes().addAll(send, ButtonType.CANCEL);
    d.setResultConverter(b -> b == send ? text.getText() : null);
    // a blank text is returned as it is, so the caller can say it is required
    return dialogs.showCustomDialogAndWait(d);
  }
}
