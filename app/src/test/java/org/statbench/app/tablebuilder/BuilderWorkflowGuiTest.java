package org.statbench.app.tablebuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.statbench.app.tablebuilder.BuilderFixture.age;
import static org.statbench.app.tablebuilder.BuilderFixture.count;
import static org.statbench.app.tablebuilder.BuilderFixture.countBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.MainViewModel;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.shell.StatBenchApp;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Works the builder as an analyst does: opens the codelist, band, group and date-grouping dialogs
 * (clicking a chip or its menu), moves fields with the keyboard alone, sorts by clicking headers,
 * and checks the grid against counts taken straight from the fixture's lines.
 */
@ExtendWith(ApplicationExtension.class)
class BuilderWorkflowGuiTest {
  @TempDir Path dir;
  private Workspace ws;
  private MainViewModel main;
  private RecordingDialogService dialogs;

  @Start
  void start(Stage stage) {
    ws = Workspace.open(dir.resolve("ws"));
    ws.importCsv(
        ImportRequest.of("claims", BuilderFixture.csv()),
        ProgressListener.NONE,
        CancellationToken.NONE);
    dialogs = new RecordingDialogService();
    StatBenchApp.createMainView(
        stage, new SameThreadTaskRunner(), dialogs, new WorkspacePreferences(dir.resolve("home")));
    main = (MainViewModel) stage.getUserData();
    main.context().workspace().use(ws, ws.datasets());
    stage.setWidth(1240);
    stage.setHeight(780);
    stage.show();
  }

  @AfterEach
  void close() {
    new FxRobot().interact(() -> main.context().workspace().close());
  }

  // Helpers

  private TableBuilderView builder(FxRobot robot) {
    return robot.lookup("#table-content").queryAs(TableBuilderView.class);
  }

  private TableGridView grid(FxRobot robot) {
    return builder(robot).grid();
  }

  private TableBuilderViewModel model(FxRobot robot) {
    return builder(robot).model();
  }

  /** Selects a field in the list and presses Ctrl+digit, as the keyboard user adds it. */
  private static void addWithKeys(FxRobot robot, String field, KeyCode digit) {
    robot.clickOn("#field-" + field).press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Innermost row labels of the grid, top to bottom (one header row). */
  private static List<String> rowLabels(TableGridView g, int column) {
    List<String> out = new ArrayList<>();
    for (int r = 1; r < g.gridRowCount(); r++) {
      out.add(g.textAt(r, column));
    }
    return out;
  }

  /** Row label to the text of the last column (the total, or the only value column). */
  private static Map<String, String> lastColumn(TableGridView g) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int r = 1; r < g.gridRowCount(); r++) {
      out.put(g.textAt(r, 0), g.textAt(r, g.gridColumnCount() - 1));
    }
    return out;
  }

  /** Expected label to count text, with the total last. */
  private static Map<String, String> expected(Map<String, Long> counts) {
    Map<String, String> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(k, Long.toString(v)));
    out.put("Total", Long.toString(counts.values().stream().mapToLong(Long::longValue).sum()));
    return out;
  }

  private static Button button(FxRobot robot, String dialogId, ButtonType type) {
    DialogPane pane = robot.lookup(dialogId).queryAs(DialogPane.class);
    return (Button) pane.lookupButton(type);
  }

  private static Node cellWithText(FxRobot robot, String parent, String text) {
    return robot
        .lookup(parent + " .list-cell")
        .match((Labeled l) -> text.equals(l.getText()))
        .query();
  }

  private static void replaceText(FxRobot robot, String selector, String text) {
    TextInputControl field = robot.lookup(selector).queryAs(TextInputControl.class);
    robot.clickOn(field);
    robot.interact(field::selectAll);
    robot.type(KeyCode.BACK_SPACE);
    if (!text.isEmpty()) {
      robot.write(text);
    }
  }

  private static String text(FxRobot robot, String selector) {
    return robot.lookup(selector).queryAs(TextInputControl.class).getText();
  }

  // Codelist

  @Test
  void untickingCodesInTheCodelistLeavesOnlyTheTickedOnesInTheGrid(FxRobot robot) {
    addWithKeys(robot, "provider", KeyCode.DIGIT1);
    robot.clickOn("#zone-rows #chip-provider");
    assertThat(robot.lookup("#codeFilterDialog").tryQuery()).isPresent();
    assertThat(dialogs.customDialogs).containsExactly("codeFilterDialog"); // via the service
    robot.clickOn("#code-P2").clickOn("#code-P4");
    robot.clickOn(button(robot, "#codeFilterDialog", ButtonType.OK));
    WaitForAsyncUtils.waitForFxEvents();

    Set<String> kept = Set.of("P1", "P3", "P5");
    assertThat(lastColumn(grid(robot)))
        .containsExactlyEntriesOf(
            expected(countBy(r -> r.get("provider"), r -> kept.contains(r.get("provider")))));
    assertThat(robot.lookup("#zone-filters #chip-provider").queryLabeled().getText())
        .isEqualTo("provider: all but P2,P4");

    // Ticking everything again (All) removes the condition.
    robot.clickOn("#zone-rows #chip-provider").clickOn("#codeFilterAll");
    robot.clickOn(button(robot, "#codeFilterDialog", ButtonType.OK));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model(robot).spec().filters()).isEmpty();
    assertThat(lastColumn(grid(robot)))
        .containsExactlyEntriesOf(expected(countBy(r -> r.get("provider"))));
  }

  @Test
  void theFieldListOpensAFieldsCodelistFromTheKeyboard(FxRobot robot) {
    addWithKeys(robot, "region", KeyCode.DIGIT1);
    addWithKeys(robot, "provider", KeyCode.L);
    assertThat(robot.lookup("#codeFilterDialog").tryQuery()).isPresent();
    robot.clickOn("#code-P5");
    robot.clickOn(button(robot, "#codeFilterDialog", ButtonType.OK));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#zone-filters #chip-provider").queryLabeled().getText())
        .isEqualTo("provider: all but P5");
    assertThat(lastColumn(grid(robot)))
        .containsExactlyEntriesOf(
            expected(countBy(r -> r.get("region"), r -> !r.get("provider").equals("P5"))));
  }

  @Test
  void aCodelistWithNothingTickedIsRefusedInTheDialog(FxRobot robot) {
    addWithKeys(robot, "provider", KeyCode.DIGIT1);
    Map<String, String> before = lastColumn(grid(robot));
    robot.clickOn("#zone-rows #chip-provider").clickOn("#codeFilterNone");
    robot.clickOn(button(robot, "#codeFilterDialog", ButtonType.OK));
    Label error = robot.lookup("#codeFilterError").queryAs(Label.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).contains("Tick at least one code");
    robot.clickOn(button(robot, "#codeFilterDialog", ButtonType.CANCEL));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model(robot).spec().filters()).isEmpty();
    assertThat(lastColumn(grid(robot))).isEqualTo(before);
  }

  // Bands

  @Test
  void cutPointsMakeBandsThatTheGridCounts(FxRobot robot) {
    addWithKeys(robot, "age", KeyCode.DIGIT1);
    robot.clickOn("#zone-rows #chip-age");
    robot.clickOn("#bandsCuts").write("25, 50 65");
    robot.clickOn("#bandsFromCuts");
    assertThat(text(robot, "#bandsText")).isEqualTo("-24,25-49,50-64,65+");
    robot.clickOn(button(robot, "#bandDialog", ButtonType.OK));
    WaitForAsyncUtils.waitForFxEvents();

    Function<Map<String, String>, String> band =
        r -> age(r) <= 24 ? "-24" : age(r) <= 49 ? "25-49" : age(r) <= 64 ? "50-64" : "65+";
    Map<String, String> want = new LinkedHashMap<>();
    for (String b : List.of("-24", "25-49", "50-64", "65+")) {
      want.put(b, Long.toString(count(r -> band.apply(r).equals(b))));
    }
    want.put("Total", Long.toString(BuilderFixture.records().size()));
    assertThat(lastColumn(grid(robot))).containsExactlyEntriesOf(want);
    assertThat(robot.lookup("#zone-rows #chip-age").queryLabeled().getText())
        .isEqualTo("age: -24, 25-49, 50-64, 65+");
  }

  @Test
  void equalWidthBandsSplitTheRangeIntoWholeNumbers(FxRobot robot) {
    addWithKeys(robot, "age", KeyCode.DIGIT1);
    robot.clickOn("#zone-rows #chip-age");
    // From and To start at the variable's range, read from the data.
    int min = BuilderFixture.records().stream().mapToInt(BuilderFixture::age).min().orElseThrow();
    assertThat(text(robot, "#bandsFrom")).isEqualTo(Integer.toString(min));
    replaceText(robot, "#bandsFrom", "16");
    replaceText(robot, "#bandsTo", "79");
    robot.clickOn("#bandsCount .text-field").type(KeyCode.DOWN).type(KeyCode.DOWN);
    robot.clickOn("#bandsEqualWidth");
    // 64 whole ages in 3 bands of 21, 21 and 22.
    assertThat(text(robot, "#bandsText")).isEqualTo("16-36,37-57,58-79");
    robot.clickOn(button(robot, "#bandDialog", ButtonType.OK));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(lastColumn(grid(robot)))
        .containsExactly(
            Map.entry("16-36", Long.toString(count(r -> age(r) <= 36))),
            Map.entry("37-57", Long.toString(count(r -> age(r) >= 37 && age(r) <= 57))),
            Map.entry("58-79", Long.toString(count(r -> age(r) >= 58))),
            Map.entry("Total", "48"));
  }

  @Test
  void quantileBandsHoldRoughlyEqualNumbersOfRecords(FxRobot robot) {
    addWithKeys(robot, "age", KeyCode.DIGIT1);
    robot.clickOn("#zone-rows #chip-age");
    robot.clickOn("#bandsCount .text-field").type(KeyCode.DOWN);
    robot.clickOn("#bandsQuantiles");
    // Quartiles by the documented definition: position h = n*p/100, averaged when whole.
    double[] ages =
        BuilderFixture.records().stream().mapToDouble(BuilderFixture::age).sorted().toArray();
    double[] cuts = new double[3];
    for (int i = 1; i <= 3; i++) {
      double h = ages.length * i / 4.0;
      cuts[i - 1] =
          h == Math.floor(h)
              ? (ages[(int) h - 1] + ages[(int) h]) / 2
              : ages[(int) Math.ceil(h) - 1];
    }
    // Whole ages give whole, non-overlapping ranges from the youngest: a cut point c ends a band
    // at floor(c), and the next starts one above.
    long[] ends = new long[3];
    for (int i = 0; i < 3; i++) {
      ends[i] = (long) Math.floor(cuts[i]);
    }
    String[] labels = new String[4];
    labels[0] = range((long) ages[0], ends[0]);
    labels[1] = range(ends[0] + 1, ends[1]);
    labels[2] = range(ends[1] + 1, ends[2]);
    labels[3] = (ends[2] + 1) + "+";
    assertThat(text(robot, "#bandsText")).isEqualTo(String.join(",", labels));
    robot.clickOn(button(robot, "#bandDialog", ButtonType.OK));
    WaitForAsyncUtils.waitForFxEvents();
    long[] n = new long[4];
    for (double a : ages) {
      n[a <= cuts[0] ? 0 : a <= cuts[1] ? 1 : a <= cuts[2] ? 2 : 3]++;
    }
    Map<String, String> want = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      want.put(labels[i], Long.toString(n[i]));
    }
    want.put("Total", "48");
    assertThat(lastColumn(grid(robot))).containsExactlyEntriesOf(want);
    assertThat(Arrays.stream(n).max().orElseThrow() - Arrays.stream(n).min().orElseThrow())
        .isLessThanOrEqualTo(4);
  }

  private static String range(long lo, long hi) {
    return lo == hi ? Long.toString(lo) : lo + "-" + hi;
  }

  @Test
  void badBandsAreExplainedInTheDialogAndLeaveTheTableAlone(FxRobot robot) {
    addWithKeys(robot, "age", KeyCode.DIGIT1);
    robot.clickOn("#zone-rows #chip-age");
    robot.clickOn("#bandsCuts").write("25,abc");
    robot.clickOn("#bandsFromCuts");
    Label error = robot.lookup("#bandsError").queryAs(Label.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).isEqualTo("Cut point 'abc' is not a number");
    assertThat(text(robot, "#bandsText")).isEmpty();

    robot.clickOn("#bandsText").write("16-30,25-49,50+");
    robot.clickOn(button(robot, "#bandDialog", ButtonType.OK));
    // Still open, with the reason.
    assertThat(robot.lookup("#bandDialog").tryQuery()).isPresent();
    assertThat(error.getText())
        .isEqualTo(
            "Bands '16-30' and '25-49' overlap: values from 25 to 30 would be in both."
                + " Make each value fall in one band.");

    replaceText(robot, "#bandsText", "16-x");
    robot.clickOn(button(robot, "#bandDialog", ButtonType.OK));
    assertThat(error.getText()).contains("'16-x' is not LO-HI");
    robot.clickOn(button(robot, "#bandDialog", ButtonType.CANCEL));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model(robot).derivation("age")).isNull();
    assertThat(dialogs.errors).isEmpty();
    assertThat(grid(robot).textAt(grid(robot).gridRowCount() - 1, 1)).isEqualTo("48");
  }

  // Groups

  @Test
  void mergingThreeProvidersMakesOneItem(FxRobot robot) {
    addWithKeys(robot, "provider", KeyCode.DIGIT1);
    robot.clickOn("#zone-rows #chip-provider", MouseButton.SECONDARY);
    robot.clickOn("Group codes…");
    robot.clickOn(cellWithText(robot, "#groupCodes", "P1"));
    robot.press(KeyCode.CONTROL);
    robot.clickOn(cellWithText(robot, "#groupCodes", "P2"));
    robot.clickOn(cellWithText(robot, "#groupCodes", "P3"));
    robot.release(KeyCode.CONTROL);
    robot.clickOn("#groupName").write("Big three");
    robot.clickOn("#groupAdd");
    assertThat(text(robot, "#groupsText")).isEqualTo("Big three=P1,P2,P3\n");
    robot.clickOn(button(robot, "#groupDialog", ButtonType.OK));
    WaitForAsyncUtils.waitForFxEvents();

    Map<String, Long> byProvider = countBy(r -> r.get("provider"));
    Map<String, String> want = new LinkedHashMap<>();
    want.put(
        "Big three",
        Long.toString(byProvider.get("P1") + byProvider.get("P2") + byProvider.get("P3")));
    want.put("P4", Long.toString(byProvider.get("P4")));
    want.put("P5", Long.toString(byProvider.get("P5")));
    want.put("Total", "48");
    assertThat(lastColumn(grid(robot))).containsExactlyEntriesOf(want);
    assertThat(robot.lookup("#zone-rows #chip-provider").queryLabeled().getText())
        .isEqualTo("provider: 1 group");
  }

  @Test
  void aGroupWithoutANameIsExplainedAndChangesNothing(FxRobot robot) {
    addWithKeys(robot, "provider", KeyCode.DIGIT1);
    robot.clickOn("#zone-rows #chip-provider", MouseButton.SECONDARY);
    robot.clickOn("Group codes…");
    robot.clickOn(cellWithText(robot, "#groupCodes", "P1"));
    robot.clickOn("#groupAdd");
    Label error = robot.lookup("#groupsError").queryAs(Label.class);
    assertThat(error.getText()).isEqualTo("Give the group a name");
    assertThat(text(robot, "#groupsText")).isEmpty();

    robot.clickOn("#groupsText").write("=P1,P2");
    robot.clickOn(button(robot, "#groupDialog", ButtonType.OK));
    assertThat(robot.lookup("#groupDialog").tryQuery()).isPresent();
    assertThat(error.getText()).isEqualTo("Group '=P1,P2' has no name: write NAME=code,code,...");

    replaceText(robot, "#groupsText", "Mixed=P1,P9");
    robot.clickOn(button(robot, "#groupDialog", ButtonType.OK));
    assertThat(error.getText()).isEqualTo("Group 'Mixed': 'P9' is not a code of provider");
    robot.clickOn(button(robot, "#groupDialog", ButtonType.CANCEL));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model(robot).derivation("provider")).isNull();
    assertThat(rowLabels(grid(robot), 0)).containsExactly("P1", "P2", "P3", "P4", "P5", "Total");
  }

  // Date grouping

  @Test
  void eachDateGroupingCountsTheRecordsOfItsPeriods(FxRobot robot) {
    addWithKeys(robot, "start", KeyCode.DIGIT1);
    // A date starts grouped by month.
    assertThat(lastColumn(grid(robot)))
        .containsExactlyEntriesOf(
            expected(countBy(r -> BuilderFixture.month(BuilderFixture.start(r)))));

    Map<String, Function<Map<String, String>, String>> choices = new LinkedHashMap<>();
    choices.put("Quarter", r -> BuilderFixture.quarter(BuilderFixture.start(r)));
    choices.put(
        "Financial year (April-March)", r -> BuilderFixture.financialYear(BuilderFixture.start(r)));
    choices.put("Calendar year", r -> Integer.toString(BuilderFixture.start(r).getYear()));
    choices.put("Month", r -> BuilderFixture.month(BuilderFixture.start(r)));
    for (var choice : choices.entrySet()) {
      robot.clickOn("#zone-rows #chip-start");
      ComboBox<?> box = robot.lookup("#dateGroupingDialog .combo-box").queryAs(ComboBox.class);
      robot.clickOn(box);
      robot.clickOn(
          robot
              .lookup(".list-cell")
              .match((Labeled l) -> choice.getKey().equals(l.getText()))
              .queryAs(Node.class));
      robot.clickOn(button(robot, "#dateGroupingDialog", ButtonType.OK));
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(lastColumn(grid(robot)))
          .as(choice.getKey())
          .containsExactlyEntriesOf(expected(countBy(choice.getValue())));
    }
    assertThat(lastColumn(grid(robot))).containsKey("2023-01");
  }

  // Keyboard alternatives to every drag

  @Test
  void everyDragHasAKeyboardAlternative(FxRobot robot) {
    // Add to a zone: select the field, Ctrl+1 / Ctrl+2.
    addWithKeys(robot, "region", KeyCode.DIGIT1);
    addWithKeys(robot, "sex", KeyCode.DIGIT1);
    addWithKeys(robot, "provider", KeyCode.DIGIT2);
    assertThat(model(robot).items(Zone.ROWS))
        .extracting(ZoneItem::variable)
        .containsExactly("region", "sex");

    // Reorder within a zone: Ctrl+Left on the focused chip.
    robot.interact(() -> robot.lookup("#zone-rows #chip-sex").query().requestFocus());
    robot.press(KeyCode.CONTROL, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model(robot).items(Zone.ROWS))
        .extracting(ZoneItem::variable)
        .containsExactly("sex", "region");
    assertThat(grid(robot).textAt(0, 0)).isEqualTo("sex");

    // Move between zones: Ctrl+2 on the focused chip; the chip keeps the keyboard.
    WaitForAsyncUtils.waitForFxEvents();
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model(robot).items(Zone.COLUMNS))
        .extracting(ZoneItem::variable)
        .containsExactly("provider", "sex");
    assertThat(robot.lookup("#zone-columns #chip-sex").query().isFocused()).isTrue();

    // The chip's menu from the keyboard (Shift+F10) moves it too.
    robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("Move to wafers (Ctrl+3)");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model(robot).items(Zone.WAFERS))
        .extracting(ZoneItem::variable)
        .containsExactly("sex");

    // Remove: Delete on the focused chip.
    robot.interact(() -> robot.lookup("#zone-wafers #chip-sex").query().requestFocus());
    robot.type(KeyCode.DELETE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#chip-sex").tryQuery()).isEmpty();
    assertThat(grid(robot).textAt(0, 0)).isEqualTo("region");
  }

  @Test
  void deletingTheFilterChipOfAFilteredDimensionRemovesOnlyTheFilter(FxRobot robot) {
    addWithKeys(robot, "provider", KeyCode.DIGIT1);
    robot.interact(() -> model(robot).setCodeFilter("provider", Set.of("P1", "P2")));
    robot.interact(() -> robot.lookup("#zone-filters #chip-provider").query().requestFocus());
    robot.type(KeyCode.DELETE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model(robot).spec().filters()).isEmpty();
    assertThat(model(robot).items(Zone.ROWS)).extracting(ZoneItem::variable).contains("provider");
    assertThat(rowLabels(grid(robot), 0)).containsExactly("P1", "P2", "P3", "P4", "P5", "Total");
  }

  // Sorting

  /** Clicks the grid cell at (row, column) as shown on screen. */
  private static void clickGridCell(FxRobot robot, int row, int column) {
    Node cell =
        robot
            .lookup(".spreadsheet-cell")
            .match(
                (javafx.scene.control.TableCell<?, ?> c) ->
                    c.isVisible()
                        && c.getItem()
                            instanceof org.controlsfx.control.spreadsheet.SpreadsheetCell s
                        && s.getRow() == row
                        && s.getColumn() == column)
            .query();
    robot.clickOn(cell);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** (outer, inner) labels of the grid's rows, e.g. "North|P1", "North|Total". */
  private static List<String> nestedRows(TableGridView g) {
    List<String> out = new ArrayList<>();
    for (int r = 1; r < g.gridRowCount(); r++) {
      out.add(g.textAt(r, 0) + "|" + g.textAt(r, 1));
    }
    return out;
  }

  /**
   * The rows of region > provider sorted by count within each region, regions by their totals; ties
   * keep code order.
   */
  private static List<String> expectedSortedRows(boolean descending) {
    Map<String, Long> regions = countBy(r -> r.get("region"));
    Map<String, Long> pairs = countBy(r -> r.get("region") + "|" + r.get("provider"));
    java.util.Comparator<Map.Entry<String, Long>> byCount = Map.Entry.comparingByValue();
    if (descending) {
      byCount = byCount.reversed();
    }
    List<String> out = new ArrayList<>();
    for (var region : regions.entrySet().stream().sorted(byCount).toList()) {
      Map<String, Long> inRegion = new java.util.TreeMap<>();
      for (String p : List.of("P1", "P2", "P3", "P4", "P5")) {
        inRegion.put(p, pairs.getOrDefault(region.getKey() + "|" + p, 0L));
      }
      inRegion.entrySet().stream()
          .sorted(byCount)
          .forEach(e -> out.add(region.getKey() + "|" + e.getKey()));
      out.add(region.getKey() + "|Total");
    }
    out.add("Total|Total");
    return out;
  }

  @Test
  void clickingTheTotalHeaderSortsNestedRowsWithinTheirGroupsAndBack(FxRobot robot) {
    addWithKeys(robot, "region", KeyCode.DIGIT1);
    addWithKeys(robot, "provider", KeyCode.DIGIT1);
    addWithKeys(robot, "sex", KeyCode.DIGIT2);
    TableGridView g = grid(robot);
    List<String> natural = nestedRows(g);
    int totalColumn = g.gridColumnCount() - 1;
    assertThat(g.textAt(0, totalColumn)).isEqualTo("Total");

    clickGridCell(robot, 0, totalColumn);
    assertThat(nestedRows(g)).containsExactlyElementsOf(expectedSortedRows(true));
    assertThat(nestedRows(g)).isNotEqualTo(natural);
    assertThat(g.textAt(0, totalColumn)).isEqualTo("\u25BC Total");
    // Values still belong to their rows: the first region's subtotal is the largest.
    long largest = countBy(r -> r.get("region")).values().stream().max(Long::compare).orElseThrow();
    int firstSubtotal = nestedRows(g).indexOf(expectedSortedRows(true).get(5));
    assertThat(g.textAt(firstSubtotal + 1, totalColumn)).isEqualTo(Long.toString(largest));

    clickGridCell(robot, 0, totalColumn);
    assertThat(nestedRows(g)).containsExactlyElementsOf(expectedSortedRows(false));
    assertThat(g.textAt(0, totalColumn)).isEqualTo("\u25B2 Total");

    clickGridCell(robot, 0, totalColumn);
    assertThat(nestedRows(g)).containsExactlyElementsOf(natural);
    assertThat(g.textAt(0, totalColumn)).isEqualTo("Total");
  }

  @Test
  void sortingKeepsWorkingWithHideEmptyAndTheTableOrderButtonResetsIt(FxRobot robot) {
    addWithKeys(robot, "region", KeyCode.DIGIT1);
    addWithKeys(robot, "provider", KeyCode.DIGIT1);
    TableGridView g = grid(robot);
    List<String> natural = nestedRows(g);
    clickGridCell(robot, 0, g.gridColumnCount() - 1);
    robot.clickOn("#hideEmpty");
    WaitForAsyncUtils.waitForFxEvents();
    List<String> want = new ArrayList<>(expectedSortedRows(true));
    // East has no P2 claims: hidden, the rest stay sorted.
    want.remove("East|P2");
    assertThat(nestedRows(g)).containsExactlyElementsOf(want);

    robot.clickOn("#resetSort");
    WaitForAsyncUtils.waitForFxEvents();
    List<String> naturalShown = new ArrayList<>(natural);
    naturalShown.remove("East|P2");
    assertThat(nestedRows(g)).containsExactlyElementsOf(naturalShown);
  }

  @Test
  void theSortMenuOrdersColumnsByAChosenRowAndTheCornerSortsByLabel(FxRobot robot) {
    addWithKeys(robot, "region", KeyCode.DIGIT1);
    addWithKeys(robot, "provider", KeyCode.DIGIT2);
    TableGridView g = grid(robot);
    // Columns by the North row, largest first, from the sort pickers.
    ComboBox<?> mode = robot.lookup("#columnSortMode").queryAs(ComboBox.class);
    robot.clickOn(mode);
    robot.clickOn(
        robot
            .lookup(".list-cell")
            .match((Labeled l) -> "Value, largest first".equals(l.getText()))
            .queryAs(Node.class));
    ComboBox<?> by = robot.lookup("#columnSortBy").queryAs(ComboBox.class);
    robot.clickOn(by);
    robot.clickOn(
        robot
            .lookup(".list-cell")
            .match((Labeled l) -> "North".equals(l.getText()))
            .queryAs(Node.class));
    WaitForAsyncUtils.waitForFxEvents();
    Map<String, Long> north = countBy(r -> r.get("provider"), r -> r.get("region").equals("North"));
    List<String> want =
        north.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(Map.Entry::getKey)
            .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    want.add("Total");
    List<String> shown = new ArrayList<>();
    for (int c = 1; c < g.gridColumnCount(); c++) {
      shown.add(g.textAt(0, c));
    }
    assertThat(shown).containsExactlyElementsOf(want);
    int northRow = rowLabels(g, 0).indexOf("\u25BC North") + 1;
    assertThat(northRow).isPositive();

    // The row dimension's name in the corner: Z–A on the second click.
    clickGridCell(robot, 0, 0);
    clickGridCell(robot, 0, 0);
    assertThat(g.textAt(0, 0)).isEqualTo("region (Z\u2013A)");
    assertThat(rowLabels(g, 0)).startsWith("South", "\u25BC North", "East");
  }

  // Saved and recent tables

  @Test
  void savedAndRecentTablesOpenWithOneClickFromTheEmptyBuilder(FxRobot robot) throws Exception {
    addWithKeys(robot, "region", KeyCode.DIGIT1);
    addWithKeys(robot, "sex", KeyCode.DIGIT2);
    TableBuilderViewModel m = model(robot);
    Path inWorkspace = m.tablesDirectory().resolve("region-by-sex.json");
    robot.interact(() -> m.save(inWorkspace));
    robot.interact(m::clear);
    addWithKeys(robot, "provider", KeyCode.DIGIT1);
    Path elsewhere = dir.resolve("mine").resolve("providers.json");
    robot.interact(() -> m.save(elsewhere));
    robot.interact(m::clear);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(grid(robot).gridRowCount()).isZero();

    // The empty builder lists the workspace's saved tables and the recent ones elsewhere.
    assertThat(robot.lookup("#openTableLinks").queryAs(Node.class).isVisible()).isTrue();
    robot.clickOn("#openTable-region-by-sex");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(m.fileProperty().get()).isEqualTo(inWorkspace);
    assertThat(lastColumn(grid(robot)))
        .containsExactlyEntriesOf(expected(countBy(r -> r.get("region"))));

    robot.interact(m::clear);
    robot.clickOn("#openTable-providers");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(rowLabels(grid(robot), 0)).containsExactly("P1", "P2", "P3", "P4", "P5", "Total");
  }

  // Measure and percentage pickers

  private static void pick(FxRobot robot, String combo, String item) {
    robot.clickOn(combo);
    robot.clickOn(
        robot
            .lookup(".list-cell")
            .match((Labeled l) -> item.equals(l.getText()) && l.isVisible())
            .queryAs(Node.class));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theMeasureAndPercentagePickersChangeTheValuesShown(FxRobot robot) {
    addWithKeys(robot, "region", KeyCode.DIGIT1);
    addWithKeys(robot, "sex", KeyCode.DIGIT2);
    TableGridView g = grid(robot);
    pick(robot, "#percentage", "% of row");
    for (int r = 1; r < g.gridRowCount(); r++) {
      assertThat(g.textAt(r, 3)).isEqualTo("100.0%");
    }
    double eastWomen =
        100.0
            * count(r -> r.get("region").equals("East") && r.get("sex").equals("F"))
            / count(r -> r.get("region").equals("East"));
    assertThat(g.textAt(1, 0)).isEqualTo("East");
    assertThat(g.textAt(1, 1)).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%", eastWomen));

    pick(robot, "#measureKind", "mean");
    pick(robot, "#measureVariable", "amount");
    assertThat(model(robot).spec().measure().label()).isEqualTo("mean:amount");
    // A mean is no percentage: the picker went back to none.
    assertThat(robot.lookup("#percentage").queryAs(ComboBox.class).getValue()).hasToString("NONE");
    double eastMean =
        BuilderFixture.records().stream()
            .filter(r -> r.get("region").equals("East"))
            .mapToDouble(r -> Double.parseDouble(r.get("amount")))
            .average()
            .orElseThrow();
    // a mean: one decimal in every cell
    assertThat(g.textAt(1, 3)).isEqualTo(String.format(java.util.Locale.ROOT, "%,.1f", eastMean));
  }

  @Test
  void theWaferSelectorShowsOneLayerAndUndoRedoStepThroughChanges(FxRobot robot) {
    addWithKeys(robot, "region", KeyCode.DIGIT1);
    addWithKeys(robot, "sex", KeyCode.DIGIT3);
    TableGridView g = grid(robot);
    // The wafer starts at its total: everyone.
    assertThat(lastColumn(g)).containsExactlyEntriesOf(expected(countBy(r -> r.get("region"))));
    pick(robot, "#wafer-sex", "F");
    assertThat(lastColumn(g))
        .containsExactlyEntriesOf(
            expected(countBy(r -> r.get("region"), r -> r.get("sex").equals("F"))));

    robot.clickOn("#undoButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model(robot).items(Zone.WAFERS)).isEmpty();
    assertThat(lastColumn(g)).containsExactlyEntriesOf(expected(countBy(r -> r.get("region"))));
    robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model(robot).items(Zone.WAFERS))
        .extracting(ZoneItem::variable)
        .containsExactly("sex");
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model(robot).spec().dimensions()).isEmpty();
    assertThat(g.gridRowCount()).isZero();
  }

  // Heat map

  /** The on-screen cell at a grid position. */
  private static javafx.scene.control.TableCell<?, ?> screenCell(FxRobot robot, int row, int col) {
    return robot
        .lookup(".spreadsheet-cell")
        .match(
            (javafx.scene.control.TableCell<?, ?> c) ->
                c.getItem() instanceof org.controlsfx.control.spreadsheet.SpreadsheetCell s
                    && s.getRow() == row
                    && s.getColumn() == col)
        .query();
  }

  @Test
  void anOuterRowHeaderSpansItsGroupOnScreen(FxRobot robot) {
    addWithKeys(robot, "region", KeyCode.DIGIT1);
    addWithKeys(robot, "provider", KeyCode.DIGIT1);
    TableGridView g = grid(robot);
    var outer = g.sheet().getGrid().getRows().get(1).get(0);
    assertThat(outer.getRowSpan()).isEqualTo(6);
    javafx.scene.control.TableCell<?, ?> shown =
        robot
            .lookup(".spreadsheet-cell")
            .match(
                (javafx.scene.control.TableCell<?, ?> c) -> c.getItem() == outer && c.isVisible())
            .query();
    double rowHeight = screenCell(robot, 1, 1).getHeight();
    assertThat(shown.getHeight()).isGreaterThan(5 * rowHeight);
  }

  @Test
  void theHeatMapShadesDataCellsByValueAndLeavesTotalsPlain(FxRobot robot) {
    addWithKeys(robot, "provider", KeyCode.DIGIT1);
    robot.clickOn("#heatMap");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(screenCell(robot, 1, 1).getStyle())
        .contains("-fx-background-color: rgba(214, 96, 77");
    // P1 (15) is the largest data cell: the strongest shade; the Total row is not shaded.
    assertThat(screenCell(robot, 1, 1).getStyle()).contains("0.800");
    assertThat(screenCell(robot, 6, 1).getStyle()).doesNotContain("rgba(214, 96, 77");
    robot.clickOn("#heatMap");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(screenCell(robot, 1, 1).getStyle()).doesNotContain("rgba(214, 96, 77");
  }
}
