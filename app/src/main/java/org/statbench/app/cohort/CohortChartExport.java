package org.statbench.app.cohort;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.statbench.app.disclosurepanel.ReleaseActions;
import org.statbench.app.shell.DialogService;
import org.statbench.core.StatBenchException;
import org.statbench.core.table.Table;
import org.statbench.export.Release;

/**
 * Exports the Cohorts tab's chart as PNG through the export gate: the count table has been
 * protected (small cohorts and groups withheld), the chart is redrawn from its published values
 * only, and withheld curves are left out and named on the chart. A refusal offers a clearance
 * request (through the release actions).
 */
final class CohortChartExport {
  private static final DialogService.FileFilter PNG =
      new DialogService.FileFilter("PNG images", List.of("*.png"));

  private CohortChartExport() {}

  /**
   * @param chartOf redraws the chart from the published table
   * @param released receives the released chart (for tests and the view)
   * @param message receives the outcome for the tab's message line
   */
  static void export(
      ReleaseActions actions,
      DialogService dialogs,
      Function<Table, ReleasedChart> chartOf,
      ChartKind kind,
      ReleasedChartWriter writer,
      Consumer<ReleasedChart> released,
      Consumer<String> message) {
    Release r = actions.admitOrOffer();
    if (r == null) {
      return;
    }
    ReleasedChart chart;
    try {
      chart = chartOf.apply(r.publishedTable());
    } catch (StatBenchException e) {
      dialogs.showError("Cannot export the chart", e);
      return;
    }
    released.accept(chart);
    dialogs
        .chooseFileToSave("Export chart", null, kind.fileName(), List.of(PNG))
        .ifPresent(
            out -> {
              try {
                writer.write(r, chart, out);
              } catch (StatBenchException | java.io.UncheckedIOException e) {
                dialogs.showError("Export failed", e);
                return;
              }
              message.accept(
                  "Exported "
                      + out.getFileName()
                      + " through the disclosure check"
                      + (chart.withheld().isEmpty()
                          ? ""
                          : " (" + chart.withheld().size() + " withheld)"));
            });
  }
}
