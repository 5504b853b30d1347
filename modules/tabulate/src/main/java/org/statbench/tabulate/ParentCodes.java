package org.statbench.tabulate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.statbench.core.InputException;

/**
 * One level of a roll-up to a parent variable as read from the records: each child code's parent
 * code, checked to be unique. Fed the whole columns at once in memory, or slice by slice (coded
 * against the whole columns' values) when streamed; both meet the records in the same order, so
 * they name the same first conflict. Public for the SQL path's message only; not an API.
 */
public final class ParentCodes {
  private final String variable;
  private final String parentVariable;
  private final ValueSet childValues;
  private final ValueSet parentValues;
  private final int[] parentCode;

  ParentCodes(String variable, ValueSet childValues, String parentVariable, ValueSet parentValues) {
    this.variable = variable;
    this.parentVariable = parentVariable;
    this.childValues = childValues;
    this.parentValues = parentValues;
    parentCode = new int[childValues.size()];
    Arrays.fill(parentCode, -1);
  }

  /**
   * Reads the records of a child and a parent column (the same records, coded against the values
   * given at construction).
   *
   * @throws InputException when a child code has two parents
   */
  void read(EncodedColumn child, EncodedColumn parent) {
    int n = child.size();
    for (int i = 0; i < n; i++) {
      int c = child.code(i);
      int p = parent.code(i);
      if (c < 0 || p < 0) {
        continue;
      }
      int seen = parentCode[c];
      if (seen < 0) {
        parentCode[c] = p;
      } else if (seen != p) {
        throw twoParents(
            variable,
            parentVariable,
            childValues.labels()[c],
            parentValues.labels()[seen],
            parentValues.labels()[p]);
      }
    }
  }

  /** The error for a child code met with two parents (both execution paths). */
  public static InputException twoParents(
      String variable, String parentVariable, String child, String first, String second) {
    return new InputException(
        "Cannot roll '"
            + variable
            + "' up to '"
            + parentVariable
            + "': code '"
            + child
            + "' has two parents, '"
            + first
            + "' and '"
            + second
            + "'");
  }

  /** Each child label's parent label (children never met with a parent are absent). */
  Map<String, String> labels() {
    Map<String, String> out = new HashMap<>();
    for (int c = 0; c < parentCode.length; c++) {
      if (parentCode[c] >= 0) {
        out.put(childValues.labels()[c], parentValues.labels()[parentCode[c]]);
      }
    }
    return Map.copyOf(out);
  }
}
