package org.statbench.app.disclosurepanel;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.statbench.disclosure.DisclosurePolicy;

/**
 * The right-hand Disclosure panel: the verdict on the current table, failing cells per rule, the
 * failing cells themselves, and Protect, Request clearance, Export and Copy. Thin: binds to {@link
 * DisclosurePanelViewModel} and forwards to {@link ReleaseActions}.
 */
public final class DisclosurePanelView {
  private final DisclosurePanelViewModel vm;
  private final ReleaseActions actions;

  public DisclosurePanelView(DisclosurePanelViewModel vm, ReleaseActions actions) {
    this.vm = vm;
    this.actions = actions;
  }

  /** Builds the panel. */
  public Node build() {
    Label headline = new Label();
    headline.setId("disclosure-headline");
    headline.setWrapText(true);
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

    ListView<String> rules = new ListView<>(vm.ruleCounts());
    rules.setId("disclosure-rules");
    rules.setPrefHeight(90);
    rules.setPlaceholder(new Label("No rule fails."));
    ListView<String> cells = new ListView<>(vm.failingCells());
    cells.setId("disclosure-cells");
    cells.setPlaceholder(new Label("No failing cells."));
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
            new Label("Cells"),
            cells,
            protect,
            request,
            export,
            copy,
            message);
    box.setPadding(new Insets(8));
    box.setId("disclosure-panel");
    box.setMinWidth(0);
    return box;
  }

  /** Asks for the justification of a clearance request; empty when cancelled. */
  public static Optional<String> askJustification(String refusal) {
    Dialog<String> d = new Dialog<>();
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
    return d.showAndWait();
  }
}
