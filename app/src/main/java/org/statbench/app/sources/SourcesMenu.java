package org.statbench.app.sources;

import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.shape.SVGPath;
import org.statbench.app.shell.AppContext;

/** The Datasets menu's database items, and the database icon of the datasets list. */
public final class SourcesMenu {
  private SourcesMenu() {}

  /** Datasets > Connect to database… (installs the password prompt on first use). */
  public static MenuItem connectItem(AppContext context, Node anchor) {
    MenuItem item = new MenuItem("Connect to database…");
    item.setId("menuConnectDatabase");
    item.setOnAction(
        e -> {
          var window = anchor.getScene() == null ? null : anchor.getScene().getWindow();
          PasswordPrompt.install(context.dialogs());
          new ConnectDialog(new ConnectViewModel(context), window).show();
        });
    return item;
  }

  /** A small database (cylinder) icon for database sources in lists. */
  public static Node icon() {
    SVGPath p = new SVGPath();
    p.setContent(
        "M1 3 C1 1 11 1 11 3 L11 11 C11 13 1 13 1 11 Z M1 3 C1 5 11 5 11 3 M1 7 C1 9 11 9 11 7");
    p.getStyleClass().add("source-icon");
    p.setStyle("-fx-fill: transparent; -fx-stroke: -fx-text-base-color; -fx-stroke-width: 1.2;");
    return p;
  }
}
