package org.statbench.app.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.chart.ChartStyle;
import org.statbench.app.datasets.FieldDrag;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The cohort view, headless: fields are dragged from a list as from the shell's field tree. */
@ExtendWith(ApplicationExtension.class)
class CohortViewTest {
  @TempDir static Path shared;
  static Workspace ws;

  private CohortViewModel vm;
  private RecordingDialogService dialogs;

  @BeforeAll
  static void importReferrals() {
    ws = SampleReferralsWorkspace.create(shared);
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  @Start
  void start(Stage stage) {
    SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    dialogs = new RecordingDialogService();
    WorkspaceModel model =
        new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(shared.resolve("home")));
    model.use(ws, ws.datasets());
    vm = new CohortViewModel(tasks, dialogs, model);
    vm.entryProperty().set(null);
    vm.eventProperty().set(null);

    ListView<String> fields = new ListView<>();
    fields.getItems().setAll("referral_date", "job_outcome_date", "sex");
    fields.setPrefWidth(160);
    fields.setCellFactory(
        l -> {
          ListCell<String> cell =
              new ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                  super.updateItem(item, empty);
                  setText(empty ? null : item);
                  setId(empty ? null : "field-" + item);
                }
              };
          cell.setOnDragDetected(
              e -> {
                if (cell.getItem() != null) {
                  cell.startDragAndDrop(TransferMode.COPY_OR_MOVE)
                      .setContent(FieldDrag.content(cell.getItem()));
                  e.consume();
                }
              });
          return cell;
        });
    BorderPane root = new BorderPane(new CohortView(vm).node());
    root.setLeft(fields);
    stage.setScene(new Scene(root, 1300, 850));
    stage.show();
  }

  @Test
  void droppedDatesBuildTheTriangleWithCensoredCellsLeftEmpty(FxRobot robot) {
    robot.drag("#field-job_outcome_date").dropTo("#cohortEvent");
    robot.drag("#field-referral_date").dropTo("#cohortEntry");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(vm.entryProperty().get()).isEqualTo("referral_date");
    assertThat(vm.eventProperty().get()).isEqualTo("job_outcome_date");
    TableView<?> triangle = robot.lookup("#cohortTriangle").queryAs(TableView.class);
    assertThat(triangle.getItems()).hasSize(43);
    assertThat(cellText(robot, 0, 12)).isEqualTo("25.1");

    robot.interact(() -> vm.asOfProperty().set(LocalDate.parse("2012-06-30")));
    WaitForAsyncUtils.waitForFxEvents();

    // As of 30 June 2012: cohort 2011-06 has its 12 months (162 of 646 = 25.1%), 2011-07 does
    // not, so that cell is empty rather than 0.
    assertThat(triangle.getItems()).hasSize(13);
    // rendered rows are reused; give the table a layout pulse to show the new items
    awaitText(robot, 1, 12, "");
    assertThat(cellText(robot, 0, 12)).isEqualTo("25.1");
    assertThat(cellText(robot, 1, 12)).isEmpty();
    assertThat(cellText(robot, 1, 11)).isNotEmpty();
  }

  @Test
  void aNonDateDroppedOnEntryIsRefused(FxRobot robot) {
    robot.drag("#field-sex").dropTo("#cohortEntry");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(vm.entryProperty().get()).isNull();
    assertThat(robot.lookup("#cohortMessage").queryAs(Label.class).getText())
        .contains("'sex' is not a date");
    assertThat(robot.lookup("#cohortTriangle").queryAs(TableView.class).getItems()).isEmpty();
  }

  @Test
  void curvesAtRiskAndHorizonChartsFollowTheResult(FxRobot robot) {
    robot.interact(() -> vm.openSample(CohortViewModel.SAMPLE_DEFINITIONS.get(0)));
    WaitForAsyncUtils.waitForFxEvents();

    ChartViewer curves = robot.lookup("#cohortCurves").queryAs(ChartViewer.class);
    ChartViewer horizon = robot.lookup("#cohortHorizonChart").queryAs(ChartViewer.class);
    assertThat(curves.getChart()).isNotNull();
    assertThat(curves.getChart().getXYPlot().getDataset().getSeriesCount())
        .isEqualTo(CohortViewModel.DEFAULT_CURVES);
    assertThat(horizon.getChart()).isNotNull();
    assertThat(horizon.getChart().getCategoryPlot().getDataset().getColumnCount()).isEqualTo(43);
    assertThat(robot.lookup("#cohortAtRisk").queryAs(TableView.class).getItems())
        .hasSize(CohortViewModel.DEFAULT_CURVES);

    robot.interact(() -> vm.breakdownProperty().set("sex"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(curves.getChart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(2);
  }

  @Test
  void chartsTakeTheThemesColoursWhenTheThemeChangesWhileTheTabIsOpen(FxRobot robot) {
    robot.interact(() -> vm.openSample(CohortViewModel.SAMPLE_DEFINITIONS.get(0)));
    WaitForAsyncUtils.waitForFxEvents();
    ChartViewer curves = robot.lookup("#cohortCurves").queryAs(ChartViewer.class);
    ChartViewer horizon = robot.lookup("#cohortHorizonChart").queryAs(ChartViewer.class);
    javafx.collections.ObservableList<String> rootClasses =
        curves.getScene().getRoot().getStyleClass();

    for (ChartStyle.Theme theme :
        new ChartStyle.Theme[] {
          ChartStyle.Theme.DARK, ChartStyle.Theme.HIGH_CONTRAST, ChartStyle.Theme.LIGHT
        }) {
      // as ThemeStyler marks the window's root
      robot.interact(
          () -> {
            rootClasses.removeIf(c -> c.startsWith("theme-"));
            rootClasses.add("theme-" + theme.name().toLowerCase(Locale.ROOT).replace('_', '-'));
          });
      for (JFreeChart chart : List.of(curves.getChart(), horizon.getChart())) {
        assertThat(chart.getBackgroundPaint())
            .as("%s background", theme)
            .isEqualTo(theme.background());
        assertThat(chart.getPlot().getBackgroundPaint())
            .as("%s plot", theme)
            .isEqualTo(theme.background());
        assertThat(chart.getTitle().getPaint()).as("%s title", theme).isEqualTo(theme.text());
        org.jfree.chart.axis.Axis axis =
            chart.getPlot() instanceof org.jfree.chart.plot.XYPlot xy
                ? xy.getRangeAxis()
                : chart.getCategoryPlot().getRangeAxis();
        assertThat(axis.getTickLabelPaint()).as("%s ticks", theme).isEqualTo(theme.text());
        assertThat(axis.getLabelPaint()).as("%s axis label", theme).isEqualTo(theme.text());
      }
    }
    // a result computed in a theme is drawn in it
    robot.interact(
        () -> {
          rootClasses.add("theme-dark");
          vm.breakdownProperty().set("sex");
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(curves.getChart().getBackgroundPaint())
        .isEqualTo(ChartStyle.Theme.DARK.background());
  }

  @Test
  void exportMenuWritesTheProtectedTableAsCsvThroughTheGateAndAuditsIt(
      FxRobot robot, @TempDir Path out) throws Exception {
    robot.interact(() -> vm.openSample(CohortViewModel.SAMPLE_DEFINITIONS.get(0)));
    robot.interact(() -> vm.breakdownProperty().set("sex"));
    WaitForAsyncUtils.waitForFxEvents();
    Path file = out.resolve("cohorts.csv");
    dialogs.files.add(file);
    long exportsBefore = exports();

    robot.clickOn("#cohortExport");
    robot.clickOn("Table (CSV/XLSX, disclosure-checked)…");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(dialogs.errors).isEmpty();
    java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("cohort,sex,duration,measure,value,status");
    assertThat(lines).contains("2011-06,Total,Total,count,646,ok");
    // small counts are withheld (empty value), never written
    assertThat(lines).anyMatch(l -> l.contains(",count,,primary"));
    assertThat(lines).noneMatch(l -> l.matches(".*,count,[1-9],ok.*"));
    java.util.List<org.statbench.store.AuditEntry> entries = ws.auditLog().entries();
    assertThat(exports()).isEqualTo(exportsBefore + 1);
    org.statbench.store.AuditEntry last =
        entries.stream().filter(e -> e.type().equals("export")).reduce((a, b) -> b).orElseThrow();
    assertThat(last.subject() + " " + last.details()).contains("cohorts.csv").contains("csv");
    assertThat(ws.auditLog().verify().ok()).isTrue();
    assertThat(robot.lookup("#cohortMessage").queryAs(Label.class).getText())
        .contains("through the disclosure check");
  }

  @Test
  void exportChartMenuWritesTheCurvesAsShownFromTheProtectedCountsAsPng(
      FxRobot robot, @TempDir Path out) throws Exception {
    robot.interact(
        () -> {
          vm.openSample(CohortViewModel.SAMPLE_DEFINITIONS.get(0));
          vm.filtersProperty().set("referral_date=2011-06-01..2011-06-30");
          vm.breakdownProperty().set("payment_group");
          vm.curveSourceProperty().set(CurveSource.COHORTS);
          vm.selectedRows().setAll(java.util.stream.IntStream.range(0, 9).boxed().toList());
        });
    WaitForAsyncUtils.waitForFxEvents();
    Path file = out.resolve("curves.png");
    dialogs.files.add(file);
    long exportsBefore = exports();

    robot.clickOn("#cohortExport");
    robot.clickOn("Curves as shown (PNG, disclosure-checked)…");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(dialogs.errors).isEmpty();
    java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(file.toFile());
    assertThat(png.getWidth()).isEqualTo(ReleasedChartImage.WIDTH);
    assertThat(png.getHeight()).isEqualTo(ReleasedChartImage.HEIGHT);
    assertThat(exports()).isEqualTo(exportsBefore + 1);
    // the image's lines: the released curves, without the tiny groups shown on screen
    ReleasedChart released = vm.releasedChartProperty().get();
    org.jfree.data.xy.XYDataset drawn = ReleasedChartImage.chart(released).getXYPlot().getDataset();
    java.util.List<String> series = new java.util.ArrayList<>();
    for (int i = 0; i < drawn.getSeriesCount(); i++) {
      series.add(drawn.getSeriesKey(i).toString());
    }
    assertThat(series)
        .isNotEmpty()
        .noneMatch(s -> s.contains("Prison Leavers") || s.contains("IB/IS"));
    assertThat(released.withheld()).contains("2011-06 · JSA Prison Leavers");
    assertThat(robot.lookup("#cohortMessage").queryAs(Label.class).getText())
        .contains("curves.png through the disclosure check");
  }

  private static long exports() {
    return ws.auditLog().entries().stream().filter(e -> e.type().equals("export")).count();
  }

  /** Text of the triangle cell in row {@code row}, duration column {@code duration}. */
  private static void awaitText(FxRobot robot, int row, int duration, String expected) {
    try {
      WaitForAsyncUtils.waitFor(
          10,
          java.util.concurrent.TimeUnit.SECONDS,
          () -> expected.equals(cellText(robot, row, duration)));
    } catch (java.util.concurrent.TimeoutException e) {
      // fall through: the assertion that follows reports the value actually shown
    }
  }

  private static String cellText(FxRobot robot, int row, int duration) {
    return robot
        .lookup(".cohort-triangle .table-row-cell")
        .queryAllAs(javafx.scene.control.TableRow.class)
        .stream()
        .filter(r -> r.getIndex() == row)
        .findFirst()
        .map(
            r ->
                r.getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?>)
                    .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                    .filter(c -> ("d" + duration).equals(c.getTableColumn().getId()))
                    .findFirst()
                    .map(c -> c.getText() == null ? "" : c.getText())
                    .orElse("no cell"))
        .orElse("no row");
  }
}
