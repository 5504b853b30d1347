package org.statbench.app.theme;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Applies a {@link ThemeModel} to every window of the application, including dialogs and wizards
 * opened later: each scene gets the theme's stylesheets after its own (and loses them when the
 * choice changes), and its root the style classes {@code theme-<name>} and, in presenter mode,
 * {@code presenter}. Like JavaFX's user-agent stylesheet the theme is one per application: the
 * model installed last is the one followed. FX thread only.
 */
public final class ThemeStyler {
  private static final String PACKAGE_PATH = "/org/statbench/app/theme/";
  private static ThemeModel active;
  private static boolean watchingWindows;

  private ThemeStyler() {}

  /**
   * Makes {@code model} the application's theme and applies it to all present and future windows.
   */
  public static void install(ThemeModel model) {
    active = Objects.requireNonNull(model);
    for (javafx.beans.Observable o : model.dependencies()) {
      o.addListener(
          obs -> {
            if (active == model) {
              applyToAllWindows();
            }
          });
    }
    if (!watchingWindows) {
      watchingWindows = true;
      Window.getWindows()
          .addListener(
              (ListChangeListener<Window>)
                  c -> {
                    while (c.next()) {
                      c.getAddedSubList().forEach(ThemeStyler::watch);
                    }
                  });
      List.copyOf(Window.getWindows()).forEach(ThemeStyler::watch);
    }
    applyToAllWindows();
  }

  private static void applyToAllWindows() {
    List.copyOf(Window.getWindows()).forEach(w -> apply(w.getScene()));
  }

  private static void watch(Window w) {
    apply(w.getScene());
    w.sceneProperty().addListener((obs, old, now) -> apply(now));
  }

  /** Applies the installed choice to one scene (e.g. one not shown in a window yet). */
  public static void apply(Scene scene) {
    ThemeModel model = active;
    if (scene == null || model == null) {
      return;
    }
    ObservableList<String> sheets = scene.getStylesheets();
    sheets.removeIf(s -> s.contains(PACKAGE_PATH));
    for (String name : model.stylesheets()) {
      sheets.add(url(name));
    }
    if (scene.getRoot() != null) {
      ObservableList<String> classes = scene.getRoot().getStyleClass();
      classes.removeIf(c -> c.startsWith("theme-") || c.equals("presenter"));
      classes.add("theme-" + model.themeName());
      if (model.presenterProperty().get()) {
        classes.add("presenter");
      }
    }
  }

  /** The external form of a theme stylesheet resource. */
  static String url(String name) {
    URL u = ThemeStyler.class.getResource(name);
    if (u == null) {
      throw new IllegalStateException("missing stylesheet " + PACKAGE_PATH + name);
    }
    return u.toExternalForm();
  }
}
