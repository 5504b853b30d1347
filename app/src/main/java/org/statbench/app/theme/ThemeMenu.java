package org.statbench.app.theme;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/**
 * The View menu's theme entries: a Theme submenu (light, dark, high contrast), presenter mode
 * (larger text) and a shortcut to cycle themes, bound both ways to a {@link ThemeModel}.
 */
public final class ThemeMenu {
  private ThemeMenu() {}

  /** Menu items for the View menu, starting with a separator. */
  public static List<MenuItem> items(ThemeModel model) {
    Menu themes = new Menu("Theme");
    themes.setId("menuTheme");
    ToggleGroup group = new ToggleGroup();
    for (Theme t : Theme.values()) {
      RadioMenuItem item = new RadioMenuItem(t.title());
      item.setId("menuTheme-" + t.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      item.setToggleGroup(group);
      item.setUserData(t);
      item.setSelected(model.themeProperty().get() == t);
      item.setOnAction(e -> model.themeProperty().set(t));
      themes.getItems().add(item);
    }
    model
        .themeProperty()
        .addListener(
            (obs, old, now) ->
                group.getToggles().stream()
                    .filter(t -> t.getUserData() == now)
                    .findFirst()
                    .ifPresent(t -> t.setSelected(true)));
    MenuItem next = new MenuItem("Next theme");
    next.setId("menuNextTheme");
    next.setAccelerator(KeyCombination.valueOf("Shortcut+Shift+T"));
    next.setOnAction(e -> model.cycleTheme());
    themes.getItems().addAll(new SeparatorMenuItem(), next);

    CheckMenuItem presenter = new CheckMenuItem("Presenter mode (larger text)");
    presenter.setId("menuPresenter");
    presenter.setAccelerator(KeyCombination.valueOf("Shortcut+Shift+P"));
    presenter.selectedProperty().bindBidirectional(model.presenterProperty());
    return List.of(new SeparatorMenuItem(), themes, presenter);
  }
}
