package org.statbench.app.tablebuilder.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.store.Workspace;
import org.statbench.tabulate.survey.SurveyDesign;
import org.statbench.tabulate.survey.SurveyDesigns;

class SurveyDesignViewModelTest {
  @TempDir Path dir;
  private Workspace ws;
  private WorkspaceModel workspace;
  private RecordingDialogService dialogs;
  private SameThreadTaskRunner tasks;

  @BeforeEach
  void setUp() {
    ws = SurveyTestData.workspace(dir.resolve("ws"));
    tasks = new SameThreadTaskRunner();
    dialogs = new RecordingDialogService();
    workspace = new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(dir.resolve("home")));
    workspace.use(ws, ws.datasets());
  }

  @AfterEach
  void tearDown() {
    ws.close();
  }

  private SurveyDesignViewModel vm() {
    return new SurveyDesignViewModel(tasks, dialogs, workspace, SurveyTestData.DATASET);
  }

  @Test
  void savedDesignIsKeptWithTheDatasetAndReadBackByTheNextDialog() {
    SurveyDesignViewModel vm = vm();
    vm.weightProperty().set("w");
    vm.strataProperty().set("stratum");
    vm.psuProperty().set("psu");
    vm.lonelyProperty().set(SurveyDesign.LonelyPsu.ADJUST);
    AtomicBoolean saved = new AtomicBoolean();
    int version = workspace.propertiesVersionProperty().get();

    vm.save(() -> saved.set(true));

    assertThat(saved).isTrue();
    assertThat(dialogs.errors).isEmpty();
    assertThat(SurveyDesigns.of(ws, SurveyTestData.DATASET))
        .contains(
            new SurveyDesign(
                "w", "stratum", "psu", null, SurveyDesign.LonelyPsu.ADJUST, null, null));
    assertThat(workspace.propertiesVersionProperty().get()).isEqualTo(version + 1);
    assertThat(vm().psuProperty().get()).isEqualTo("psu");
  }

  @Test
  void unknownVariableIsRefusedByNameAndNothingIsKept() {
    SurveyDesignViewModel vm = vm();
    vm.weightProperty().set("w");
    vm.strataProperty().set("stratum_typo");

    vm.save(() -> {});

    assertThat(vm.messageProperty().get()).contains("'stratum_typo'").contains("households");
    assertThat(dialogs.errors).singleElement().asString().contains("stratum_typo");
    assertThat(SurveyDesigns.of(ws, SurveyTestData.DATASET)).isEmpty();
  }

  @Test
  void stratumWithOnePsuIsNamedUnlessTheDesignSaysHowToTreatIt() {
    SurveyDesignViewModel vm = vm();
    vm.weightProperty().set("w");
    vm.strataProperty().set("stratum");
    vm.psuProperty().set("psu");

    vm.save(() -> {});

    // stratum C has the single PSU c1
    assertThat(vm.messageProperty().get()).contains("C").contains("lonely=adjust");
    assertThat(SurveyDesigns.of(ws, SurveyTestData.DATASET)).isEmpty();
  }

  @Test
  void replicatePrefixExpandsToTheMatchingVariables() {
    SurveyDesignViewModel vm = vm();
    vm.weightProperty().set("w");
    vm.useReplicatesProperty().set(true);
    vm.replicatesProperty().set("w*");
    vm.replicateTypeProperty().set(SurveyDesign.ReplicateType.JK1);

    // only w starts with "w": one replicate is refused by the engine's rule (at least two)
    vm.save(() -> {});
    assertThat(vm.messageProperty().get()).contains("at least two");

    vm.replicatesProperty().set("w,income");
    assertThat(vm.design().replicates()).containsExactly("w", "income");
  }

  @Test
  void removingTheDesignForgetsIt() {
    SurveyDesigns.set(ws, SurveyTestData.DATASET, SurveyDesign.weightOnly("w"));
    SurveyDesignViewModel vm = vm();
    assertThat(vm.weightProperty().get()).isEqualTo("w");

    vm.remove(() -> {});

    assertThat(SurveyDesigns.of(ws, SurveyTestData.DATASET)).isEmpty();
  }
}
