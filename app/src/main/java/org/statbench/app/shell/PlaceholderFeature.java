package org.statbench.app.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * A tab or panel whose feature is not part of this build yet: shows its title and a sentence saying
 * what will be there. Replace its line in {@link Features} with the real feature.
 */
public record PlaceholderFeature(String id, String title, String description) implements Feature {
  @Override
  public Node createContent(AppContext context) {
    Label l = new Label(description);
    l.setWrapText(true);
    l.getStyleClass().add("placeholder-text");
    StackPane p = new StackPane(l);
    p.setAlignment(Pos.CENTER);
    p.setMinWidth(0);
    return p;
  }
}
