package org.statbench.app.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.app.shell.BackgroundTask;
import org.statbench.app.shell.DialogService;
import org.statbench.app.shell.LatestWins;
import org.statbench.core.InputException;
import org.statbench.link.BlockingRule;
import org.statbench.link.LinkField;
import org.statbench.link.LinkJob;
import org.statbench.link.LinkResult;
import org.statbench.link.Linker;

/**
 * The blocking rules of the Linkage tab with the candidate pairs each brings, counted in the
 * background while the user edits them (the latest edit wins; a count can be stopped). The rules
 * follow the engine's defaults for the ticked fields until the user edits them. FX thread only.
 */
final class BlockingRulesModel {
  private final LatestWins counts;
  private final ObservableList<LinkageViewModel.RuleRow> rules =
      FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper pairsText = new ReadOnlyStringWrapper(this, "pairs", "");
  private boolean edited;

  BlockingRulesModel(LatestWins counts) {
    this.counts = counts;
  }

  ObservableList<LinkageViewModel.RuleRow> rules() {
    return rules;
  }

  ReadOnlyStringProperty pairsTextProperty() {
    return pairsText.getReadOnlyProperty();
  }

  /** Adds a rule; returns the reason when it does not parse, else null. */
  String add(String text) {
    try {
      BlockingRule r = BlockingRule.parse(text);
      edited = true;
      rules.add(new LinkageViewModel.RuleRow(r.toString(), ""));
      return null;
    } catch (InputException e) {
      return e.getMessage();
    }
  }

  /** Removes the rule at {@code index}; false when there is none. */
  boolean remove(int index) {
    if (index < 0 || index >= rules.size()) {
      return false;
    }
    edited = true;
    rules.remove(index);
    return true;
  }

  /** The rules follow the engine's defaults again. */
  void forgetEdits() {
    edited = false;
  }

  /** Unless the user edited the rules: the engine's default rules for these fields. */
  void defaultsFor(List<LinkField> fields) {
    if (!edited) {
      rules.setAll(
          fields.isEmpty()
              ? List.of()
              : Linker.defaultRules(fields).stream()
                  .map(r -> new LinkageViewModel.RuleRow(r.toString(), ""))
                  .toList());
    }
  }

  /** The rules as the engine reads them. */
  List<BlockingRule> parsed() {
    return rules.stream().map(x -> BlockingRule.parse(x.rule())).toList();
  }

  /**
   * Counts the candidate pairs of each rule in the background.
   *
   * @param jobFor builds the job for the rules (on the worker thread: it reads the data), or null
   *     when there is nothing to count yet
   */
  void count(Function<List<BlockingRule>, LinkJob> jobFor) {
    List<BlockingRule> br;
    try {
      br = parsed();
    } catch (InputException e) {
      return;
    }
    if (jobFor == null || br.isEmpty()) {
      counts.cancel();
      pairsText.set("");
      return;
    }
    pairsText.set("Counting candidate pairs…");
    counts.submit(
        BackgroundTask.of("Counting candidate pairs", (p, c) -> Linker.countPairs(jobFor.apply(br)))
            .showProgress(false)
            .onSuccess(
                list -> {
                  long total = 0;
                  List<LinkageViewModel.RuleRow> rows = new ArrayList<>();
                  for (LinkResult.RuleCount rc : list) {
                    rows.add(
                        new LinkageViewModel.RuleRow(
                            rc.rule().toString(), String.format(Locale.ROOT, "%,d", rc.pairs())));
                    total += rc.pairs();
                  }
                  rules.setAll(rows);
                  pairsText.set(
                      String.format(Locale.ROOT, "At most %,d candidate pairs in all", total));
                })
            .onFailure(e -> pairsText.set(DialogService.userMessage(e))));
  }

  /** Stops a count in progress; the rules keep their last counts. */
  void cancelCount() {
    counts.cancel();
    if (pairsText.get().startsWith("Counting")) {
      pairsText.set("Counting stopped");
    }
  }
}
