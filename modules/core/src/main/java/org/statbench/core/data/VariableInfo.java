package org.statbench.core.data;

import java.util.List;
import java.util.Objects;

/**
 * Catalogue entry for one variable of a dataset.
 *
 * @param name variable name as in the file header (any characters), never null
 * @param label descriptive label (defaults to the name), never null
 * @param type variable type
 * @param missing number of missing (null) values
 * @param codes codelist with counts, for CATEGORICAL variables; empty for other types
 * @param derivedFrom for derived variables (e.g. added by a join), a short description of the
 *     source; null for imported variables
 */
public record VariableInfo(
    String name,
    String label,
    VariableType type,
    long missing,
    List<Code> codes,
    String derivedFrom) {
  public VariableInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    label = label == null || label.isEmpty() ? name : label;
    codes = codes == null ? List.of() : List.copyOf(codes);
  }

  public boolean isDerived() {
    return derivedFrom != null;
  }
}
