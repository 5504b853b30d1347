package org.statbench.app.disclosurepanel;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.statbench.app.chart.ChartView;
import org.statbench.app.chart.ChartViewModel;
import org.statbench.app.release.FxReleaseAdapter;
import org.statbench.app.shell.CurrentTable;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.DialogService.FileFilter;
import org.statbench.core.RefusedException;
import org.statbench.core.StatBenchException;
import org.statbench.core.table.DimensionRole;
import org.statbench.core.table.Table;
import org.statbench.export.Release;

/**
 * The menu and button commands that release the current table: File > Export (CSV/XLSX) and Edit >
 * Copy go through the export gate (via {@link DisclosurePanelViewModel}); when the gate refuses,
 * the analyst is offered a clearance request with a written justification.
 */
public final class ReleaseActions {
  static final FileFilter XLSX = new FileFilter("Excel workbooks", List.of("*.xlsx"));
  static final FileFilter PNG = new FileFilter("PNG images", List.of("*.png"));
  static final FileFilter HTML = new FileFilter("HTML reports", List.of("*.html"));

  private final DisclosurePanelViewModel vm;
  private final DialogService dialogs;
  private final Function<String, Optional<String>> justification;

  /**
   * @param justification asks for a justification given the refusal text (null when none); empty
   *     when cancelled, blank when the analyst confirmed an empty text
   */
  public ReleaseActions(
      DisclosurePanelViewModel vm,
      DialogService dialogs,
      Function<String, Optional<String>> justification) {
    this.vm = vm;
    this.dialogs = dialogs;
    this.justification = justification;
  }

  /** Asks for a file and exports the current table as CSV or XLSX through the gate. */
  public void export() {
    Optional<Path> out =
        dialogs.chooseFileToSave(
            "Export table", null, fileName(".xlsx"), List.of(XLSX, FileFilter.CSV));
    out.ifPresent(this::exportTo);
  }

  /** Exports to a file chosen already (CSV or XLSX by extension). */
  public void exportTo(Path out) {
    try {
      vm.export(out);
    } catch (RefusedException e) {
      offerClearance(e, () -> exportTo(out));
    } catch (StatBenchException | java.io.UncheckedIOException e) {
      dialogs.showError("Export failed", e);
    }
  }

  /**
   * Exports a chart through the gate: the chart is drawn afresh from the published values only
   * (withheld cells are gaps), never from the on-screen chart of the exact table.
   */
  public void exportChart() {
    Release r = admitOrOffer();
    if (r == null) {
      return;
    }
    dialogs
        .chooseFileToSave("Export chart", null, fileName(".png"), List.of(PNG))
        .ifPresent(
            out -> {
              try {
                FxReleaseAdapter.writeChartPng(r, chartOf(r.publishedTable()), out);
              } catch (StatBenchException | java.io.UncheckedIOException e) {
                dialogs.showError("Export failed", e);
              }
            });
  }

  /** Saves a report (HTML: table, chart, disclosure summary, definition) through the gate. */
  public void saveReport() {
    Release r = admitOrOffer();
    if (r == null) {
      return;
    }
    dialogs
        .chooseFileToSave("Save report", null, fileName(".html"), List.of(HTML))
        .ifPresent(
            out -> {
              try {
                FxReleaseAdapter.writeReport(r, chartOf(r.publishedTable()), out);
              } catch (StatBenchException | java.io.UncheckedIOException e) {
                dialogs.showError("Saving the report failed", e);
              }
            });
  }

  /**
   * The release of the current table through the gate, or null when the gate refuses (the analyst
   * is then offered a clearance request) or fails (the error is shown). For callers that write
   * their own rendering of the published values (the Cohorts tab's charts).
   */
  public Release admitOrOffer() {
    try {
      return vm.admit();
    } catch (RefusedException e) {
      offerClearance(e, () -> {});
    } catch (StatBenchException e) {
      dialogs.showError("Export failed", e);
    }
    return null;
  }

  /** The suggested file name: the table's name with {@code extension}. */
  String fileName(String extension) {
    String name = vm.tableNameProperty().get();
    return (name == null || name.isBlank() ? "table" : name.strip()) + extension;
  }

  /** A chart of a table, laid out off screen so it can be snapshotted. */
  static Node chartOf(Table published) {
    CurrentTable current = new CurrentTable();
    long wafers =
        published.dimensions().stream().filter(d -> d.role() == DimensionRole.WAFER).count();
    current.publish(published, java.util.Collections.nCopies((int) wafers, 0));
    ChartView view = new ChartView(new ChartViewModel(current));
    new Scene(view, 900, 560);
    view.applyCss();
    view.layout();
    return view;
  }

  /** Copies the current table to the clipboard through the gate. */
  public void copy() {
    try {
      FxReleaseAdapter.copyToClipboard(vm.admit());
    } catch (RefusedException e) {
      offerClearance(e, this::copy);
    } catch (StatBenchException e) {
      dialogs.showError("Copy failed", e);
    }
  }

  /** Asks for a justification and submits a clearance request for the current table. */
  public void requestClearance(String refusal) {
    Optional<String> why = justification.apply(refusal);
    if (why.isEmpty()) {
      return;
    }
    if (why.get().isBlank()) {
      dialogs.showError(
          "Clearance not requested",
          "The justification is empty. Write why this table should be released as it is, so the"
              + " statistician can decide; nothing was sent.");
      return;
    }
    try {
      vm.requestClearance(why.get());
    } catch (StatBenchException e) {
      dialogs.showError("Cannot request clearance", e);
    }
  }

  /**
   * Explains the refusal and does what the analyst chooses: protect the table and then retry the
   * release ({@code retry}), ask for clearance, or nothing.
   */
  private void offerClearance(RefusedException e, Runnable retry) {
    DialogService.Refusal refusal = vm.refusal(e);
    switch (dialogs.askAboutRefusal(refusal)) {
      case PROTECT -> vm.protect(retryIfSafe(retry));
      case REQUEST_CLEARANCE -> requestClearance(refusal.summary());
      case CANCEL -> {}
    }
  }

  private Runnable retryIfSafe(Runnable retry) {
    return () -> {
      if (!vm.failsBinding().get()) {
        retry.run();
      }
    };
  }
}
