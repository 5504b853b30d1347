package org.statbench.core.spec;

import java.util.Map;
import org.statbench.core.InputException;

/**
 * A hierarchy roll-up: the dimension's codes (e.g. local authorities) are shown under their parents
 * (e.g. regions), each parent being the subtotal of its children. The parent of a code comes either
 * from another variable of the same dataset ({@code parentVariable}: each code must have one parent
 * in every record) or from an explicit mapping. Codes without a parent sit directly under the
 * total.
 *
 * @param parentVariable variable holding each record's parent code, or null
 * @param parentOf child code to parent code, or null; exactly one of the two is given
 */
public record RollUp(String parentVariable, Map<String, String> parentOf) implements Derivation {
  public RollUp {
    if ((parentVariable == null) == (parentOf == null)) {
      throw new InputException("A roll-up needs either a parent variable or a mapping");
    }
    parentOf = parentOf == null ? null : Map.copyOf(parentOf);
  }

  /** Roll-up to the values of another variable. */
  public static RollUp toVariable(String parentVariable) {
    return new RollUp(parentVariable, null);
  }

  /** Roll-up by an explicit child to parent mapping. */
  public static RollUp byMapping(Map<String, String> parentOf) {
    return new RollUp(null, parentOf);
  }
}
