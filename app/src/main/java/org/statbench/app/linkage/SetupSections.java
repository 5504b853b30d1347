package org.statbench.app.linkage;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Which sections of the Linkage tab's set-up are open, and titles that sum a section up while it is
 * closed (the datasets, how many rules and keys, where the model comes from). Datasets, comparison
 * fields and blocking rules start open (every run needs them); match keys and the model file start
 * closed (a run needs neither), so the set-up fits a small window in presenter mode with its Train
 * button in sight. Plain Java (no javafx.scene): the view binds each titled section's expanded
 * state to one of these.
 */
final class SetupSections {
  // Properties
  private final BooleanProperty datasets = new SimpleBooleanProperty(this, "datasets", true);
  private final BooleanProperty fields = new SimpleBooleanProperty(this, "fields", true);
  private final BooleanProperty blocking = new SimpleBooleanProperty(this, "blocking", true);
  private final BooleanProperty matchKeys = new SimpleBooleanProperty(this, "matchKeys", false);
  private final BooleanProperty model = new SimpleBooleanProperty(this, "model", false);
  private final StringBinding datasetsTitle;
  private final StringBinding rulesTitle;
  private final StringBinding matchKeysTitle;
  private final StringBinding modelTitle;

  SetupSections(LinkageViewModel vm, MatchKeysModel keys, ModelFiles files) {
    datasetsTitle =
        Bindings.createStringBinding(
            () -> datasetsTitle(vm.leftProperty().get(), vm.rightProperty().get()),
            vm.leftProperty(),
            vm.rightProperty());
    rulesTitle = Bindings.createStringBinding(() -> rulesTitle(vm.rules().size()), vm.rules());
    matchKeysTitle =
        Bindings.createStringBinding(() -> matchKeysTitle(keys.keys().size()), keys.keys());
    modelTitle =
        Bindings.createStringBinding(
            () -> modelTitle(files.loadedProperty().get() != null), files.loadedProperty());
  }

  /** "Datasets: customers and recipients", "Datasets: claims, deduplicated", or "Datasets". */
  static String datasetsTitle(String left, String right) {
    if (left == null || left.isEmpty()) {
      return "Datasets";
    }
    if (right == null || right.isEmpty() || right.equals(LinkageViewModel.DEDUPLICATE)) {
      return "Datasets: " + left + ", deduplicated";
    }
    return "Datasets: " + left + " and " + right;
  }

  /** "Blocking rules: none", "Blocking rules: 1 (OR-ed)", "Blocking rules: 2 (OR-ed)". */
  static String rulesTitle(int count) {
    return count == 0 ? "Blocking rules: none" : "Blocking rules: " + count + " (OR-ed)";
  }

  /** "Match keys: none", "Match keys: 1 before the model", "Match keys: 3 before the model". */
  static String matchKeysTitle(int count) {
    return count == 0 ? "Match keys: none" : "Match keys: " + count + " before the model";
  }

  /** Whether the run trains a model or uses one loaded from a file. */
  static String modelTitle(boolean loaded) {
    return loaded ? "Model: loaded from a file" : "Model: trained on the data";
  }

  BooleanProperty datasetsProperty() {
    return datasets;
  }

  BooleanProperty fieldsProperty() {
    return fields;
  }

  BooleanProperty blockingProperty() {
    return blocking;
  }

  BooleanProperty matchKeysProperty() {
    return matchKeys;
  }

  BooleanProperty modelProperty() {
    return model;
  }

  /** The datasets section's title: which datasets are linked, or the one deduplicated. */
  StringBinding datasetsTitle() {
    return datasetsTitle;
  }

  /** The blocking rules section's title: how many rules bring candidate pairs. */
  StringBinding rulesTitle() {
    return rulesTitle;
  }

  /** The match keys section's title: how many keys run before the model. */
  StringBinding matchKeysTitle() {
    return matchKeysTitle;
  }

  /** The model section's title: trained on the data or loaded from a file. */
  StringBinding modelTitle() {
    return modelTitle;
  }
}
