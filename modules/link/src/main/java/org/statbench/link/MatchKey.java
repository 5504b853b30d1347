package org.statbench.link;

import java.util.Arrays;
import java.util.List;
import org.statbench.core.InputException;

/**
 * A deterministic match key: records whose standardised values of all these fields are equal (none
 * missing) link, but only when the key is unique on both sides. Keys run in order before the model,
 * each on the records the earlier ones left.
 *
 * @param fields field names, e.g. {@code [nino, dob]}
 */
public record MatchKey(List<String> fields) {
  public MatchKey {
    fields = List.copyOf(fields);
    if (fields.isEmpty()) {
      throw new InputException("A match key needs at least one field");
    }
  }

  /** Parses {@code V[+V...]}, e.g. {@code forename+surname+dob+postcode}. */
  public static MatchKey parse(String s) {
    return new MatchKey(Arrays.stream(s.split("\\+")).map(String::trim).toList());
  }

  /** The stage name written with each link it makes, e.g. {@code key:nino+dob}. */
  public String stage() {
    return "key:" + String.join("+", fields);
  }

  @Override
  public String toString() {
    return String.join("+", fields);
  }
}
