package org.statbench.geo;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to join.
 *
 * @param keyVariable the dataset's key variable (categorical or text)
 * @param levels lookup columns to add, in order; empty for all of the lookup's level columns
 * @param bridge code-change lookup to go through first (old edition to the lookup's), or null
 * @param byVariables variables of the dataset to break the match rate down by; may be empty
 * @param labels optional display labels of added variables by lookup column name; may be empty
 */
public record JoinSpec(
    String keyVariable,
    List<String> levels,
    EditionBridge bridge,
    List<String> byVariables,
    Map<String, String> labels) {
  public JoinSpec {
    Objects.requireNonNull(keyVariable, "keyVariable");
    levels = levels == null ? List.of() : List.copyOf(levels);
    byVariables = byVariables == null ? List.of() : List.copyOf(byVariables);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** A join adding every level, without bridge or breakdowns. */
  public static JoinSpec of(String keyVariable) {
    return new JoinSpec(keyVariable, List.of(), null, List.of(), Map.of());
  }

  public JoinSpec withLevels(List<String> newLevels) {
    return new JoinSpec(keyVariable, newLevels, bridge, byVariables, labels);
  }

  public JoinSpec withBridge(EditionBridge newBridge) {
    return new JoinSpec(keyVariable, levels, newBridge, byVariables, labels);
  }

  public JoinSpec withBy(List<String> variables) {
    return new JoinSpec(keyVariable, levels, bridge, variables, labels);
  }
}
