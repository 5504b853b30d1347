package org.statbench.core.spec;

import java.util.List;
import java.util.Objects;
import org.statbench.core.InputException;

/**
 * A named group of codes that becomes one category.
 *
 * @param name the category code written for the group
 * @param codes the member codes (at least one)
 */
public record CodeGroup(String name, List<String> codes) {
  public CodeGroup {
    Objects.requireNonNull(name, "name");
    codes = List.copyOf(codes);
    if (name.isBlank() || codes.isEmpty()) {
      throw new InputException("A code group needs a name and at least one code");
    }
  }
}
