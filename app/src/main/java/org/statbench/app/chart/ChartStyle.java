package org.statbench.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

/**
 * How charts look: colours from the window's theme (light, dark, high contrast), series in
 * Okabe-Ito's colour-blind-safe colours and, beyond them, the same colours hatched (so the ninth
 * series never repeats the first), and category labels that turn and wrap rather than being cut.
 */
public final class ChartStyle {
  /** The chart's part of a theme. */
  public enum Theme {
    LIGHT(Color.WHITE, new Color(0x1C2A38), new Color(0xD0D0D0)),
    DARK(new Color(0x23262A), new Color(0xE8EBEE), new Color(0x4A5058)),
    HIGH_CONTRAST(Color.BLACK, Color.WHITE, new Color(0x808080));

    final Color background;
    final Color text;
    final Color grid;

    Theme(Color background, Color text, Color grid) {
      this.background = background;
      this.text = text;
      this.grid = grid;
    }

    /** The chart and plot background. */
    public Color background() {
      return background;
    }

    /** Titles, legend and axis labels. */
    public Color text() {
      return text;
    }

    /** Grid and axis lines. */
    public Color grid() {
      return grid;
    }

    /** The theme for a window root's style classes ({@code theme-dark}, ...). */
    public static Theme of(java.util.Collection<String> rootClasses) {
      if (rootClasses.contains("theme-dark")) {
        return DARK;
      }
      return rootClasses.contains("theme-high-contrast") ? HIGH_CONTRAST : LIGHT;
    }
  }

  /**
   * Okabe-Ito without its black (invisible on a dark chart), plus grey: distinguishable with the
   * common colour-vision deficiencies.
   */
  static final Color[] PALETTE = {
    new Color(0x0072B2),
    new Color(0xE69F00),
    new Color(0x009E73),
    new Color(0xCC79A7),
    new Color(0x56B4E9),
    new Color(0xD55E00),
    new Color(0xF0E442),
    new Color(0x999999)
  };

  /** More categories than this turn their labels. */
  private static final int UPRIGHT_LABELS = 6;

  private ChartStyle() {}

  /**
   * The paint of a series: a palette colour, then the palette again hatched (one hatch direction
   * per further round), so every series differs from every other.
   */
  static Paint seriesPaint(int series) {
    Color c = PALETTE[series % PALETTE.length];
    int round = series / PALETTE.length;
    if (round == 0) {
      return c;
    }
    BufferedImage tile = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = tile.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(c);
    g.fillRect(0, 0, 8, 8);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(1.6f));
    switch (round % 3) {
      case 1 -> g.drawLine(0, 8, 8, 0); // diagonal
      case 2 -> g.drawLine(0, 4, 8, 4); // horizontal
      default -> {
        g.drawLine(0, 8, 8, 0);
        g.drawLine(0, 0, 8, 8); // crossed
      }
    }
    g.dispose();
    return new TexturePaint(tile, new Rectangle(0, 0, 8, 8));
  }

  /** The chart theme of the window a node is in (light when it is in none yet). */
  public static Theme themeOf(Node node) {
    Scene scene = node.getScene();
    return scene == null || scene.getRoot() == null
        ? Theme.LIGHT
        : Theme.of(scene.getRoot().getStyleClass());
  }

  /**
   * Calls {@code restyle} with the chart theme of the window {@code node} is in whenever it may
   * have changed: when the node enters a window and when the window's theme changes (its root's
   * style classes). Does not call it now.
   */
  public static void follow(Node node, Consumer<Theme> restyle) {
    ListChangeListener<String> themeChange = c -> restyle.accept(themeOf(node));
    node.sceneProperty()
        .addListener(
            (o, a, b) -> {
              if (a != null && a.getRoot() != null) {
                a.getRoot().getStyleClass().removeListener(themeChange);
              }
              if (b != null && b.getRoot() != null) {
                b.getRoot().getStyleClass().addListener(themeChange);
              }
              restyle.accept(themeOf(node));
            });
    if (node.getScene() != null && node.getScene().getRoot() != null) {
      node.getScene().getRoot().getStyleClass().addListener(themeChange);
    }
  }

  /** The window's text size in px without a theme's larger text (JavaFX's default font). */
  public static final double NORMAL_TEXT = 13;

  /**
   * The text size, in px, of the window a node is in: presenter mode's and the high-contrast
   * theme's root font sizes (presenter.css, high-contrast.css), else the normal size.
   */
  public static double textSize(Node node) {
    Scene scene = node.getScene();
    if (scene == null || scene.getRoot() == null) {
      return NORMAL_TEXT;
    }
    java.util.Collection<String> classes = scene.getRoot().getStyleClass();
    if (classes.contains("presenter")) {
      return 19;
    }
    return classes.contains("theme-high-contrast") ? 18 : NORMAL_TEXT;
  }

  /**
   * Paints a chart in a theme at the normal text size; see {@link #paint(JFreeChart, Theme,
   * double)}.
   */
  public static void paint(JFreeChart chart, Theme theme) {
    paint(chart, theme, NORMAL_TEXT);
  }

  /**
   * Paints any chart's backgrounds, titles, subtitles, legend, axes and grid lines in a theme (the
   * series keep their colours), with fonts scaled from the window's text size {@code textSize} (px)
   * so presenter mode's larger text reaches the charts too: title 1.25 times the text, axis labels
   * and subtitles the text size, tick labels and legend 0.85 times. Category and XY plots; a chart
   * changed this way redraws itself.
   */
  public static void paint(JFreeChart chart, Theme theme, double textSize) {
    float text = (float) textSize;
    float small = (float) (0.85 * textSize);
    chart.setBackgroundPaint(theme.background);
    if (chart.getTitle() != null) {
      chart.getTitle().setPaint(theme.text);
      chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(Font.BOLD, 1.25f * text));
    }
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      if (chart.getSubtitle(i) instanceof LegendTitle legend) {
        legend.setBackgroundPaint(theme.background);
        legend.setItemPaint(theme.text);
        legend.setItemFont(legend.getItemFont().deriveFont(small));
      } else if (chart.getSubtitle(i) instanceof TextTitle title) {
        title.setPaint(theme.text);
        title.setBackgroundPaint(null);
        title.setFont(title.getFont().deriveFont(text));
      }
    }
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(theme.background);
    plot.setNoDataMessagePaint(theme.text);
    List<Axis> axes = new ArrayList<>();
    if (plot instanceof CategoryPlot p) {
      p.setRangeGridlinePaint(theme.grid);
      p.setDomainGridlinePaint(theme.grid);
      axes.add(p.getDomainAxis());
      axes.add(p.getRangeAxis());
    } else if (plot instanceof XYPlot p) {
      p.setRangeGridlinePaint(theme.grid);
      p.setDomainGridlinePaint(theme.grid);
      axes.add(p.getDomainAxis());
      axes.add(p.getRangeAxis());
    }
    for (Axis axis : axes) {
      if (axis != null) {
        axis.setLabelPaint(theme.text);
        axis.setTickLabelPaint(theme.text);
        axis.setLabelFont(axis.getLabelFont().deriveFont(text));
        axis.setTickLabelFont(axis.getTickLabelFont().deriveFont(small));
        axis.setAxisLinePaint(theme.grid);
        axis.setTickMarkPaint(theme.grid);
      }
    }
  }

  static void apply(JFreeChart chart, ChartType type, Theme theme) {
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setOutlineVisible(false);
    paint(chart, theme);
    CategoryAxis categories = plot.getDomainAxis();
    ValueAxis values = plot.getRangeAxis();
    // Many or long categories: turn the labels and let them wrap, never cut to a letter.
    int n = plot.getDataset().getColumnCount();
    categories.setMaximumCategoryLabelLines(3);
    categories.setMaximumCategoryLabelWidthRatio(n > UPRIGHT_LABELS ? 4f : 1f);
    categories.setCategoryLabelPositions(
        n > UPRIGHT_LABELS ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
    CategoryItemRenderer r = plot.getRenderer();
    for (int i = 0; i < plot.getDataset().getRowCount(); i++) {
      r.setSeriesPaint(i, seriesPaint(i));
      r.setSeriesStroke(i, new BasicStroke(2.5f));
    }
    if (r instanceof BarRenderer bar) {
      bar.setBarPainter(new StandardBarPainter());
      bar.setShadowVisible(false);
      bar.setItemMargin(0.02);
    }
    if (r instanceof LineAndShapeRenderer line) {
      line.setDefaultShapesVisible(true);
      ((NumberAxis) values).setAutoRangeIncludesZero(false);
    }
    java.util.Objects.requireNonNull(type);
  }
}
