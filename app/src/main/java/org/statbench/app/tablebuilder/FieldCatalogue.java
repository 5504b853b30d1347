package org.statbench.app.tablebuilder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.statbench.core.data.Code;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;
import org.statbench.geo.GeoJoins;

/**
 * What the table builder offers for a dataset's fields: their catalogue entries and codes, the
 * numeric ones (measures, weights), and what a variable can roll up to (any other categorical
 * variable, or the parent chains of the hierarchies joins recorded). Plain Java over a {@link
 * DatasetInfo} (none: every answer is empty); immutable.
 */
record FieldCatalogue(Optional<DatasetInfo> dataset) {
  /** The catalogue entry of a variable, if known. */
  Optional<VariableInfo> variable(String name) {
    return dataset.flatMap(d -> d.variable(name));
  }

  /** Codes of a categorical variable with counts (empty for other types). */
  List<Code> codes(String variable) {
    return variable(variable).map(VariableInfo::codes).orElse(List.of());
  }

  /** The type of a variable, or null when unknown. */
  VariableType type(String variable) {
    return variable(variable).map(VariableInfo::type).orElse(null);
  }

  /** Numeric variables of the dataset (for measures and weights). */
  List<String> numericVariables() {
    return dataset
        .map(
            d ->
                d.variables().stream()
                    .filter(v -> v.type().isNumeric())
                    .map(VariableInfo::name)
                    .toList())
        .orElse(List.of());
  }

  /** Categorical variables other than {@code variable} (parents for a roll-up). */
  List<String> rollUpCandidates(String variable) {
    return dataset
        .map(
            d ->
                d.variables().stream()
                    .filter(v -> v.type() == VariableType.CATEGORICAL && !v.name().equals(variable))
                    .map(VariableInfo::name)
                    .toList())
        .orElse(List.of());
  }

  /**
   * The parent chains a variable can roll up through, from the hierarchies that joins recorded in
   * the dataset ({@link GeoJoins#rollUps}, finest level first): for a level of a chain, each run of
   * the levels above it (la in [lsoa, msoa, la, region, country] gives [region] and [region,
   * country]); for the key a join matched on, each run of the chain from its finest level ([lsoa],
   * [lsoa, msoa], ...). Empty when the variable belongs to no recorded hierarchy.
   */
  List<List<String>> hierarchyRollUps(String variable) {
    Optional<DatasetInfo> info = dataset;
    if (info.isEmpty()) {
      return List.of();
    }
    Set<List<String>> out = new LinkedHashSet<>();
    for (List<String> chain : GeoJoins.rollUps(info.get())) {
      int i = chain.indexOf(variable);
      List<String> above;
      if (i >= 0) {
        above = chain.subList(i + 1, chain.size());
      } else if (isJoinKeyOf(info.get(), variable, chain.get(0))) {
        above = chain;
      } else {
        continue;
      }
      for (int k = 1; k <= above.size(); k++) {
        out.add(List.copyOf(above.subList(0, k)));
      }
    }
    return List.copyOf(out);
  }

  /** True when {@code level} was added by a join matched on {@code key}. */
  private static boolean isJoinKeyOf(DatasetInfo info, String key, String level) {
    String from = info.variable(level).map(VariableInfo::derivedFrom).orElse(null);
    if (from == null || key.equals(level)) {
      return false;
    }
    int semi = from.indexOf(';');
    String head = semi < 0 ? from : from.substring(0, semi);
    return head.endsWith(" on " + key);
  }
}
