package org.statbench.core.data;

import java.util.Objects;

/**
 * One entry of a categorical variable's codelist.
 *
 * @param code the code as it appears in the data, never null
 * @param label human-readable label (the code itself when no value label is known), never null
 * @param count number of records with this code
 */
public record Code(String code, String label, long count) {
  public Code {
    Objects.requireNonNull(code, "code");
    label = label == null ? code : label;
  }
}
