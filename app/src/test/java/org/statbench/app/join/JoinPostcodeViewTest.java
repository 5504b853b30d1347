package org.statbench.app.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetKind;
import org.statbench.sampledata.SampleData;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A postcode join in the form: the sample housing-benefit claims to the postcode directory. */
@ExtendWith(ApplicationExtension.class)
class JoinPostcodeViewTest {
  @TempDir Path dir;
  private Workspace ws;

  @Start
  void start(Stage stage) {
    Path files = dir.resolve("files");
    SampleData.copyTo(files);
    ws = Workspace.open(dir.resolve("ws"));
    for (SampleData.SampleFile f :
        List.of(SampleData.HOUSING_BENEFIT, SampleData.GEOGRAPHY, SampleData.POSTCODES)) {
      ws.importCsv(
          ImportRequest.of(f.datasetName(), files.resolve(f.fileName())),
          ProgressListener.NONE,
          CancellationToken.NONE);
      if (f.isLookup()) {
        ws.setKind(f.datasetName(), DatasetKind.LOOKUP, f.edition());
      }
    }
    SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    RecordingDialogService dialogs = new RecordingDialogService();
    WorkspaceModel model =
        new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(dir.resolve("home")));
    model.use(ws, ws.datasets());
    JoinView view = new JoinView(new JoinViewModel(new AppContext(tasks, dialogs, model)));
    stage.setScene(new Scene((javafx.scene.Parent) view.node(), 980, 640));
    stage.show();
  }

  @AfterEach
  void close() {
    ws.close();
  }

  @SuppressWarnings("unchecked")
  private static ComboBox<String> combo(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(ComboBox.class);
  }

  @Test
  void choosingThePostcodeDirectoryUsesItsKeyAndReportsTerminatedAndPseudoPostcodes(FxRobot robot) {
    assertThat(combo(robot, "#joinKey").getValue()).isEqualTo("postcode");
    assertThat(combo(robot, "#joinLookup").getValue()).isEqualTo("geography_2011");
    assertThat(combo(robot, "#joinLookupKey").getValue()).isEqualTo("oa");

    robot.interact(() -> combo(robot, "#joinLookup").setValue("postcodes_2011"));
    WaitForAsyncUtils.waitForFxEvents();

    // The directory's own key, not the previous lookup's column of the same name; the
    // termination date is not offered as a level.
    assertThat(combo(robot, "#joinLookupKey").getValue()).isEqualTo("pcd");
    assertThat(robot.lookup("#joinLevel-oa").tryQuery()).isPresent();
    assertThat(robot.lookup("#joinLevel-doterm").tryQuery()).isEmpty();

    robot.clickOn("#joinPreview");
    WaitForAsyncUtils.waitForFxEvents();

    @SuppressWarnings("unchecked")
    List<JoinViewModel.ReportRow> rows =
        robot.lookup("#joinReport").queryAs(TableView.class).getItems();
    assertThat(rows)
        .extracting(JoinViewModel.ReportRow::category, JoinViewModel.ReportRow::count)
        .contains(
            org.assertj.core.groups.Tuple.tuple("matched", "2,846"),
            org.assertj.core.groups.Tuple.tuple("terminated", "112"),
            org.assertj.core.groups.Tuple.tuple("pseudo_code", "4"));
  }
}
