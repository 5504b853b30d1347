package org.statbench.app.join;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.AppMenu;
import org.statbench.app.shell.Feature;

/**
 * The Joins tab (the join form) and the Table menu's "Join classification or geography…", which
 * opens the same form in its own window.
 */
public final class JoinsFeature implements Feature {
  @Override
  public String id() {
    return "joins";
  }

  @Override
  public String title() {
    return "Joins";
  }

  @Override
  public Node createContent(AppContext context) {
    return new JoinView(
            new JoinViewModel(
                context,
                r ->
                    org.statbench.app.disclosurepanel.DisclosurePanelView.askJustification(
                        context.dialogs(), r)))
        .node();
  }

  @Override
  public List<MenuItem> menuItems(AppMenu menu, AppContext context) {
    if (menu != AppMenu.TABLE) {
      return List.of();
    }
    MenuItem item = new MenuItem("Join classification or geography…");
    item.setId("menuJoin");
    item.setAccelerator(KeyCombination.keyCombination("Shortcut+J"));
    item.setOnAction(
        e -> {
          Stage stage = new Stage();
          stage.setTitle("Join classification or geography");
          stage.initModality(Modality.WINDOW_MODAL);
          javafx.stage.Window owner =
              item.getParentPopup() == null ? null : item.getParentPopup().getOwnerWindow();
          if (owner != null) {
            stage.initOwner(owner);
          }
          Scene scene = new Scene((javafx.scene.Parent) createContent(context), 980, 640);
          if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
          }
          stage.setScene(scene);
          stage.show();
        });
    return List.of(item);
  }
}
