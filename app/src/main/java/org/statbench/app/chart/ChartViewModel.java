package org.statbench.app.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.numbers.MeasureNames;
import org.statbench.app.shell.CurrentTable;
import org.statbench.core.table.Dimension;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;

/**
 * The Chart tab's state: the table to chart (normally followed from {@link CurrentTable}), the
 * chart type, whether margins are drawn, and the resulting {@link ChartData}.
 *
 * <p>Mapping: categories are the combinations of the row dimensions' categories (nested rows are
 * joined with {@code " / "}), series the combinations of the column dimensions' categories (one
 * series named after the measure when there are no columns), values those of the wafer shown.
 * Margins (totals and roll-up subtotals) are left out unless {@link #includeTotalsProperty()} is
 * set, so bars compare like with like. FX thread only.
 */
public final class ChartViewModel {
  private final ReadOnlyObjectWrapper<Table> table = new ReadOnlyObjectWrapper<>(this, "table");
  private final ReadOnlyObjectWrapper<List<Integer>> wafer =
      new ReadOnlyObjectWrapper<>(this, "wafer", List.of());
  private final ObjectProperty<ChartType> chartType =
      new SimpleObjectProperty<>(this, "chartType", ChartType.BAR);
  private final BooleanProperty includeTotals =
      new SimpleBooleanProperty(this, "includeTotals", false);
  private final ReadOnlyObjectWrapper<ChartData> data =
      new ReadOnlyObjectWrapper<>(this, "data", ChartData.EMPTY);
  private final ObservableList<ChartType> chartTypes =
      FXCollections.observableArrayList(ChartType.values());
  private List<String> filters = List.of();

  /** A view model that charts whatever is set with {@link #show}. */
  public ChartViewModel() {
    table.addListener((o, a, b) -> update());
    wafer.addListener((o, a, b) -> update());
    includeTotals.addListener((o, a, b) -> update());
    chartType.addListener(
        (o, a, b) -> {
          if (b == null || !chartTypes.contains(b)) {
            chartType.set(ChartType.BAR);
          }
        });
  }

  /** A view model following the application's current table and its wafer. */
  public ChartViewModel(CurrentTable current) {
    this();
    current.tableProperty().addListener((o, a, b) -> show(b, current.waferProperty().get()));
    current.waferProperty().addListener((o, a, b) -> show(current.table(), b));
    // survey estimates: their intervals are drawn as error bars
    current
        .surveyProperty()
        .addListener(
            (o, a, b) -> {
              intervals = b;
              update();
            });
    current.filtersProperty().addListener((o, a, b) -> showFilters(b));
    filters = current.filtersProperty().get();
    show(current.table(), current.waferProperty().get());
  }

  // Properties

  /** The table charted, or null. */
  public ReadOnlyObjectProperty<Table> tableProperty() {
    return table.getReadOnlyProperty();
  }

  /** Bar, stacked bar or line. */
  public ObjectProperty<ChartType> chartTypeProperty() {
    return chartType;
  }

  /** Whether totals and subtotals are drawn as categories and series (default false). */
  public BooleanProperty includeTotalsProperty() {
    return includeTotals;
  }

  /**
   * The chart types that suit the table's measure: stacked bars only for additive measures (counts
   * and sums), since medians or means of parts do not add up to anything.
   */
  public ObservableList<ChartType> chartTypes() {
    return chartTypes;
  }

  /** What to draw; {@link ChartData#EMPTY} when there is no table. */
  public ReadOnlyObjectProperty<ChartData> dataProperty() {
    return data.getReadOnlyProperty();
  }

  public ChartData data() {
    return data.get();
  }

  // Commands

  /**
   * Charts a table (null for none) at a wafer: one position per wafer dimension (missing positions
   * mean the wafers' totals, or their first category when a wafer has no total).
   */
  public void show(Table t, List<Integer> waferPositions) {
    wafer.set(waferPositions == null ? List.of() : List.copyOf(waferPositions));
    if (table.get() == t) {
      update();
    } else {
      table.set(t);
    }
  }

  private CurrentTable.SurveyCells intervals;

  /** Sets the filters the table was computed under, in words (they go into the title). */
  public void showFilters(List<String> inWords) {
    filters = inWords == null ? List.of() : List.copyOf(inWords);
    update();
  }

  private void update() {
    Table t = table.get();
    boolean stackable = t == null || t.measure().kind().isAdditive();
    if (stackable != chartTypes.contains(ChartType.STACKED_BAR)) {
      if (stackable) {
        chartTypes.setAll(ChartType.values());
      } else {
        chartTypes.remove(ChartType.STACKED_BAR);
      }
    }
    if (!chartTypes.contains(chartType.get())) {
      chartType.set(ChartType.BAR);
    }
    CurrentTable.SurveyCells s =
        intervals != null && t != null && intervals.tableHash().equals(t.hash()) ? intervals : null;
    data.set(chartData(t, wafer.get(), includeTotals.get(), filters, s));
  }

  /** The chart data of a table at a wafer. */
  static ChartData chartData(Table t, List<Integer> waferPositions, boolean totals) {
    return chartData(t, waferPositions, totals, List.of(), null);
  }

  /**
   * The chart data of a table at a wafer, computed under some filters (in words), with the
   * intervals of its survey estimates if given.
   */
  static ChartData chartData(
      Table t,
      List<Integer> waferPositions,
      boolean totals,
      List<String> filters,
      CurrentTable.SurveyCells survey) {
    if (t == null) {
      return ChartData.EMPTY;
    }
    List<Dimension> dims = t.dimensions();
    List<Integer> rows = new ArrayList<>();
    List<Integer> cols = new ArrayList<>();
    List<Integer> wafers = new ArrayList<>();
    for (int d = 0; d < dims.size(); d++) {
      DimensionRole r = dims.get(d).role();
      (r == DimensionRole.ROW ? rows : r == DimensionRole.COLUMN ? cols : wafers).add(d);
    }
    int[] coord = new int[dims.size()];
    StringBuilder waferText = new StringBuilder();
    for (int i = 0; i < wafers.size(); i++) {
      Dimension w = dims.get(wafers.get(i));
      int pos =
          i < waferPositions.size() && waferPositions.get(i) < w.size()
              ? waferPositions.get(i)
              : (w.total() ? w.totalIndex() : 0);
      coord[wafers.get(i)] = pos;
      waferText.append(", ");
      waferText
          .append(w.label())
          .append(": ")
          .append(w.isTotal(pos) ? "all" : w.categories().get(pos).label());
    }
    List<int[]> rowCombos = combos(dims, rows, totals);
    List<int[]> colCombos = combos(dims, cols, totals);
    List<String> categories = new ArrayList<>();
    for (int[] rc : rowCombos) {
      categories.add(label(dims, rows, rc, MeasureNames.of(t.measure())));
    }
    List<ChartData.Series> series = new ArrayList<>();
    for (int[] cc : colCombos) {
      List<Double> values = new ArrayList<>();
      List<Double> lower = new ArrayList<>();
      List<Double> upper = new ArrayList<>();
      for (int[] rc : rowCombos) {
        for (int i = 0; i < rows.size(); i++) {
          coord[rows.get(i)] = rc[i];
        }
        for (int i = 0; i < cols.size(); i++) {
          coord[cols.get(i)] = cc[i];
        }
        values.add(t.value(t.index(coord)));
        if (survey != null) {
          lower.add(survey.lower()[t.index(coord)]);
          upper.add(survey.upper()[t.index(coord)]);
        }
      }
      series.add(
          new ChartData.Series(
              label(dims, cols, cc, MeasureNames.of(t.measure())), values, lower, upper));
    }
    List<Integer> by = new ArrayList<>(rows);
    by.addAll(cols);
    String title =
        MeasureNames.of(t.measure())
            + (by.isEmpty() ? "" : " by " + names(dims, by))
            + waferText
            + (filters.isEmpty() ? "" : ", filter: " + String.join("; ", filters));
    return new ChartData(
        title, names(dims, rows), MeasureNames.of(t.measure()), categories, series);
  }

  /** Every combination of positions of the given dimensions, margins only when asked. */
  private static List<int[]> combos(List<Dimension> dims, List<Integer> which, boolean totals) {
    List<int[]> out = new ArrayList<>();
    out.add(new int[which.size()]);
    for (int i = 0; i < which.size(); i++) {
      Dimension d = dims.get(which.get(i));
      List<int[]> next = new ArrayList<>();
      for (int[] c : out) {
        for (int p = 0; p < d.size(); p++) {
          if (!totals && d.isMargin(p)) {
            continue;
          }
          int[] n = c.clone();
          n[i] = p;
          next.add(n);
        }
      }
      out = next;
    }
    return out;
  }

  private static String label(List<Dimension> dims, List<Integer> which, int[] c, String none) {
    if (which.isEmpty()) {
      return none;
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < which.size(); i++) {
      Dimension d = dims.get(which.get(i));
      parts.add(d.isTotal(c[i]) ? "Total" : d.categories().get(c[i]).label());
    }
    return String.join(" / ", parts);
  }

  private static String names(List<Dimension> dims, List<Integer> which) {
    List<String> n = new ArrayList<>();
    for (int d : which) {
      n.add(dims.get(d).label());
    }
    if (n.size() <= 1) {
      return String.join("", n);
    }
    return String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
  }
}
