package org.statbench.app.cohort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.statbench.app.security.WorkspaceDocuments;
import org.statbench.app.shell.DialogService;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.cohort.CohortSpec;
import org.statbench.cohort.CohortSpecJson;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;
import org.statbench.sampledata.SampleData;

/**
 * The Cohorts tab's files: bundled sample definitions, saved definitions read and written through
 * the workspace (encrypted when it is), the file dialogs that choose them, and which variables of a
 * dataset a definition may use. Errors are shown through the dialog service naming the file.
 */
final class CohortFiles {
  private final WorkspaceModel workspace;
  private final DialogService dialogs;
  private final SavedCohorts saved;

  CohortFiles(WorkspaceModel workspace, DialogService dialogs, SavedCohorts saved) {
    this.workspace = workspace;
    this.dialogs = dialogs;
    this.saved = saved;
  }

  /** A bundled sample definition (a classpath resource of sample-data), or empty on error. */
  Optional<CohortSpec> openSample(String resource) {
    try (InputStream in = SampleData.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        dialogs.showError("Cannot open definition", "Missing resource " + resource);
        return Optional.empty();
      }
      return Optional.of(CohortSpecJson.load(in, resource));
    } catch (IOException | RuntimeException e) {
      dialogs.showError("Cannot open definition", e);
      return Optional.empty();
    }
  }

  /** The title of a bundled definition, for menus (its resource name when it has none). */
  static String sampleTitle(String resource) {
    try (InputStream in = SampleData.class.getClassLoader().getResourceAsStream(resource)) {
      CohortSpec s = CohortSpecJson.load(in, resource);
      return s.title() != null ? s.title() : resource;
    } catch (IOException | RuntimeException e) {
      return resource;
    }
  }

  /** Asks for a definition file, starting in the workspace's cohorts folder. */
  Optional<Path> chooseToOpen() {
    return dialogs.chooseFileToOpen(
        "Open cohort definition",
        existing(saved.directory()),
        List.of(DialogService.FileFilter.JSON, DialogService.FileFilter.ALL));
  }

  /** Reads a saved definition (remembered as recent), or empty when it cannot be read. */
  Optional<CohortSpec> read(Path source) {
    try {
      CohortSpec loaded =
          CohortSpecJson.fromJson(
              WorkspaceDocuments.read(workspace.workspace(), source), source.toString());
      saved.remember(source);
      return Optional.of(loaded);
    } catch (IOException | RuntimeException e) {
      dialogs.showError("Cannot open " + source.getFileName(), e);
      return Optional.empty();
    }
  }

  /**
   * Asks where to save (by default the workspace's cohorts folder, where it is listed with the
   * saved definitions) and writes the definition; the file written, or empty.
   */
  Optional<Path> saveAs(CohortSpec spec, Path current) {
    String name =
        current != null ? current.getFileName().toString() : SavedCohorts.suggestedName(spec);
    Optional<Path> target =
        dialogs.chooseFileToSave(
            "Save cohort definition",
            saved.saveDirectory(),
            name,
            List.of(DialogService.FileFilter.JSON));
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Path f = target.get();
    try {
      WorkspaceDocuments.write(workspace.workspace(), f, CohortSpecJson.toJson(spec));
    } catch (IOException | RuntimeException e) {
      dialogs.showError("Cannot save " + f.getFileName(), e);
      return Optional.empty();
    }
    saved.refresh();
    saved.remember(f);
    return target;
  }

  /** The DATE variables of a dataset: the only ones accepted as entry or event. */
  static List<String> dates(Optional<DatasetInfo> dataset) {
    List<String> out = new ArrayList<>();
    dataset.ifPresent(
        d ->
            d.variables().stream()
                .filter(v -> v.type() == VariableType.DATE)
                .forEach(v -> out.add(v.name())));
    return out;
  }

  /**
   * The variables offered as breakdowns: categorical and numeric ones, and dates (grouped into
   * periods, as in tables).
   */
  static List<String> breakdowns(Optional<DatasetInfo> dataset) {
    List<String> out = new ArrayList<>();
    dataset.ifPresent(
        d -> {
          for (VariableInfo v : d.variables()) {
            VariableType t = v.type();
            if (t == VariableType.DATE || t == VariableType.CATEGORICAL || t.isNumeric()) {
              out.add(v.name());
            }
          }
        });
    return out;
  }

  private static Path existing(Path dir) {
    return dir != null && Files.isDirectory(dir) ? dir : null;
  }
}
