package org.statbench.store;

import java.util.Map;
import java.util.Objects;

/**
 * A categorical variable derived from another categorical (or text) variable of the same dataset by
 * a code mapping, e.g. a classification supergroup added by a join on output-area code. It is
 * stored as its definition (not as a copy of the rows) and materialised when columns are loaded.
 *
 * @param name new variable name (must not clash with an imported variable)
 * @param label display label, or null
 * @param source the variable whose codes are mapped
 * @param mapping source code -> derived code; codes absent from the map, and missing values, become
 *     missing
 * @param description where it came from, e.g. {@code join oac2011 on oa (supergroup)}
 */
public record DerivedVariable(
    String name, String label, String source, Map<String, String> mapping, String description) {
  public DerivedVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    mapping = Map.copyOf(mapping);
  }

  /** The same variable with another mapping. */
  public DerivedVariable withMapping(Map<String, String> newMapping) {
    return new DerivedVariable(name, label, source, newMapping, description);
  }
}
