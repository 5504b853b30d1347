package org.statbench.store;

import java.util.Map;
import org.statbench.core.data.VariableType;

/**
 * Optional schema for an import, usually read from a JSON file: per variable an overriding type, a
 * label, and value labels for codes.
 *
 * @param variables by variable name
 */
public record ImportSchema(Map<String, VariableSchema> variables) {
  public ImportSchema {
    variables = Map.copyOf(variables);
  }

  /**
   * @param type type to force, or null to infer
   * @param label variable label, or null
   * @param valueLabels code -> label, possibly empty
   */
  public record VariableSchema(VariableType type, String label, Map<String, String> valueLabels) {
    public VariableSchema {
      valueLabels = valueLabels == null ? Map.of() : Map.copyOf(valueLabels);
    }
  }
}
