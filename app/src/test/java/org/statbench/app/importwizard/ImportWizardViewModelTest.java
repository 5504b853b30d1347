package org.statbench.app.importwizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.app.shell.AppContext;
import org.statbench.app.shell.RecordingDialogService;
import org.statbench.app.shell.SameThreadTaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.app.workspace.WorkspacePreferences;
import org.statbench.core.data.VariableType;
import org.statbench.store.ImportRequest;

class ImportWizardViewModelTest {
  @TempDir Path home;

  private ImportWizardViewModel model(RecordingDialogService dialogs) {
    SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    WorkspaceModel ws = new WorkspaceModel(tasks, dialogs, new WorkspacePreferences(home));
    return new ImportWizardViewModel(new AppContext(tasks, dialogs, ws));
  }

  @Test
  void browsingPreviewsTheFileAndNamesTheDatasetAfterIt() throws Exception {
    RecordingDialogService dialogs = new RecordingDialogService();
    dialogs.files.add(CsvPreviewTest.fixture("people_semicolon.csv"));
    ImportWizardViewModel m = model(dialogs);
    m.browse();
    assertThat(m.nameProperty().get()).isEqualTo("people_semicolon");
    assertThat(m.previewProperty().get().rows()).hasSize(3);
    assertThat(m.columns())
        .extracting(ImportWizardViewModel.ColumnChoice::name)
        .containsExactly("id", "region", "age", "income", "start");
  }

  @Test
  void requestCarriesOnlyTheOverriddenTypesAndTheChosenFormat() throws Exception {
    RecordingDialogService dialogs = new RecordingDialogService();
    ImportWizardViewModel m = model(dialogs);
    m.fileProperty().set(CsvPreviewTest.fixture("people_semicolon.csv"));
    m.columns().get(0).typeProperty().set(VariableType.CATEGORICAL);
    m.delimiterProperty().set(ImportWizardViewModel.Delimiter.SEMICOLON);
    m.nameProperty().set(" people ");
    ImportRequest r = m.request();
    assertThat(r.name()).isEqualTo("people");
    assertThat(r.delimiter()).isEqualTo(';');
    assertThat(r.encoding()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(r.schema().variables()).containsOnlyKeys("id");
    assertThat(r.schema().variables().get("id").type()).isEqualTo(VariableType.CATEGORICAL);
  }

  @Test
  void typeOverridesSurviveAChangeOfEncoding() throws Exception {
    ImportWizardViewModel m = model(new RecordingDialogService());
    m.fileProperty().set(CsvPreviewTest.fixture("people_semicolon.csv"));
    m.columns().get(2).typeProperty().set(VariableType.DECIMAL);
    m.encodingProperty().set(ImportWizardViewModel.Encoding.WINDOWS_1252);
    assertThat(m.columns().get(2).typeProperty().get()).isEqualTo(VariableType.DECIMAL);
  }

  @Test
  void importIsNotPossibleWithoutAnOpenWorkspace() throws Exception {
    ImportWizardViewModel m = model(new RecordingDialogService());
    m.fileProperty().set(CsvPreviewTest.fixture("people.csv"));
    assertThat(m.canImportProperty().get()).isFalse();
    assertThat(m.startImport()).isFalse();
  }

  @Test
  void anUnreadableFileShowsThePreviewErrorInsteadOfAPreview() {
    ImportWizardViewModel m = model(new RecordingDialogService());
    m.fileProperty().set(home.resolve("missing.csv"));
    assertThat(m.previewProperty().get()).isNull();
    assertThat(m.previewErrorProperty().get()).contains("missing.csv");
  }
}
