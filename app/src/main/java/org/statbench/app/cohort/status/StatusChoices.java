package org.statbench.app.cohort.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.statbench.cohort.StatusTable;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;

/**
 * What the status mode offers and guesses, worked out without a toolkit: the chart's targets (all
 * cohorts, each group, each cohort) and which one a label means, the summary line of a result, the
 * priority list as typed, and first guesses of the person id, state and date variables. Stateless.
 */
final class StatusChoices {
  private StatusChoices() {}

  /** Chart targets of a result: all cohorts, each breakdown group over all cohorts, each cohort. */
  static List<String> targets(StatusTable t) {
    List<String> tg = new ArrayList<>();
    tg.add(StatusViewModel.ALL_COHORTS);
    if (!t.spec().cohort().by().isEmpty()) {
      t.groups().forEach(g -> tg.add(groupLabel(g)));
    }
    tg.addAll(t.cohorts());
    return tg;
  }

  /** {cohort or ALL, group or ALL} of a target label ({@link StatusShares#ALL} for "all"). */
  static int[] targetIndex(StatusTable t, String target) {
    if (t == null || target == null || target.equals(StatusViewModel.ALL_COHORTS)) {
      return new int[] {StatusShares.ALL, StatusShares.ALL};
    }
    int c = t.cohorts().indexOf(target);
    if (c >= 0) {
      return new int[] {c, StatusShares.ALL};
    }
    for (int g = 0; g < t.groups().size(); g++) {
      if (groupLabel(t.groups().get(g)).equals(target)) {
        return new int[] {StatusShares.ALL, g};
      }
    }
    return new int[] {StatusShares.ALL, StatusShares.ALL};
  }

  /** A breakdown group's target label, e.g. {@code A / F (all cohorts)}. */
  static String groupLabel(List<String> group) {
    return String.join(" / ", group) + " (all cohorts)";
  }

  /** The status line of a result: people, cohorts, spells used, as-of date, then the notes. */
  static String summary(StatusTable t) {
    return String.format(
            Locale.ROOT,
            "%,d people in %d cohorts, %,d spells used; as of %s. ",
            t.recordsUsed(),
            t.cohorts().size(),
            t.spellsUsed(),
            t.asOf())
        + String.join(" ", t.notes());
  }

  /** The priority order as typed, comma-separated; blanks left out; empty for none. */
  static List<String> priority(String text) {
    return Arrays.stream(text == null ? new String[0] : text.split(","))
        .map(String::strip)
        .filter(x -> !x.isEmpty())
        .toList();
  }

  /**
   * A first guess of the person id in a cohort dataset: a variable named like an id (not a date or
   * decimal), else the first that is not a date; null when there is none.
   */
  static String guessId(DatasetInfo info) {
    return info.variables().stream()
        .filter(v -> v.type() != VariableType.DATE && v.type() != VariableType.DECIMAL)
        .map(VariableInfo::name)
        .filter(n -> n.toLowerCase(Locale.ROOT).contains("id"))
        .findFirst()
        .orElse(
            info.variables().stream()
                .filter(v -> v.type() != VariableType.DATE)
                .map(VariableInfo::name)
                .findFirst()
                .orElse(null));
  }

  /** The date variables of a dataset, in its order (empty for none or no dataset). */
  static List<String> dates(DatasetInfo info) {
    return info == null
        ? List.of()
        : info.variables().stream()
            .filter(v -> v.type() == VariableType.DATE)
            .map(VariableInfo::name)
            .toList();
  }

  /** A first guess of the state in a spell dataset: its first categorical other than the id. */
  static String guessState(DatasetInfo info, String spellId) {
    return info.variables().stream()
        .filter(v -> v.type() == VariableType.CATEGORICAL)
        .map(VariableInfo::name)
        .filter(n -> !n.equals(spellId))
        .findFirst()
        .orElse(null);
  }
}
