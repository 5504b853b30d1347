package org.statbench.app.tablebuilder.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.TaskRunner;
import org.statbench.app.workspace.WorkspaceModel;
import org.statbench.core.InputException;
import org.statbench.core.data.VariableInfo;
import org.statbench.store.Workspace;
import org.statbench.tabulate.survey.SurveyDesign;
import org.statbench.tabulate.survey.SurveyDesign.LonelyPsu;
import org.statbench.tabulate.survey.SurveyDesign.ReplicateType;
import org.statbench.tabulate.survey.SurveyDesigns;

/**
 * The "Survey design…" dialog of one dataset: weight, strata, PSUs, optional fpc and the lonely-PSU
 * rule, or replicate weights (a list or {@code prefix*}, bootstrap / jk1 / jkn). {@link #save}
 * checks the design against the data in the background (unknown variables, one-PSU strata named)
 * and keeps it with the dataset through {@link SurveyDesigns}; refusals go to the dialog service
 * and to {@link #messageProperty()}. FX thread only.
 */
public final class SurveyDesignViewModel {
  private final TaskRunner tasks;
  private final DialogService dialogs;
  private final WorkspaceModel workspace;
  private final String dataset;

  // Properties
  private final ObservableList<String> variables = FXCollections.observableArrayList();
  private final StringProperty weight = new SimpleStringProperty(this, "weight", "");
  private final StringProperty strata = new SimpleStringProperty(this, "strata", "");
  private final StringProperty psu = new SimpleStringProperty(this, "psu", "");
  private final StringProperty fpc = new SimpleStringProperty(this, "fpc", "");
  private final ObjectProperty<LonelyPsu> lonely =
      new SimpleObjectProperty<>(this, "lonely", LonelyPsu.FAIL);
  private final BooleanProperty useReplicates = new SimpleBooleanProperty(this, "useReplicates");
  private final StringProperty replicates = new SimpleStringProperty(this, "replicates", "");
  private final ObjectProperty<ReplicateType> replicateType =
      new SimpleObjectProperty<>(this, "replicateType", ReplicateType.BOOTSTRAP);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

  /** Loads the dataset's kept design, if any, into the fields. */
  public SurveyDesignViewModel(
      TaskRunner tasks, DialogService dialogs, WorkspaceModel workspace, String dataset) {
    this.tasks = tasks;
    this.dialogs = dialogs;
    this.workspace = workspace;
    this.dataset = dataset;
    workspace
        .dataset(dataset)
        .ifPresent(d -> variables.setAll(d.variables().stream().map(VariableInfo::name).toList()));
    Workspace ws = workspace.workspace();
    Optional<SurveyDesign> kept = ws == null ? Optional.empty() : SurveyDesigns.of(ws, dataset);
    kept.ifPresent(this::load);
  }

  private void load(SurveyDesign d) {
    weight.set(d.weight());
    strata.set(nullToEmpty(d.strata()));
    psu.set(nullToEmpty(d.psu()));
    fpc.set(nullToEmpty(d.fpc()));
    lonely.set(d.lonely());
    useReplicates.set(d.usesReplicates());
    replicates.set(String.join(",", d.replicates()));
    replicateType.set(d.replicateType());
  }

  public String dataset() {
    return dataset;
  }

  /** The dataset's variable names, for the pickers. */
  public ObservableList<String> variables() {
    return variables;
  }

  public StringProperty weightProperty() {
    return weight;
  }

  public StringProperty strataProperty() {
    return strata;
  }

  public StringProperty psuProperty() {
    return psu;
  }

  public StringProperty fpcProperty() {
    return fpc;
  }

  public ObjectProperty<LonelyPsu> lonelyProperty() {
    return lonely;
  }

  /** Replicate weights instead of the linearisation design's variance. */
  public BooleanProperty useReplicatesProperty() {
    return useReplicates;
  }

  /** Replicate weight variables: {@code rw1,rw2,...} or {@code rw*}. */
  public StringProperty replicatesProperty() {
    return replicates;
  }

  public ObjectProperty<ReplicateType> replicateTypeProperty() {
    return replicateType;
  }

  /** Why the last save was refused (empty after a good one). */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  // Commands

  /**
   * The design the fields describe.
   *
   * @throws InputException naming a variable the dataset does not have, or a missing weight
   */
  public SurveyDesign design() {
    for (StringProperty p : List.of(weight, strata, psu, fpc)) {
      known(p.get());
    }
    SurveyDesign d =
        new SurveyDesign(
            weight.get(), strata.get(), psu.get(), fpc.get(), lonely.get(), null, null);
    if (useReplicates.get()) {
      d = d.withReplicates(expand(replicates.get()), replicateType.get());
    }
    return d;
  }

  /**
   * Checks the design against the data in the background, keeps it with the dataset and runs {@code
   * saved}; a refusal is shown (dialog and message) and nothing is kept.
   */
  public void save(Runnable saved) {
    Workspace ws = workspace.workspace();
    SurveyDesign d;
    try {
      if (ws == null) {
        throw new InputException("Open a workspace first");
      }
      d = design();
    } catch (InputException e) {
      refuse(e);
      return;
    }
    tasks.run(
        BackgroundTask.of(
                "Checking the survey design of " + dataset,
                (p, cancel) -> {
                  SurveyDesigns.check(ws, dataset, d);
                  SurveyDesigns.set(ws, dataset, d);
                  return d;
                })
            .onSuccess(
                x -> {
                  message.set("");
                  workspace.propertiesChanged();
                  saved.run();
                })
            .onFailure(this::refuse));
  }

  /** Removes the dataset's design (its tables go back to plain weighted estimates). */
  public void remove(Runnable removed) {
    Workspace ws = workspace.workspace();
    if (ws == null) {
      return;
    }
    SurveyDesigns.set(ws, dataset, null);
    workspace.propertiesChanged();
    removed.run();
  }

  private void refuse(Throwable e) {
    message.set(DialogService.userMessage(e));
    dialogs.showError("Survey design", e);
  }

  private void known(String variable) {
    String v = variable == null ? "" : variable.trim();
    if (!v.isEmpty() && !variables.contains(v)) {
      throw new InputException(
          "The survey design names '" + v + "', which dataset '" + dataset + "' does not have");
    }
  }

  private List<String> expand(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String t = part.trim();
      if (t.endsWith("*")) {
        String prefix = t.substring(0, t.length() - 1);
        List<String> hits = variables.stream().filter(v -> v.startsWith(prefix)).toList();
        if (hits.isEmpty()) {
          throw new InputException(
              "Replicate weights " + t + ": no variable starts with '" + prefix + "'");
        }
        out.addAll(hits);
      } else if (!t.isEmpty()) {
        known(t);
        out.add(t);
      }
    }
    if (out.isEmpty()) {
      throw new InputException("Replicate weights: name the variables (rw1,rw2,... or rw*)");
    }
    return out;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
