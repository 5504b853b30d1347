package org.statbench.app.theme;

/**
 * The main window's colour themes. Each is a stylesheet added on top of the application's own
 * ({@code statbench.css}) that re-defines JavaFX Modena's colour variables, so every control and
 * every feature's stylesheet that uses those variables follows.
 */
public enum Theme {
  /** JavaFX's default Modena look. */
  LIGHT("Light", null),
  /** Dark greys for dim rooms. */
  DARK("Dark", "dark.css"),
  /** Black, white and yellow with larger text, for projectors and low vision. */
  HIGH_CONTRAST("High contrast (projector)", "high-contrast.css");

  private final String title;
  private final String stylesheet;

  Theme(String title, String stylesheet) {
    this.title = title;
    this.stylesheet = stylesheet;
  }

  /** The menu text. */
  public String title() {
    return title;
  }

  /**
   * The theme's stylesheet as a resource name next to this class, or null when the theme is the
   * plain Modena look.
   */
  public String stylesheet() {
    return stylesheet;
  }
}
