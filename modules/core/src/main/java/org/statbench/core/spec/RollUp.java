package org.statbench.core.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.statbench.core.InputException;

/**
 * A hierarchy roll-up over one or more parent levels: the dimension's codes (e.g. output areas) are
 * shown under their parents (e.g. local authorities), those under theirs (e.g. regions), and so on;
 * every parent at every level is the subtotal of its children.
 *
 * <p>The levels come either from other variables of the same dataset ({@code parentVariables},
 * nearest level first: the first variable holds each record's parent of the dimension's code, the
 * second the parent of the first variable's code, ...; in every record a code must have one parent
 * per level) or from explicit mappings ({@code parentMaps}, nearest level first: the first maps the
 * dimension's codes to their parents, the second maps those parents to theirs, ...). A code without
 * a parent at some level sits directly under the next level it does have, which is the total when
 * the chain stops; a parent at level {@code k} is a different node from a code at level {@code j !=
 * k} even when both are spelled alike.
 *
 * @param parentVariables parent variables, nearest level first; empty when mappings are given
 * @param parentMaps child code to parent code per level, nearest level first; empty when variables
 *     are given; exactly one of the two lists is non-empty
 */
public record RollUp(List<String> parentVariables, List<Map<String, String>> parentMaps)
    implements Derivation {
  public RollUp {
    parentVariables = parentVariables == null ? List.of() : List.copyOf(parentVariables);
    List<Map<String, String>> maps = new ArrayList<>();
    if (parentMaps != null) {
      for (Map<String, String> m : parentMaps) {
        if (m == null) {
          throw new InputException("A roll-up level's mapping is missing");
        }
        maps.add(Map.copyOf(m));
      }
    }
    parentMaps = List.copyOf(maps);
    if (parentVariables.isEmpty() == parentMaps.isEmpty()) {
      throw new InputException("A roll-up needs either parent variables or mappings");
    }
    Set<String> seen = new HashSet<>();
    for (String v : parentVariables) {
      if (v == null || v.isBlank()) {
        throw new InputException("A roll-up parent variable name is empty");
      }
      if (!seen.add(v)) {
        throw new InputException("Roll-up parent variable '" + v + "' is listed twice");
      }
    }
  }

  /** Roll-up to the values of another variable (one level). */
  public static RollUp toVariable(String parentVariable) {
    return new RollUp(List.of(parentVariable), null);
  }

  /** Roll-up through several parent variables, nearest level first (e.g. la, region, country). */
  public static RollUp toVariables(List<String> parentVariables) {
    return new RollUp(parentVariables, null);
  }

  /** Roll-up by an explicit child to parent mapping (one level). */
  public static RollUp byMapping(Map<String, String> parentOf) {
    return new RollUp(null, List.of(parentOf));
  }

  /** Roll-up by one child to parent mapping per level, nearest level first. */
  public static RollUp byMappings(List<Map<String, String>> parentMaps) {
    return new RollUp(null, parentMaps);
  }

  /** Number of parent levels. */
  public int levels() {
    return parentVariables.isEmpty() ? parentMaps.size() : parentVariables.size();
  }

  /** The nearest parent variable, or null when the roll-up is by mappings. */
  public String parentVariable() {
    return parentVariables.isEmpty() ? null : parentVariables.get(0);
  }

  /** The nearest level's mapping, or null when the roll-up is by variables. */
  public Map<String, String> parentOf() {
    return parentMaps.isEmpty() ? null : parentMaps.get(0);
  }

  /** True when the levels are variables of the dataset. */
  public boolean byVariables() {
    return !parentVariables.isEmpty();
  }
}
