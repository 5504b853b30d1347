package org.statbench.core.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.statbench.core.InputException;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.table.Category;

/**
 * The text forms in which an analyst writes bands and code groups in the table builder's dialogs,
 * read strictly: bands ({@code 16-24,25-49,50+}), cut points ({@code 25,50,65}) and groups (one
 * {@code NAME=code,code,...} per line). Messages say what is wrong in the analyst's terms (the
 * band, group or code). Stateless and thread-safe. The command line's {@code V=...} forms are in
 * {@link SpecSyntax}.
 */
public final class DerivationText {
  private DerivationText() {}

  /**
   * Reads bands as the band dialog writes them, refusing what would silently put a value in two
   * bands (touching ends such as {@code 20-30,30-40} are fine: the first band takes the shared
   * value).
   *
   * @throws InputException with a message for the analyst (names the band)
   */
  public static Bands bands(String text) {
    if (text == null || text.isBlank()) {
      throw new InputException("Write at least one band, e.g. 16-24,25-49,50+");
    }
    return Bands.parse(text).requireNoOverlap();
  }

  /**
   * Bands between cut points, e.g. {@code 25,50,65}: below the first, from each to the next, and
   * from the last up; a cut point starts the band above it. For an integer variable with whole cut
   * points each band ends one below the next cut ({@code -24,25-49,50-64,65+}); otherwise the bands
   * are half-open ({@code <25,25-<50,50-<65,65+}).
   *
   * @param integerVariable whether the banded variable holds whole numbers
   * @throws InputException when a cut point is not a number or they do not increase
   */
  public static Bands cutPoints(String cutPoints, boolean integerVariable) {
    List<Double> cuts = new ArrayList<>();
    for (String part : cutPoints.strip().split("[,;\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      double v;
      try {
        v = Double.parseDouble(part);
      } catch (NumberFormatException e) {
        throw new InputException("Cut point '" + part + "' is not a number");
      }
      if (!Double.isFinite(v)) {
        throw new InputException("Cut point '" + part + "' is not a number");
      }
      if (!cuts.isEmpty() && v <= cuts.get(cuts.size() - 1)) {
        throw new InputException(
            "Cut points must increase: "
                + part
                + " comes after "
                + NumericColumn.formatNumber(cuts.get(cuts.size() - 1)));
      }
      cuts.add(v);
    }
    if (cuts.isEmpty()) {
      throw new InputException("Give at least one cut point, e.g. 25,50,65");
    }
    boolean integers = integerVariable && cuts.stream().allMatch(c -> c == Math.rint(c));
    List<Band> out = new ArrayList<>();
    double lo = Double.NEGATIVE_INFINITY;
    for (double c : cuts) {
      out.add(integers ? Band.of(lo, c - 1) : Band.halfOpen(lo, c));
      lo = c;
    }
    out.add(Band.of(lo, Double.POSITIVE_INFINITY));
    return new Bands(out);
  }

  /**
   * Reads groups as the group dialog writes them ({@code NAME=code,code,...} per line).
   *
   * @param variable the grouped variable, for messages
   * @param known the variable's codes (empty: codes are not checked); {@code Missing} is always
   *     allowed
   * @return the groups, or null for blank text (no groups)
   * @throws InputException naming the group or code that is wrong
   */
  public static CodeGroups groups(String text, String variable, Set<String> known) {
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty()) {
      return null;
    }
    List<CodeGroup> groups = new ArrayList<>();
    for (String line : lines) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new InputException("Group '" + line + "' is not NAME=code,code,...");
      }
      String name = line.substring(0, eq).strip();
      if (name.isEmpty()) {
        throw new InputException("Group '" + line + "' has no name: write NAME=code,code,...");
      }
      List<String> members =
          Arrays.stream(line.substring(eq + 1).split(","))
              .map(String::strip)
              .filter(c -> !c.isEmpty())
              .toList();
      if (members.isEmpty()) {
        throw new InputException("Group '" + name + "' has no codes");
      }
      if (!known.isEmpty()) {
        for (String c : members) {
          if (!known.contains(c) && !c.equals(Category.MISSING)) {
            throw new InputException(
                "Group '" + name + "': '" + c + "' is not a code of " + variable);
          }
        }
      }
      groups.add(new CodeGroup(name, members));
    }
    CodeGroups g = new CodeGroups(groups);
    Set<String> names = new HashSet<>();
    Set<String> grouped = g.groupOf().keySet();
    for (CodeGroup group : groups) {
      if (!names.add(group.name())) {
        throw new InputException("Two groups are named '" + group.name() + "'");
      }
      if (known.contains(group.name()) && !grouped.contains(group.name())) {
        throw new InputException(
            "Group name '"
                + group.name()
                + "' is also a code of "
                + variable
                + " that is in no group: choose another name");
      }
    }
    return g;
  }
}
