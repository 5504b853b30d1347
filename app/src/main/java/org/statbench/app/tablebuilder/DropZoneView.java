package org.statbench.app.tablebuilder;

import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
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
    // never shorter than its wrapped title, hint and chips (presenter mode at small windows
    // squeezed the title of one zone over the hint of the zone below)
    setMinHeight(USE_PREF_SIZE);
    setPrefWrapLength(300);
    // a long chip ("age: 16-24, 25-34, 35-49, 50+") wraps within the zone's width instead of
    // setting the zone's minimum: at 1024x700 in presenter mode it made the two zone columns wider
    // than the tab and pushed the builder past the window's right edge
    setMinWidth(120);
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
    chip.setWrapText(true); // narrower than its text, it wraps rather than hiding the end
    chip.maxWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(40, getWidth() - getPadding().getLeft() - getPadding().getRight()),
                widthProperty(),
                paddingProperty()));
    if (item.modified()) {
      chip.getStyleClass().add("field-chip-modified");
    }
    chip.setFocusTraversable(true);
    chip.setUserData(item.variable());
    chip.setContextMenu(menus.menuFor(item.variable(), zone));
    chip.getProperties().put(Zone.class, zone);
    chip.setOnMouseClicked(
        e -> {
          chip.requestFocus();
          if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.isStillSincePress()) {
            menus.openDefault(item.variable(), zone);
          } else if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY
              && !chip.getContextMenu().isShowing()) {
            // Where the platform sends no context-menu request for a right click (headless).
            chip.getContextMenu().show(chip, e.getScreenX(), e.getScreenY());
          }
        });
    chip.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            model.remove(item.variable(), zone);
            e.consume();
          } else if (e.isShortcutDown() && e.getCode() == KeyCode.LEFT) {
            model.shift(item.variable(), zone, -1);
            e.consume();
            focusChip(zone, item.variable());
          } else if (e.isShortcutDown() && e.getCode() == KeyCode.RIGHT) {
            model.shift(item.variable(), zone, 1);
            e.consume();
            focusChip(zone, item.variable());
          } else if (e.isShortcutDown() && zoneKey(e.getCode()) != null) {
            // The same keys that add a field from the list move a chip between zones.
            Zone target = zoneKey(e.getCode());
            model.add(item.variable(), target);
            e.consume();
            focusChip(target, item.variable());
          } else if (e.getCode() == KeyCode.CONTEXT_MENU
              || (e.isShiftDown() && e.getCode() == KeyCode.F10)) {
            // The chip's menu from the keyboard, under the chip.
            if (!chip.getContextMenu().isShowing()) {
              chip.getContextMenu().show(chip, javafx.geometry.Side.BOTTOM, 0, 0);
            }
            e.consume();
          } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
            menus.openDefault(item.variable(), zone);
            e.consume();
          }
        });
    chip.setTooltip(
        new Tooltip(
            item.text()
                + "\nClick or Enter: "
                + (item.type() != null && item.type().isNumeric()
                    ? "bands"
                    : item.type() == org.statbench.core.data.VariableType.DATE
                        ? "date grouping"
                        : "codes")
                + " · right-click or Shift+F10: menu · Ctrl+1/2/3/4: move to rows, columns,"
                + " wafers, filters · Ctrl+Left/Right: reorder · Delete: remove"));
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
            model.remove(item.variable(), zone);
          }
          e.consume();
        });
    return chip;
  }

  private static Zone zoneKey(KeyCode code) {
    return switch (code) {
      case DIGIT1, NUMPAD1 -> Zone.ROWS;
      case DIGIT2, NUMPAD2 -> Zone.COLUMNS;
      case DIGIT3, NUMPAD3 -> Zone.WAFERS;
      case DIGIT4, NUMPAD4 -> Zone.FILTERS;
      default -> null;
    };
  }

  /** Keeps the keyboard on a chip after it moved (the zones rebuild their chips). */
  private void focusChip(Zone target, String variable) {
    javafx.application.Platform.runLater(
        () -> {
          if (getScene() == null) {
            return;
          }
          Node zoneNode =
              getScene().lookup("#zone-" + target.name().toLowerCase(java.util.Locale.ROOT));
          Node chip = zoneNode == null ? null : zoneNode.lookup("#chip-" + variable);
          if (chip != null) {
            chip.requestFocus();
          }
        });
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
    // No dialog straight from the drop: a modal dialog inside the platform's drag-and-drop loop
    // can leave the pointer grabbed (seen under GTK). The chip says "all"; a click opens it.
    model.move(variable, zone, index);
    e.setDropCompleted(true);
    e.consume();
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
