package org.statbench.app.shell;

import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.testfx.api.FxRobot;

/** The View menu's theme and presenter items, for tests that switch the window's look. */
public final class ViewMenu {
  private ViewMenu() {}

  /** An item of the View menu by id, or of its submenu {@code submenu} (e.g. menuTheme). */
  public static MenuItem item(FxRobot robot, String submenu, String id) {
    List<MenuItem> items =
        robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
            .filter(m -> m.getText().equals("View"))
            .findFirst()
            .orElseThrow()
            .getItems();
    if (submenu != null) {
      items =
          ((Menu) items.stream().filter(i -> submenu.equals(i.getId())).findFirst().orElseThrow())
              .getItems();
    }
    return items.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
  }

  /** Chooses a theme ({@code light}, {@code dark}, {@code high-contrast}) and presenter mode. */
  public static void look(FxRobot robot, String theme, boolean presenter) {
    item(robot, "menuTheme", "menuTheme-" + theme).fire();
    ((CheckMenuItem) item(robot, null, "menuPresenter")).setSelected(presenter);
  }
}
