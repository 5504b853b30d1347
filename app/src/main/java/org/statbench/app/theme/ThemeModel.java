package org.statbench.app.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.statbench.app.workspace.WorkspacePreferences;

/**
 * The chosen theme and presenter mode (larger text), remembered in the user's preferences. The view
 * side ({@link ThemeStyler}) turns them into stylesheets on every window.
 */
public final class ThemeModel {
  static final String THEME_KEY = "view.theme";
  static final String PRESENTER_KEY = "view.presenter";

  private final WorkspacePreferences preferences;
  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
  private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter");

  /** Reads the remembered choice (light, normal text when none or unreadable). */
  public ThemeModel(WorkspacePreferences preferences) {
    this.preferences = Objects.requireNonNull(preferences);
    theme.set(parse(preferences.value(THEME_KEY).orElse(null)));
    presenter.set(Boolean.parseBoolean(preferences.value(PRESENTER_KEY).orElse("false")));
    theme.addListener((obs, old, now) -> remember());
    presenter.addListener((obs, old, now) -> remember());
  }

  // Properties

  /** The colour theme; never null (setting null means light). */
  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  /** Presenter mode: larger text in any theme. */
  public BooleanProperty presenterProperty() {
    return presenter;
  }

  /** Observables whose change changes {@link #stylesheets()}. */
  public Observable[] dependencies() {
    return new Observable[] {theme, presenter};
  }

  /**
   * The stylesheet resource names (next to this class) to add on top of the application's own, in
   * order: the theme's, then presenter mode's.
   */
  public List<String> stylesheets() {
    List<String> out = new ArrayList<>();
    Theme t = theme.get() == null ? Theme.LIGHT : theme.get();
    if (t.stylesheet() != null) {
      out.add(t.stylesheet());
    }
    if (presenter.get()) {
      out.add("presenter.css");
    }
    return out;
  }

  /**
   * The theme as a lower-case word with dashes: {@code light}, {@code dark}, {@code high-contrast}.
   */
  public String themeName() {
    Theme t = theme.get() == null ? Theme.LIGHT : theme.get();
    return t.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  // Commands

  /** Switches to the next theme (light, dark, high contrast, light, ...). */
  public void cycleTheme() {
    Theme t = theme.get() == null ? Theme.LIGHT : theme.get();
    theme.set(Theme.values()[(t.ordinal() + 1) % Theme.values().length]);
  }

  private void remember() {
    try {
      preferences.remember(THEME_KEY, themeName());
      preferences.remember(PRESENTER_KEY, Boolean.toString(presenter.get()));
    } catch (RuntimeException e) {
      // A read-only home only loses the memory of the choice, not the choice itself.
    }
  }

  private static Theme parse(String v) {
    if (v != null) {
      for (Theme t : Theme.values()) {
        if (t.name().equalsIgnoreCase(v.trim().replace('-', '_'))) {
          return t;
        }
      }
    }
    return Theme.LIGHT;
  }
}
