package org.statbench.app.shell;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.statbench.core.table.Table;

/**
 * The table the analyst is working on, shared by the features that follow it: the table builder
 * publishes it; the Chart tab and the Disclosure panel observe it. All properties change on the FX
 * thread only.
 *
 * <ul>
 *   <li>{@link #tableProperty()}: the latest computed {@link Table} (exact values, margins
 *       included), or null when there is none (no dataset, empty spec, or a failed computation). It
 *       is replaced as a whole whenever the builder recomputes; a listener may keep a reference.
 *   <li>{@link #waferProperty()}: the wafer (layer) the grid shows, as one position per wafer
 *       dimension of the table (empty when the table has no wafers). Always valid for the current
 *       table.
 *   <li>{@link #computingProperty()}: true while a newer table is being computed (the current one
 *       is then stale but still shown).
 * </ul>
 */
public final class CurrentTable {
  private final ReadOnlyObjectWrapper<Table> table = new ReadOnlyObjectWrapper<>(this, "table");
  private final ReadOnlyObjectWrapper<List<Integer>> wafer =
      new ReadOnlyObjectWrapper<>(this, "wafer", List.of());
  private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
  private final ReadOnlyObjectWrapper<CellMarks> cellMarks =
      new ReadOnlyObjectWrapper<>(this, "cellMarks", CellMarks.NONE);
  private final javafx.beans.property.StringProperty name =
      new javafx.beans.property.SimpleStringProperty(this, "name", "table");
  private final ReadOnlyObjectWrapper<List<String>> filters =
      new ReadOnlyObjectWrapper<>(this, "filters", List.of());
  private final ReadOnlyObjectWrapper<Integer> requestedCell =
      new ReadOnlyObjectWrapper<>(this, "requestedCell");

  // Properties

  /** The current table, or null. */
  public ReadOnlyObjectProperty<Table> tableProperty() {
    return table.getReadOnlyProperty();
  }

  public Table table() {
    return table.get();
  }

  /** Positions of the shown wafer in each wafer dimension of the table. */
  public ReadOnlyObjectProperty<List<Integer>> waferProperty() {
    return wafer.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty computingProperty() {
    return computing.getReadOnlyProperty();
  }

  /**
   * Highlights of the current table's cells (failing, withheld), published by the Disclosure panel
   * and drawn by the grid; they carry the hash of the table they belong to.
   */
  public ReadOnlyObjectProperty<CellMarks> cellMarksProperty() {
    return cellMarks.getReadOnlyProperty();
  }

  /** Publishes cell highlights (called by the Disclosure panel). */
  public void publishCellMarks(CellMarks marks) {
    cellMarks.set(marks == null ? CellMarks.NONE : marks);
  }

  /**
   * The current table's name (its saved definition's, else one made of its variables), set by the
   * table builder: save dialogs suggest {@code <name>.xlsx}.
   */
  public javafx.beans.property.StringProperty nameProperty() {
    return name;
  }

  /**
   * The survey estimates of the current table (standard errors, intervals, quality flags),
   * published by the table builder's survey display when the dataset has a design; they carry the
   * hash of the table they belong to. Exports attach the flags; the chart draws the intervals.
   */
  public ReadOnlyObjectProperty<SurveyCells> surveyProperty() {
    return survey.getReadOnlyProperty();
  }

  /** The survey estimates of {@code t}, or null when {@code t} has none. */
  public SurveyCells surveyOf(Table t) {
    SurveyCells s = survey.get();
    return s != null && t != null && s.tableHash().equals(t.hash()) ? s : null;
  }

  /** Publishes the survey estimates of the current table (null: none). */
  public void publishSurvey(SurveyCells cells) {
    survey.set(cells);
  }

  private final ReadOnlyObjectWrapper<SurveyCells> survey =
      new ReadOnlyObjectWrapper<>(this, "survey");

  /**
   * A table's survey estimates as the rest of the application needs them.
   *
   * @param tableHash {@code Table.hash()} of the table they belong to
   * @param columns flags, reasons and {@code se,lower,upper,cv,n} for a release
   * @param lower per cell the interval's lower end (NaN where undefined)
   * @param upper per cell the interval's upper end
   */
  public record SurveyCells(
      String tableHash,
      org.statbench.export.SurveyColumns columns,
      double[] lower,
      double[] upper) {}

  /**
   * A cell (table index) someone asked the grid to select, e.g. from the Disclosure panel's list.
   */
  public ReadOnlyObjectProperty<Integer> requestedCellProperty() {
    return requestedCell.getReadOnlyProperty();
  }

  /** Asks the grid to select and show a cell of the current table (by its table index). */
  public void requestCell(int index) {
    requestedCell.set(null); // the same cell twice still selects it again
    requestedCell.set(index);
  }

  /** The filters the current table was computed under, in words ({@code year in 2024}). */
  public ReadOnlyObjectProperty<List<String>> filtersProperty() {
    return filters.getReadOnlyProperty();
  }

  /**
   * A table another tab shows in place of the builder's while that tab is in front (the Cohorts
   * tab's count table, or its status mode's), with the name its files get.
   *
   * @param owner who put it there (only the owner takes it away)
   * @param table the table, or null while the tab has none computed
   */
  public record Shown(Object owner, Table table, String name) {}

  private final ReadOnlyObjectWrapper<Shown> shownInstead =
      new ReadOnlyObjectWrapper<>(this, "shownInstead");
  private final javafx.beans.binding.ObjectBinding<Table> visibleTable =
      javafx.beans.binding.Bindings.createObjectBinding(
          () -> shownInstead.get() == null ? table.get() : shownInstead.get().table(),
          shownInstead,
          table);
  private final javafx.beans.binding.StringBinding visibleName =
      javafx.beans.binding.Bindings.createStringBinding(
          () -> shownInstead.get() == null ? name.get() : shownInstead.get().name(),
          shownInstead,
          name);

  /**
   * The table of the feature in front: the one a tab {@link #showInstead shows instead} while it is
   * in front, else the builder's. The Disclosure panel follows it.
   */
  public javafx.beans.binding.ObjectBinding<Table> visibleTableProperty() {
    return visibleTable;
  }

  /** The name of {@link #visibleTableProperty()} (for the file names save dialogs suggest). */
  public javafx.beans.binding.StringBinding visibleNameProperty() {
    return visibleName;
  }

  /** Shows {@code shown}'s table in place of the builder's (a tab that came to the front). */
  public void showInstead(Shown shown) {
    shownInstead.set(shown);
  }

  /** Gives the builder's table back if {@code owner} is the one showing its own instead. */
  public void stopShowing(Object owner) {
    Shown s = shownInstead.get();
    if (s != null && s.owner() == owner) {
      shownInstead.set(null);
    }
  }

  // Commands (called by the table builder only)

  /** Publishes the filters of the current table, in words (for chart titles). */
  public void describeFilters(List<String> inWords) {
    filters.set(List.copyOf(inWords));
  }

  /** Publishes a newly computed table (or null) with the wafer to show. */
  public void publish(Table newTable, List<Integer> waferPositions) {
    wafer.set(List.copyOf(waferPositions));
    table.set(newTable);
  }

  /** Selects another wafer of the current table. */
  public void selectWafer(List<Integer> waferPositions) {
    wafer.set(List.copyOf(waferPositions));
  }

  public void setComputing(boolean value) {
    computing.set(value);
  }
}
