package org.statbench.core.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.statbench.core.InputException;

/**
 * Custom groups of codes: each group becomes one category named after the group, codes in no group
 * stay categories of their own. A group takes the place, in code order, of its first member.
 *
 * @param groups the groups; a code belongs to at most one group
 */
public record CodeGroups(List<CodeGroup> groups) implements Derivation {
  public CodeGroups {
    groups = List.copyOf(groups);
    Map<String, String> seen = new HashMap<>();
    for (CodeGroup g : groups) {
      for (String c : g.codes()) {
        String other = seen.put(c, g.name());
        if (other != null) {
          throw new InputException(
              "Code '" + c + "' is in two groups: '" + other + "' and '" + g.name() + "'");
        }
      }
    }
  }

  /** Group name of each grouped code. */
  public Map<String, String> groupOf() {
    Map<String, String> m = new HashMap<>();
    for (CodeGroup g : groups) {
      for (String c : g.codes()) {
        m.put(c, g.name());
      }
    }
    return m;
  }

  /** The grouping with one more group appended. */
  public CodeGroups with(CodeGroup group) {
    List<CodeGroup> l = new ArrayList<>(groups);
    l.add(group);
    return new CodeGroups(l);
  }

  /**
   * Parses one group as written after {@code V=} in {@code --group}: {@code NAME=code,code,...}.
   *
   * @throws InputException when the text has no {@code =} or no codes
   */
  public static CodeGroup parseGroup(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new InputException("Group '" + text + "' is not NAME=code,code,...");
    }
    return new CodeGroup(text.substring(0, eq).trim(), List.of(text.substring(eq + 1).split(",")));
  }
}
