package org.statbench.core.table;

import java.util.Objects;

/**
 * One category of a table dimension.
 *
 * @param code the code written in outputs (e.g. {@code E06000001}, {@code 16-24}, {@code Missing})
 * @param label display label (defaults to the code)
 * @param parent index of the enclosing category in the same dimension for hierarchies (a parent is
 *     the subtotal of its children), or -1 when the category sits directly under the total
 */
public record Category(String code, String label, int parent) {
  /** The code of the category formed by missing values. */
  public static final String MISSING = "Missing";

  /** The code written for a margin. */
  public static final String TOTAL = "Total";

  public Category {
    Objects.requireNonNull(code, "code");
    label = label == null ? code : label;
  }

  public static Category of(String code) {
    return new Category(code, code, -1);
  }
}
