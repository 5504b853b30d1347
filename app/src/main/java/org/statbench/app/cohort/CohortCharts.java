package org.statbench.app.cohort;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.statbench.cohort.CellStatus;
import org.statbench.cohort.CohortRow;
import org.statbench.cohort.CohortTable;
import org.statbench.cohort.Estimator;
import org.statbench.cohort.HorizonMeasure;

/**
 * The Cohorts tab's charts and cell colours as plain code (JFreeChart models, no JavaFX nodes), so
 * the view only places them and the released chart image draws exactly the same: the curves chart
 * with 95% bands, the fixed-horizon chart, the triangle's heat colour and the texts of tooltips.
 * Stateless.
 */
final class CohortCharts {
  private CohortCharts() {}

  private static final Color[] PALETTE = {
    new Color(0x2b6cb0),
    new Color(0xdd6b20),
    new Color(0x2f855a),
    new Color(0xc53030),
    new Color(0x6b46c1),
    new Color(0x975a16),
    new Color(0xd53f8c),
    new Color(0x4a5568),
    new Color(0x00a3c4),
    new Color(0x718096)
  };

  /**
   * The style of a triangle cell: shaded by its share of the maximum ({@code max} and above at full
   * strength), see {@link HeatShade}.
   */
  static String heatStyle(double cumulative, double max) {
    return HeatShade.style(cumulative / max);
  }

  /** The tooltip of a triangle cell without a value: censored or an empty cohort. */
  static String describeNoValue(CohortRow r, String unitWord) {
    return r.cohort()
        + ", "
        + unitWord
        + " "
        + r.duration()
        + ": "
        + (r.status() == CellStatus.CENSORED ? "not yet observed (censored)" : "empty cohort")
        + "\nat risk "
        + r.atRisk()
        + ", events so far "
        + r.events();
  }

  static String describe(CohortRow r, String unitWord) {
    String who =
        r.group().isEmpty() ? r.cohort() : r.cohort() + " · " + String.join(" / ", r.group());
    return String.format(
        Locale.ROOT,
        "%s, %s %d: %s (95%% CI %s – %s)%nat risk %,d, events %,d",
        who,
        unitWord,
        r.duration(),
        pct(r.cumulative()),
        pct(r.lower()),
        pct(r.upper()),
        r.atRisk(),
        r.events());
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  static String unitWord(CohortTable t) {
    return switch (t.spec().unit()) {
      case DAYS -> "day";
      case WEEKS -> "week";
      case MONTHS -> "month";
    };
  }

  static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A blank chart showing a message (a viewer always needs a chart). */
  static JFreeChart emptyChart(String message) {
    XYPlot plot = new XYPlot();
    plot.setNoDataMessage(message);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    JFreeChart chart = new JFreeChart(null, null, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /**
   * The curves chart: one line per curve with its 95% band (points without a value are not drawn).
   * Also draws the released curves of an exported chart.
   */
  static JFreeChart curvesChart(CohortTable t, List<Curve> curves, CurveSource source) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    List<List<CohortRow>> points = new ArrayList<>();
    // A curve with a gap (points withheld in an exported chart) is drawn as separate runs of
    // consecutive durations in one colour, so no line is drawn across what is not known.
    List<Integer> colourOf = new ArrayList<>();
    for (int ci = 0; ci < curves.size(); ci++) {
      Curve c = curves.get(ci);
      YIntervalSeries s = null;
      List<CohortRow> drawn = null;
      int previous = Integer.MIN_VALUE;
      int runs = 0;
      for (CohortRow p : c.points()) {
        if (!p.hasValue()) {
          continue;
        }
        if (s == null || p.duration() != previous + 1) {
          s =
              new YIntervalSeries(
                  runs == 0 ? c.label() : c.label() + " #" + (runs + 1), false, true);
          drawn = new ArrayList<>();
          data.addSeries(s);
          points.add(drawn);
          colourOf.add(runs == 0 ? ci : -1 - ci);
          runs++;
        }
        s.add(p.duration(), p.cumulative(), p.lower(), p.upper());
        drawn.add(p);
        previous = p.duration();
      }
    }
    String unitWord = unitWord(t);
    NumberAxis x = new NumberAxis(capital(unitWord) + "s since entry");
    x.setRange(0, Math.max(1, t.horizon()));
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis y = new NumberAxis("Cumulative proportion");
    y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
    y.setAutoRangeIncludesZero(true);
    // a flat curve at 0 would otherwise get an axis of identical "0%" labels
    y.setAutoRangeMinimumSize(0.05);
    DeviationRenderer r = new DeviationRenderer(true, true);
    r.setAlpha(0.12f);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      int colour = colourOf.get(i) >= 0 ? colourOf.get(i) : -1 - colourOf.get(i);
      Color c = PALETTE[colour % PALETTE.length];
      r.setSeriesVisibleInLegend(i, colourOf.get(i) >= 0);
      r.setSeriesPaint(i, c);
      r.setSeriesFillPaint(i, c);
      r.setSeriesStroke(i, new BasicStroke(2f));
      r.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
    }
    r.setDefaultToolTipGenerator(
        (dataset, series, item) -> describe(points.get(series).get(item), unitWord));
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xe2e8f0));
    plot.setRangeGridlinePaint(new Color(0xe2e8f0));
    String est =
        t.spec().competing() != null && t.spec().estimator() == Estimator.KAPLAN_MEIER
            ? "Aalen-Johansen"
            : source == CurveSource.GROUPS || t.spec().estimator() == Estimator.KAPLAN_MEIER
                ? "Kaplan-Meier"
                : "cohort proportion";
    JFreeChart chart =
        new JFreeChart(
            "With the event by " + unitWord + " since entry (" + est + ", 95% CI)",
            new Font(Font.SANS_SERIF, Font.BOLD, 12),
            plot,
            true);
    chart.setBackgroundPaint(Color.WHITE);
    // Beside the plot rather than under it: the curves pane is short, and one legend row per
    // few cohorts would leave the plot no height.
    chart.getLegend().setPosition(RectangleEdge.RIGHT);
    return chart;
  }

  /**
   * The fixed-horizon measure by cohort (bars, or one line per group); NaN proportions are gaps.
   * Also draws the released measures of an exported chart.
   */
  static JFreeChart horizonChart(CohortTable t, List<HorizonMeasure> measures) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int groups = t.groups().size();
    for (int i = 0; i < measures.size(); i++) {
      HorizonMeasure m = measures.get(i);
      String series = m.group().isEmpty() ? "Within " + t.horizon() : String.join(" / ", m.group());
      data.addValue(Double.isNaN(m.proportion()) ? null : m.proportion(), series, m.cohort());
    }
    String unitWord = unitWord(t);
    CategoryAxis x = new CategoryAxis("Cohort");
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
    NumberAxis y = new NumberAxis("With the event within " + t.horizon() + " " + unitWord + "s");
    y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
    y.setAutoRangeMinimumSize(0.05);
    CategoryItemRenderer r;
    if (groups == 1) {
      BarRenderer bars = new BarRenderer();
      bars.setBarPainter(new StandardBarPainter());
      bars.setShadowVisible(false);
      bars.setSeriesPaint(0, PALETTE[0]);
      r = bars;
    } else {
      LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
      for (int i = 0; i < groups; i++) {
        lines.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      }
      r = lines;
    }
    r.setDefaultToolTipGenerator(
        (dataset, row, column) -> {
          HorizonMeasure m = measures.get(column * groups + row);
          return String.format(
              Locale.ROOT,
              "%s%s: %s within %d %ss (95%% CI %s – %s)%n%,d of %,d",
              m.cohort(),
              m.group().isEmpty() ? "" : " · " + String.join(" / ", m.group()),
              pct(m.proportion()),
              t.horizon(),
              unitWord,
              pct(m.lower()),
              pct(m.upper()),
              m.events(),
              m.size());
        });
    CategoryPlot plot = new CategoryPlot(data, x, y, r);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xe2e8f0));
    JFreeChart chart =
        new JFreeChart(
            "Within " + t.horizon() + " " + unitWord + "s, cohorts old enough",
            new Font(Font.SANS_SERIF, Font.BOLD, 12),
            plot,
            groups > 1);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
