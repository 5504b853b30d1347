package org.statbench.app.shell;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.statbench.app.shell.DialogService.Refusal;
import org.statbench.app.shell.DialogService.RefusalChoice;

/**
 * The dialog shown when the export gate refuses a table: a short summary (how many cells fail which
 * rules), the first failing cells in a scrollable list, and buttons that say what they do ({@code
 * Protect…}, {@code Request clearance…}, {@code Cancel}). It is a fixed, modest size so it fits a
 * 1024x700 screen however many cells fail.
 */
final class RefusalDialog {
  static final double WIDTH = 560;
  static final ButtonType PROTECT = new ButtonType("Protect…", ButtonBar.ButtonData.OTHER);
  static final ButtonType REQUEST =
      new ButtonType("Request clearance…", ButtonBar.ButtonData.OK_DONE);

  private RefusalDialog() {}

  static Dialog<RefusalChoice> create(Window owner, Refusal refusal) {
    Dialog<RefusalChoice> d = new Dialog<>();
    if (owner != null) {
      d.initOwner(owner);
    }
    d.initModality(Modality.WINDOW_MODAL);
    d.setTitle("Refused by the disclosure check");
    d.setHeaderText("This table cannot leave the workstation as it is.");
    Label summary = new Label(refusal.summary());
    summary.setId("refusal-summary");
    summary.setWrapText(true);
    summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    ListView<String> cells =
        new ListView<>(javafx.collections.FXCollections.observableArrayList(refusal.cells()));
    cells.setId("refusal-cells");
    cells.setPrefHeight(Math.min(220, 26.0 * Math.max(2, refusal.cells().size()) + 4));
    Label help =
        new Label(
            (refusal.canProtect()
                    ? "Protect withholds the failing cells (and the cells that would reveal them),"
                        + " then you can export again. "
                    : "")
                + (refusal.canRequest()
                    ? "Request clearance asks a statistician to release the table as it is."
                    : ""));
    help.setWrapText(true);
    help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    VBox content = new VBox(8, summary);
    if (!refusal.cells().isEmpty()) {
      content.getChildren().add(cells);
    }
    if (!help.getText().isEmpty()) {
      content.getChildren().add(help);
    }
    d.getDialogPane().setContent(content);
    d.getDialogPane().setId("refusalDialog");
    // WIDTH at the normal text size, wider with presenter mode's text (em) so that the buttons'
    // words are not cut; the summary and help wrap to it
    d.getDialogPane()
        .setStyle(String.format(java.util.Locale.ROOT, "-fx-pref-width: %.2fem;", WIDTH / 13.0));
    d.getDialogPane().setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    if (refusal.canProtect()) {
      d.getDialogPane().getButtonTypes().add(PROTECT);
      d.getDialogPane().lookupButton(PROTECT).setId("refusal-protect");
    }
    if (refusal.canRequest()) {
      d.getDialogPane().getButtonTypes().add(REQUEST);
      d.getDialogPane().lookupButton(REQUEST).setId("refusal-request");
    }
    d.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
    d.getDialogPane().lookupButton(ButtonType.CANCEL).setId("refusal-cancel");
    d.setResizable(true);
    d.setResultConverter(
        b ->
            b == PROTECT
                ? RefusalChoice.PROTECT
                : b == REQUEST ? RefusalChoice.REQUEST_CLEARANCE : RefusalChoice.CANCEL);
    return d;
  }
}
