package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.TestFixtures;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.spec.Percentage;
import org.statbench.core.table.Measure;
import org.statbench.core.table.MeasureKind;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import org.statbench.tabulate.TableView;

/** The builder's commands against a real workspace (people.csv: 60 records). */
class TableBuilderViewModelTest {
  @TempDir Path dir;
  private Workspace ws;
  private AppContext context;
  private RecordingDialogService dialogs;
  private TableBuilderViewModel model;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.open(dir.resolve("ws"));
    ws.importCsv(
        ImportRequest.of("people", TestFixtures.csv("people.csv")),
        ProgressListener.NONE,
        CancellationToken.NONE);
    SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    dialogs = new RecordingDialogService();
    WorkspaceModel wm =
        new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(dir.resolve("home")));
    wm.use(ws, ws.datasets());
    context = new AppContext(tasks, dialogs, wm);
    model = new TableBuilderViewModel(context);
  }

  @AfterEach
  void tearDown() {
    ws.close();
  }

  private List<String> rowLabels() {
    GridLayout g = model.layoutProperty().get();
    return g.rows().stream().map(k -> g.rowHeader(k, 0)).toList();
  }

  private double grandTotal() {
    GridLayout g = model.layoutProperty().get();
    return g.value(g.rows().get(g.rows().size() - 1), g.columns().get(g.columns().size() - 1));
  }

  @Test
  void startsWithAHintAndNoTable() {
    assertThat(model.tableProperty().get()).isNull();
    assertThat(model.messageProperty().get()).contains("Rows");
  }

  @Test
  void addingRowsAndColumnsComputesAndPublishesTheTable() {
    model.add("region", Zone.ROWS);
    model.add("sex", Zone.COLUMNS);
    assertThat(rowLabels()).containsExactly("East", "North", "South", "Total");
    assertThat(grandTotal()).isEqualTo(60);
    assertThat(context.currentTable().table()).isSameAs(model.tableProperty().get());
    assertThat(context.statusProperty().get()).contains("60 rows").contains("computed in");
  }

  @Test
  void movesBetweenZonesReordersAndRemoves() {
    model.add("region", Zone.ROWS);
    model.add("sex", Zone.ROWS);
    model.move("sex", Zone.ROWS, 0);
    assertThat(model.items(Zone.ROWS))
        .extracting(ZoneItem::variable)
        .containsExactly("sex", "region");
    model.move("sex", Zone.COLUMNS, 0);
    assertThat(model.items(Zone.ROWS)).extracting(ZoneItem::variable).containsExactly("region");
    assertThat(model.items(Zone.COLUMNS)).extracting(ZoneItem::variable).containsExactly("sex");
    model.shift("region", 1);
    assertThat(model.items(Zone.ROWS)).extracting(ZoneItem::variable).containsExactly("region");
    model.remove("sex");
    assertThat(model.spec().columns()).isEmpty();
    assertThat(model.layoutProperty().get().columns()).hasSize(1);
  }

  @Test
  void undoAndRedoStepThroughSpecChanges() {
    model.add("region", Zone.ROWS);
    model.add("sex", Zone.COLUMNS);
    model.undo();
    assertThat(model.spec().columns()).isEmpty();
    assertThat(model.canRedoProperty().get()).isTrue();
    model.redo();
    assertThat(model.spec().columns()).extracting(d -> d.variable()).containsExactly("sex");
    model.undo();
    model.undo();
    assertThat(model.canUndoProperty().get()).isFalse();
    assertThat(model.tableProperty().get()).isNull();
  }

  @Test
  void aCodeFilterKeepsOnlyTheCheckedCodesAndAllCodesRemoveIt() {
    model.add("region", Zone.ROWS);
    model.setCodeFilter("sex", Set.of("F"));
    assertThat(model.items(Zone.FILTERS))
        .singleElement()
        .extracting(ZoneItem::text)
        .isEqualTo("sex in F");
    long women =
        ws.dataset("people").variable("sex").orElseThrow().codes().stream()
            .filter(c -> c.code().equals("F"))
            .findFirst()
            .orElseThrow()
            .count();
    assertThat(grandTotal()).isEqualTo(women);
    model.setCodeFilter("sex", Set.of("F", "M"));
    assertThat(model.spec().filters()).isEmpty();
    assertThat(grandTotal()).isEqualTo(60);
  }

  @Test
  void bandsANumberIntoTheWrittenBands() {
    model.add("age", Zone.ROWS);
    model.setBands("age", "16-39,40-59,60+");
    assertThat(rowLabels()).containsExactly("16-39", "40-59", "60+", "Total");
    assertThat(model.items(Zone.ROWS).get(0).text()).isEqualTo("age: 16-39, 40-59, 60+");
  }

  @Test
  void groupsCodesIntoNamedItems() {
    model.add("region", Zone.ROWS);
    model.setGroups("region", "Not north=South,East\n");
    assertThat(rowLabels()).contains("Not north", "North").doesNotContain("South", "East");
  }

  @Test
  void aMeasureThatCannotBeAPercentageDropsThePercentage() {
    model.add("region", Zone.ROWS);
    model.add("sex", Zone.COLUMNS);
    model.setPercentage(Percentage.ROW);
    assertThat(grandTotal()).isEqualTo(100);
    model.setMeasure(Measure.of(MeasureKind.MEAN, "amount"));
    assertThat(model.spec().percentage()).isEqualTo(Percentage.NONE);
    assertThat(model.tableProperty().get().measure().label()).isEqualTo("mean:amount");
  }

  @Test
  void aBadBandIsReportedAndChangesNothing() {
    model.add("age", Zone.ROWS);
    var before = model.spec();
    model.setBands("age", "60-20");
    assertThat(model.spec()).isEqualTo(before);
    assertThat(dialogs.errors).singleElement().asString().contains("60-20");
  }

  @Test
  void choosingAWaferShowsThatLayer() {
    model.add("region", Zone.ROWS);
    model.add("sex", Zone.WAFERS);
    assertThat(grandTotal()).isEqualTo(60);
    model.selectWafer(List.of(0));
    assertThat(context.currentTable().waferProperty().get()).containsExactly(0);
    assertThat(grandTotal()).isLessThan(60);
  }

  @Test
  void sortingByValuePutsTheLargestFirst() {
    model.add("region", Zone.ROWS);
    model.rowSortProperty().set(GridLayout.AxisSort.byValue(List.of(), true));
    GridLayout g = model.layoutProperty().get();
    double first = g.value(g.rows().get(0), g.columns().get(0));
    double second = g.value(g.rows().get(1), g.columns().get(0));
    assertThat(first).isGreaterThanOrEqualTo(second);
    assertThat(rowLabels().get(3)).isEqualTo("Total");
  }

  @Test
  void savesToTheWorkspaceAndReopensWithUndoAndRecentList() {
    model.add("region", Zone.ROWS);
    model.add("age", Zone.COLUMNS);
    model.setBands("age", "16-39,40+");
    Path file = model.tablesDirectory().resolve("region-by-age.json");
    model.save(file);
    assertThat(file).exists();
    assertThat(model.savedTables()).containsExactly(file);
    assertThat(model.recentTables()).containsExactly(file.toAbsolutePath().normalize());

    model.clear();
    assertThat(model.tableProperty().get()).isNull();
    model.open(file);
    assertThat(model.spec().rows()).extracting(d -> d.variable()).containsExactly("region");
    assertThat(model.items(Zone.COLUMNS).get(0).text()).isEqualTo("age: 16-39, 40+");
    assertThat(grandTotal()).isEqualTo(60);
    assertThat(model.fileProperty().get()).isEqualTo(file);
    model.undo();
    assertThat(model.spec().dimensions()).isEmpty();
  }

  @Test
  void aDefinitionForAnotherDatasetIsRefusedWithItsName() throws Exception {
    Path file = dir.resolve("other.json");
    model.add("region", Zone.ROWS);
    model.save(file);
    String json = java.nio.file.Files.readString(file).replace("\"people\"", "\"claims\"");
    java.nio.file.Files.writeString(file, json);
    model.open(file);
    assertThat(dialogs.errors).singleElement().asString().contains("claims");
  }

  @Test
  void clickingAColumnCyclesLargestFirstSmallestFirstAndTableOrder() {
    model.add("region", Zone.ROWS);
    model.add("sex", Zone.COLUMNS);
    // people.csv: East 19, North 20, South 21; F East 6, North 10, South 13.
    model.cycleRowSortByColumn(List.of("Total"));
    assertThat(rowLabels()).containsExactly("South", "North", "East", "Total");
    model.cycleRowSortByColumn(List.of("Total"));
    assertThat(rowLabels()).containsExactly("East", "North", "South", "Total");
    model.cycleRowSortByColumn(List.of("F"));
    assertThat(model.rowSortProperty().get())
        .isEqualTo(GridLayout.AxisSort.byValue(List.of("F"), true));
    assertThat(rowLabels()).containsExactly("South", "North", "East", "Total");
    model.cycleRowSortByColumn(List.of("F"));
    model.cycleRowSortByColumn(List.of("F"));
    assertThat(model.rowSortProperty().get()).isEqualTo(GridLayout.AxisSort.NATURAL);
  }

  @Test
  void columnsSortByARowAndLabelsSortBothWays() {
    model.add("region", Zone.ROWS);
    model.add("sex", Zone.COLUMNS);
    GridLayout g = model.layoutProperty().get();
    // East: F 6, M 13.
    model.cycleColumnSortByRow(List.of("East"));
    g = model.layoutProperty().get();
    assertThat(g.columns().stream().map(g::columnTitle)).containsExactly("M", "F", "Total");
    model.cycleRowLabelSort();
    model.cycleRowLabelSort();
    assertThat(rowLabels()).containsExactly("South", "North", "East", "Total");
    model.resetSort();
    g = model.layoutProperty().get();
    assertThat(rowLabels()).containsExactly("East", "North", "South", "Total");
    assertThat(g.columns().stream().map(g::columnTitle)).containsExactly("F", "M", "Total");
  }

  @Test
  void theSortOutlivesARecomputationOfTheTable() {
    model.add("region", Zone.ROWS);
    model.cycleRowSortByColumn(List.of());
    assertThat(rowLabels()).containsExactly("South", "North", "East", "Total");
    // Only men: East 13, North 10, South 8.
    model.setCodeFilter("sex", Set.of("M"));
    assertThat(rowLabels()).containsExactly("East", "North", "South", "Total");
  }

  @Test
  void aCodelistFilterOnADimensionHidesItsUntickedCategories() {
    model.add("region", Zone.ROWS);
    model.add("sex", Zone.COLUMNS);
    model.setCodeFilter("region", Set.of("East", "South"));
    assertThat(rowLabels()).containsExactly("East", "South", "Total");
    assertThat(grandTotal()).isEqualTo(40);
    // The table itself keeps every category (zeros), as the engine promises.
    assertThat(model.tableProperty().get().dimensions().get(0).categories()).hasSize(3);
    // A filter on another field hides nothing.
    model.setCodeFilter("region", Set.of());
    model.setCodeFilter("sex", Set.of("F"));
    assertThat(rowLabels()).containsExactly("East", "North", "South", "Total");
  }

  @Test
  void cutPointsBecomeBandsWholeNumbersForIntegers() {
    model.add("age", Zone.ROWS);
    assertThat(model.bandsFromCutPoints("age", "25, 50;65").format())
        .isEqualTo("-24,25-49,50-64,65+");
    // amount has decimals: half-open bands, each cut point starts the band above it.
    assertThat(model.bandsFromCutPoints("amount", "10,50.5").format())
        .isEqualTo("<10,10-<50.5,50.5+");
    model.add("amount", Zone.COLUMNS);
    model.setBands("amount", model.bandsFromCutPoints("amount", "10,50.5").format());
    assertThat(dialogs.errors).isEmpty();
    assertThat(model.layoutProperty().get().columns().stream().map(k -> k[0]).count()).isEqualTo(4);
    assertThatThrownBy(() -> model.bandsFromCutPoints("age", "25,x"))
        .hasMessage("Cut point 'x' is not a number");
    assertThatThrownBy(() -> model.bandsFromCutPoints("age", "50,25"))
        .hasMessage("Cut points must increase: 25 comes after 50");
    assertThatThrownBy(() -> model.bandsFromCutPoints("age", " "))
        .hasMessageContaining("at least one cut point");
  }

  @Test
  void overlappingBandsAreRefusedButTouchingOnesAreNot() {
    model.add("age", Zone.ROWS);
    var before = model.spec();
    model.setBands("age", "16-30,25-49");
    assertThat(model.spec()).isEqualTo(before);
    assertThat(dialogs.errors)
        .singleElement()
        .asString()
        .contains("Bands '16-30' and '25-49' overlap: values from 25 to 30 would be in both");
    assertThatThrownBy(() -> model.parseBands("16-40,30")).hasMessageContaining("30 would be");
    assertThat(model.parseBands("-30,30-45,45+").bands()).hasSize(3);
  }

  @Test
  void groupsNeedANameKnownCodesAndDistinctNames() {
    model.add("region", Zone.ROWS);
    assertThatThrownBy(() -> model.parseGroups("region", "=East,South"))
        .hasMessageContaining("has no name");
    assertThatThrownBy(() -> model.parseGroups("region", "X=East,West"))
        .hasMessage("Group 'X': 'West' is not a code of region");
    assertThatThrownBy(() -> model.parseGroups("region", "X=East\nX=South"))
        .hasMessage("Two groups are named 'X'");
    assertThatThrownBy(() -> model.parseGroups("region", "North=East,South"))
        .hasMessageContaining("is also a code of region");
    assertThatThrownBy(() -> model.parseGroups("region", "A=East\nB=East"))
        .hasMessageContaining("two groups");
    assertThat(model.parseGroups("region", " \n")).isNull();
    var before = model.spec();
    model.setGroups("region", "X=East,Nowhere");
    assertThat(model.spec()).isEqualTo(before);
    assertThat(dialogs.errors).singleElement().asString().contains("Nowhere");
  }

  @Test
  void aSavedTableReopensInAFreshModelWithItsSortHideEmptyAndHeatMap() throws Exception {
    model.add("age", Zone.ROWS);
    model.setBands("age", "16-39,40-99,200+");
    model.add("sex", Zone.COLUMNS);
    // people.csv: F 16-39 11, 40-99 18; nobody 200+.
    assertThat(rowLabels()).containsExactly("16-39", "40-99", "200+", "Total");
    model.cycleRowSortByColumn(List.of("F"));
    model.hideEmptyProperty().set(true);
    model.heatMapProperty().set(true);
    assertThat(rowLabels()).containsExactly("40-99", "16-39", "Total");
    Path file = model.tablesDirectory().resolve("age-by-sex.json");
    model.save(file);
    assertThat(Files.readString(file)).contains("\"version\" : 3").contains("\"view\"");

    TableBuilderViewModel fresh = new TableBuilderViewModel(context);
    assertThat(fresh.hideEmptyProperty().get()).isFalse();
    fresh.open(file);
    model = fresh;
    assertThat(dialogs.errors).isEmpty();
    assertThat(fresh.rowSortProperty().get())
        .isEqualTo(GridLayout.AxisSort.byValue(List.of("F"), true));
    assertThat(fresh.columnSortProperty().get()).isEqualTo(GridLayout.AxisSort.NATURAL);
    assertThat(fresh.hideEmptyProperty().get()).isTrue();
    assertThat(fresh.heatMapProperty().get()).isTrue();
    assertThat(rowLabels()).containsExactly("40-99", "16-39", "Total");

    fresh.clear();
    assertThat(fresh.view()).isEqualTo(TableView.DEFAULT);
    fresh.add("region", Zone.ROWS);
    Path plain = fresh.tablesDirectory().resolve("regions.json");
    fresh.save(plain);
    assertThat(Files.readString(plain)).contains("\"version\" : 1").doesNotContain("\"view\"");
  }

  @Test
  void aNewOrReopenedTableStartsInTableOrder() {
    model.add("region", Zone.ROWS);
    Path file = model.tablesDirectory().resolve("regions.json");
    model.save(file);
    model.cycleRowSortByColumn(List.of());
    model.open(file);
    assertThat(model.rowSortProperty().get()).isEqualTo(GridLayout.AxisSort.NATURAL);
    model.cycleColumnSortByRow(List.of("Total"));
    model.clear();
    assertThat(model.columnSortProperty().get()).isEqualTo(GridLayout.AxisSort.NATURAL);
  }
}
