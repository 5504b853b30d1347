package org.statbench.app.theme;

import java.util.Locale;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Widths in em, the size of the text a theme gives a control, so that combo boxes, pickers and
 * panels widen with presenter mode's larger text instead of eliding their labels. A pixel width
 * fits only the one text size it was chosen at.
 */
public final class Em {
  private Em() {}

  /**
   * Sets a region's preferred width to {@code em} times its font size (CSS, so it follows a theme
   * change while shown). Keeps the region's other inline style.
   */
  public static <R extends Region> R prefWidth(R region, double em) {
    return style(region, "-fx-pref-width", em);
  }

  /** Sets a region's minimum width to {@code em} times its font size, as {@link #prefWidth}. */
  public static <R extends Region> R minWidth(R region, double em) {
    return style(region, "-fx-min-width", em);
  }

  /**
   * The width of the widest of {@code texts} in em, measured in bold (column headers are), so that
   * a box {@code of(...)} plus its arrow and padding wide shows each text whole at any text size.
   */
  public static double of(Iterable<String> texts) {
    Font font = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 100);
    double widest = 0;
    for (String s : texts) {
      Text t = new Text(s);
      t.setFont(font);
      widest = Math.max(widest, t.getLayoutBounds().getWidth() / 100);
    }
    return widest;
  }

  private static <R extends Region> R style(R region, String property, double em) {
    String own = region.getStyle() == null ? "" : region.getStyle().trim();
    String width = String.format(Locale.ROOT, "%s: %.2fem;", property, em);
    region.setStyle(own.isEmpty() ? width : own + (own.endsWith(";") ? " " : "; ") + width);
    return region;
  }
}
