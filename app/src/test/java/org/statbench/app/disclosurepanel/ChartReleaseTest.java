package org.statbench.app.disclosurepanel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.release.FxReleaseAdapter;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.export.Release;
import org.statbench.store.AuditEntry;
import org.statbench.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ChartReleaseTest {
  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new StackPane(), 100, 100));
    stage.show();
  }

  @Test
  void chartAndReportOfAProtectedTableLeaveThroughTheGate(FxRobot robot) throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      DisclosurePanelViewModel vm = new DisclosurePanelViewModel(new SameThreadTaskRunner());
      Path png = dir.resolve("chart.png");
      Path html = dir.resolve("report.html");
      robot.interact(
          () -> {
            vm.workspaceProperty().set(ws);
            vm.tableProperty().set(DisclosurePanelViewModelTest.table());
            vm.protect();
            Release r = vm.admit();
            assertThat(r.publishedTable().value(r.table().index(1, 0))).isNaN();
            FxReleaseAdapter.writeChartPng(r, ReleaseActions.chartOf(r.publishedTable()), png);
            FxReleaseAdapter.writeReport(r, ReleaseActions.chartOf(r.publishedTable()), html);
          });
      byte[] bytes = Files.readAllBytes(png);
      assertThat(bytes[1]).isEqualTo((byte) 'P');
      assertThat(bytes.length).isGreaterThan(1000);
      assertThat(Files.readString(html)).contains("data:image/png;base64,");
      assertThat(ws.auditLog().entries())
          .extracting(AuditEntry::details)
          .anyMatch(d -> d.contains("\"format\":\"png\""))
          .anyMatch(d -> d.contains("\"format\":\"report\""));
    }
  }
}
