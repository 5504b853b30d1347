package org.statbench.core.data;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Catalogue entry for one dataset in a workspace.
 *
 * @param name dataset name, unique in the workspace
 * @param sourceFile the file it was imported from (as given), or null
 * @param sha256 hex SHA-256 of the source file's bytes, or null
 * @param importedAt when the import committed
 * @param rows number of records
 * @param variables variables in file order (derived variables after imported ones)
 * @param kind whether this is an extract or a lookup, and the lookup's edition
 */
public record DatasetInfo(
    String name,
    String sourceFile,
    String sha256,
    Instant importedAt,
    long rows,
    List<VariableInfo> variables,
    DatasetKind kind) {
  public DatasetInfo {
    Objects.requireNonNull(name, "name");
    variables = List.copyOf(variables);
    kind = kind == null ? DatasetKind.EXTRACT : kind;
  }

  /** The variable with this exact name, if any. */
  public Optional<VariableInfo> variable(String variableName) {
    return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
  }

  /** Variable names in order. */
  public List<String> variableNames() {
    return variables.stream().map(VariableInfo::name).toList();
  }
}
