package org.statbench.app.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.event.EventHandler;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * Draws a {@link TourModel} over a window: the window dimmed except for the highlighted part, a
 * frame around it, and a callout with the step's sentence and Back / Next / Close. Keyboard: Right,
 * Enter, Space or Page Down for next; Left, Backspace or Page Up for back; Home and End; Escape
 * closes.
 *
 * <p>The overlay is an unmanaged child of the window's root pane, so it needs no change to the
 * window's layout and leaves it exactly as it was when it closes.
 */
public final class TourOverlay extends Pane {
  private static final double PAD = 6;
  private static final double GAP = 14;

  private final TourModel model;
  private final Pane host;
  private final Consumer<String> selectTab;
  private final Pane mask = new Pane();
  private final Rectangle frame = new Rectangle();
  private final VBox callout = new VBox(8);
  private final Label position = new Label();
  private final Label title = new Label();
  private final Label text = new Label();
  private final Button back = new Button("Back");
  private final Button next = new Button("Next");
  private final Button close = new Button("Close");
  private final EventHandler<KeyEvent> keys = this::onKey;
  private Bounds highlighted;

  /**
   * @param host the window's root pane, where the overlay is added while the tour is active
   * @param selectTab shows a feature tab by id (e.g. the main view's {@code selectTab})
   */
  public TourOverlay(TourModel model, Pane host, Consumer<String> selectTab) {
    this.model = model;
    this.host = host;
    this.selectTab = selectTab;
    setId("tourOverlay");
    setManaged(false);
    getStyleClass().add("tour-overlay");

    mask.setId("tourMask");
    mask.setMouseTransparent(false);
    mask.setOnMouseClicked(e -> e.consume());
    frame.setId("tourHighlight");
    frame.getStyleClass().add("tour-highlight");
    frame.setFill(Color.TRANSPARENT);
    frame.setStroke(Color.web("#ffb000"));
    frame.setStrokeWidth(3);
    frame.setArcWidth(10);
    frame.setArcHeight(10);
    frame.setMouseTransparent(true);

    position.setId("tourPosition");
    position.getStyleClass().add("tour-position");
    title.setId("tourTitle");
    title.getStyleClass().add("tour-title");
    text.setId("tourText");
    text.getStyleClass().add("tour-text");
    text.setWrapText(true);
    back.setId("tourBack");
    next.setId("tourNext");
    close.setId("tourClose");
    back.setFocusTraversable(false);
    next.setFocusTraversable(false);
    close.setFocusTraversable(false);
    next.setDefaultButton(true);
    back.disableProperty().bind(model.canGoBackProperty().not());
    next.textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(model.onLastStepProperty())
                .then("Finish")
                .otherwise("Next"));
    back.setOnAction(e -> model.back());
    next.setOnAction(e -> model.next());
    close.setOnAction(e -> model.close());
    position.textProperty().bind(model.positionProperty());

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox buttons = new HBox(8, close, spacer, back, next);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    Label hint = new Label("← → to move, Esc to close");
    hint.getStyleClass().add("tour-hint");
    callout.getChildren().addAll(position, title, text, buttons, hint);
    callout.setId("tourCallout");
    callout.getStyleClass().add("tour-callout");
    callout.setPadding(new Insets(14));
    callout.setMaxWidth(360);
    callout.setPrefWidth(360);
    callout.setStyle(
        "-fx-background-color: -fx-background; -fx-background-radius: 8;"
            + " -fx-border-color: #ffb000; -fx-border-width: 2; -fx-border-radius: 8;"
            + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.5), 16, 0, 0, 4);");
    title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.25em;");
    position.setStyle("-fx-opacity: 0.75;");
    hint.setStyle("-fx-opacity: 0.65; -fx-font-size: 0.85em;");

    getChildren().addAll(mask, frame, callout);

    model.currentProperty().addListener((obs, old, now) -> showStep());
    model
        .activeProperty()
        .addListener(
            (obs, was, now) -> {
              if (now) {
                attach();
              } else {
                detach();
              }
            });
    host.widthProperty().addListener((obs, o, n) -> relayout());
    host.heightProperty().addListener((obs, o, n) -> relayout());
  }

  /** Starts the tour at its first step. */
  public void start() {
    if (model.activeProperty().get()) {
      model.first();
    } else {
      model.start();
    }
    showStep();
  }

  /** The part of the window highlighted now (in the host's coordinates), or null when none. */
  public Bounds highlightedBounds() {
    return highlighted;
  }

  private void attach() {
    if (!host.getChildren().contains(this)) {
      host.getChildren().add(this);
    }
    Scene scene = host.getScene();
    if (scene != null) {
      scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
    }
    toFront();
    showStep();
  }

  private void detach() {
    host.getChildren().remove(this);
    Scene scene = host.getScene();
    if (scene != null) {
      scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
    }
  }

  private void onKey(KeyEvent e) {
    switch (e.getCode()) {
      case RIGHT, ENTER, SPACE, PAGE_DOWN -> model.next();
      case LEFT, BACK_SPACE, PAGE_UP -> model.back();
      case HOME -> model.first();
      case END -> model.last();
      case ESCAPE -> model.close();
      default -> {
        return;
      }
    }
    e.consume();
  }

  private void showStep() {
    if (!model.activeProperty().get()) {
      return;
    }
    TourStep step = model.currentProperty().get();
    if (step.tab() != null) {
      selectTab.accept(step.tab());
    }
    title.setText(step.title());
    text.setText(step.text());
    // The tab just selected has to be laid out before its nodes have bounds.
    host.applyCss();
    host.layout();
    highlighted = targetBounds(step);
    relayout();
  }

  private Bounds targetBounds(TourStep step) {
    for (String selector : step.targets()) {
      List<Bounds> found = new ArrayList<>();
      for (Node n : host.lookupAll(selector)) {
        if (n != this && isShowing(n)) {
          Bounds b = host.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
          if (b != null && b.getWidth() > 0 && b.getHeight() > 0) {
            found.add(b);
          }
        }
      }
      if (!found.isEmpty()) {
        return union(found);
      }
    }
    return null;
  }

  private boolean isShowing(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible() || p == this) {
        return false;
      }
    }
    return n.getScene() == host.getScene();
  }

  private static Bounds union(List<Bounds> list) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Bounds b : list) {
      minX = Math.min(minX, b.getMinX());
      minY = Math.min(minY, b.getMinY());
      maxX = Math.max(maxX, b.getMaxX());
      maxY = Math.max(maxY, b.getMaxY());
    }
    return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
  }

  private void relayout() {
    double w = host.getWidth();
    double h = host.getHeight();
    resizeRelocate(0, 0, w, h);
    if (highlighted != null) {
      Bounds b = highlighted;
      double x0 = Math.max(0, b.getMinX() - PAD);
      double y0 = Math.max(0, b.getMinY() - PAD);
      double x1 = Math.min(w, b.getMaxX() + PAD);
      double y1 = Math.min(h, b.getMaxY() + PAD);
      // Four dimmed bands around the lit rectangle.
      mask.getChildren()
          .setAll(
              dim(0, 0, w, y0),
              dim(0, y1, w, h - y1),
              dim(0, y0, x0, y1 - y0),
              dim(x1, y0, w - x1, y1 - y0));
      frame.setX(x0);
      frame.setY(y0);
      frame.setWidth(x1 - x0);
      frame.setHeight(y1 - y0);
      frame.setVisible(true);
    } else {
      mask.getChildren().setAll(dim(0, 0, w, h));
      frame.setVisible(false);
    }
    mask.resizeRelocate(0, 0, w, h);

    callout.applyCss();
    double cw = callout.prefWidth(-1);
    double ch = callout.prefHeight(cw);
    callout.resize(cw, ch);
    double[] at = calloutPosition(w, h, cw, ch);
    callout.relocate(at[0], at[1]);
  }

  private static Rectangle dim(double x, double y, double w, double h) {
    Rectangle r = new Rectangle(x, y, Math.max(0, w), Math.max(0, h));
    r.setFill(Color.rgb(0, 0, 0, 0.55));
    return r;
  }

  /** Right of the highlight if it fits, else below, left, above; centred when nothing is lit. */
  private double[] calloutPosition(double w, double h, double cw, double ch) {
    Bounds b = highlighted;
    if (b == null) {
      return new double[] {(w - cw) / 2, (h - ch) / 2};
    }
    double x;
    double y;
    if (b.getMaxX() + PAD + GAP + cw <= w) {
      x = b.getMaxX() + PAD + GAP;
      y = b.getMinY();
    } else if (b.getMaxY() + PAD + GAP + ch <= h) {
      x = b.getMinX();
      y = b.getMaxY() + PAD + GAP;
    } else if (b.getMinX() - PAD - GAP - cw >= 0) {
      x = b.getMinX() - PAD - GAP - cw;
      y = b.getMinY();
    } else if (b.getMinY() - PAD - GAP - ch >= 0) {
      x = b.getMinX();
      y = b.getMinY() - PAD - GAP - ch;
    } else {
      // The highlight fills the window: put the callout inside it, bottom right.
      x = b.getMaxX() - cw - GAP;
      y = b.getMaxY() - ch - GAP;
    }
    x = Math.max(GAP, Math.min(x, w - cw - GAP));
    y = Math.max(GAP, Math.min(y, h - ch - GAP));
    return new double[] {x, y};
  }
}
