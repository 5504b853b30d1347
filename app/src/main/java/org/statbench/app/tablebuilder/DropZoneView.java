package org.statbench.app.tablebuilder;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import org.statbench.app.datasets.FieldDrag;

/**
 * One drop zone (Rows, Columns, Wafers or Filters): its title and a chip per field. Accepts fields
 * dragged from the field list or from another chip; the drop position decides the order. A chip
 * dragged out and dropped anywhere that is not a zone is removed.
 */
final class DropZoneView extends FlowPane {
  private final TableBuilderViewModel model;
  private final Zone zone;
  private final ChipMenus menus;

  DropZoneView(TableBuilderViewModel model, Zone zone, ChipMenus menus) {
    this.model = model;
    this.zone = zone;
    this.menus = menus;
    setId("zone-" + zone.name().toLowerCase(java.util.Locale.ROOT));
    getStyleClass().add("drop-zone");
    setHgap(6);
    setVgap(4);
    setPadding(new Insets(4, 6, 4, 6));
    setAlignment(Pos.CENTER_LEFT);
    setMinHeight(34);
    setPrefWrapLength(300);
    model.items(zone).addListener((ListChangeListener<ZoneItem>) c -> rebuild());
    setOnDragOver(this::dragOver);
    setOnDragEntered(
        e -> {
          if (FieldDrag.variable(e.getDragboard()) != null) {
            pseudoClassStateChanged(ChipMenus.DROP_TARGET, true);
          }
        });
    setOnDragExited(e -> pseudoClassStateChanged(ChipMenus.DROP_TARGET, false));
    setOnDragDropped(this::dropped);
    rebuild();
  }

  private void rebuild() {
    getChildren().clear();
    Label title = new Label(zone.title() + ":");
    title.getStyleClass().add("zone-title");
    getChildren().add(title);
    if (model.items(zone).isEmpty()) {
      Label hint = new Label(zone == Zone.FILTERS ? "drop a field to filter" : "drop fields here");
      hint.getStyleClass().add("zone-hint");
      getChildren().add(hint);
    }
    for (ZoneItem item : model.items(zone)) {
      getChildren().add(chip(item));
    }
  }

  private Node chip(ZoneItem item) {
    Label chip = new Label(item.text());
    chip.setId("chip-" + item.variable());
    chip.getStyleClass().add("field-chip");
    if (item.modified()) {
      chip.getStyleClass().add("field-chip-modified");
    }
    chip.setFocusTraversable(true);
    chip.setUserData(item.variable());
    chip.setContextMenu(menus.menuFor(item.variable()));
    chip.setOnMouseClicked(
        e -> {
          chip.requestFocus();
          if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.isStillSincePress()) {
            menus.openDefault(item.variable());
          }
        });
    chip.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            model.remove(item.variable());
            e.consume();
          } else if (e.isShortcutDown() && e.getCode() == KeyCode.LEFT) {
            model.shift(item.variable(), -1);
            e.consume();
          } else if (e.isShortcutDown() && e.getCode() == KeyCode.RIGHT) {
            model.shift(item.variable(), 1);
            e.consume();
          } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
            menus.openDefault(item.variable());
            e.consume();
          }
        });
    chip.setOnDragDetected(
        e -> {
          var board = chip.startDragAndDrop(TransferMode.MOVE);
          board.setContent(FieldDrag.content(item.variable()));
          e.consume();
        });
    chip.setOnDragDone(
        e -> {
          // Dropped outside every zone: the analyst dragged the field out of the table.
          if (e.getTransferMode() == null) {
            model.remove(item.variable());
          }
          e.consume();
        });
    return chip;
  }

  private void dragOver(DragEvent e) {
    if (FieldDrag.variable(e.getDragboard()) != null) {
      e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
    }
    e.consume();
  }

  private void dropped(DragEvent e) {
    String variable = FieldDrag.variable(e.getDragboard());
    if (variable == null) {
      e.setDropCompleted(false);
      return;
    }
    int index = dropIndex(e.getX(), e.getY(), variable);
    Consumer<String> after = null;
    if (zone == Zone.FILTERS && model.zoneOf(variable).isEmpty()) {
      after = menus::openDefault;
    }
    model.move(variable, zone, index);
    e.setDropCompleted(true);
    e.consume();
    if (after != null) {
      // Let the drag finish before a dialog opens.
      String v = variable;
      Consumer<String> a = after;
      javafx.application.Platform.runLater(() -> a.accept(v));
    }
  }

  /** Where among the chips a drop at (x, y) lands, ignoring the dragged field itself. */
  private int dropIndex(double x, double y, String dragged) {
    int index = 0;
    for (Node n : getChildren()) {
      if (!(n.getUserData() instanceof String v)) {
        continue;
      }
      if (v.equals(dragged)) {
        continue;
      }
      Bounds b = n.getBoundsInParent();
      boolean before = y < b.getMinY() || (y <= b.getMaxY() && x < b.getCenterX());
      if (before) {
        return index;
      }
      index++;
    }
    return index;
  }
}
