package org.statbench.link;

import java.util.Objects;

/**
 * One compared field.
 *
 * @param name field name (the left variable's name), used in the model and in blocking rules
 * @param leftVariable variable of the left dataset
 * @param rightVariable variable of the right dataset (the left one again when deduplicating)
 * @param type how it is standardised and compared
 */
public record LinkField(String name, String leftVariable, String rightVariable, FieldType type) {
  public LinkField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(leftVariable, "leftVariable");
    Objects.requireNonNull(rightVariable, "rightVariable");
    Objects.requireNonNull(type, "type");
  }

  /** A field with the same variable name on both sides. */
  public static LinkField of(String variable, FieldType type) {
    return new LinkField(variable, variable, variable, type);
  }
}
