package org.statbench.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.statbench.core.InputException;

/**
 * A blocking rule: record pairs whose derived keys are all equal become candidates. Rules are
 * OR-ed: a pair is a candidate when any rule brings it (counted once, under the first rule that
 * does).
 *
 * @param parts the keys, e.g. {@code soundex(surname)} and {@code year(dob)}
 */
public record BlockingRule(List<Part> parts) {
  /** A derived key function. */
  public enum Fn {
    /** The standardised value itself. */
    VALUE,
    /** Soundex of a name. */
    SOUNDEX,
    /** First letter of a name. */
    INITIAL,
    /** Year of a date. */
    YEAR,
    /** Postcode district (outward code). */
    DISTRICT,
    /** Postcode sector. */
    SECTOR,
    /**
     * First letters of two name fields taken together in either order, written {@code
     * initials(forename,surname)}: a record whose forename and surname were swapped keeps its key.
     */
    INITIALS
  }

  /**
   * One key of a rule.
   *
   * @param fn the function
   * @param field the field name it applies to
   */
  public record Part(Fn fn, String field) {
    /**
     * The fields the key reads: two for {@link Fn#INITIALS} (its {@code field} is {@code a,b}),
     * otherwise one.
     */
    public List<String> fields() {
      return fn == Fn.INITIALS ? List.of(field.split(",", 2)) : List.of(field);
    }

    @Override
    public String toString() {
      return fn == Fn.VALUE ? field : fn.name().toLowerCase(Locale.ROOT) + "(" + field + ")";
    }
  }

  public BlockingRule {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new InputException("A blocking rule needs at least one variable");
    }
  }

  /**
   * Parses {@code V[+V...]} where each V may be wrapped in {@code soundex}, {@code initial}, {@code
   * year}, {@code district} or {@code sector}, e.g. {@code soundex(surname)+year(dob)}; {@code
   * initials(V,W)} is the first letters of two name variables in either order.
   *
   * @throws InputException naming the rule when malformed
   */
  public static BlockingRule parse(String rule) {
    List<Part> parts = new ArrayList<>();
    for (String raw : rule.split("\\+")) {
      String p = raw.trim();
      int open = p.indexOf('(');
      if (open < 0) {
        if (p.isEmpty()) {
          throw new InputException("Blocking rule '" + rule + "' has an empty part");
        }
        parts.add(new Part(Fn.VALUE, p));
        continue;
      }
      if (!p.endsWith(")")) {
        throw new InputException("Blocking rule '" + rule + "': missing ')' in '" + p + "'");
      }
      String fn = p.substring(0, open).trim().toUpperCase(Locale.ROOT);
      String field = p.substring(open + 1, p.length() - 1).trim();
      Fn f;
      try {
        f = Fn.valueOf(fn);
      } catch (IllegalArgumentException e) {
        throw new InputException(
            "Blocking rule '"
                + rule
                + "': unknown function '"
                + fn.toLowerCase(Locale.ROOT)
                + "' (use soundex, initial, initials, year, district or sector)");
      }
      if (f == Fn.INITIALS) {
        String[] two = field.split(",", -1);
        if (two.length != 2 || two[0].isBlank() || two[1].isBlank()) {
          throw new InputException(
              "Blocking rule '"
                  + rule
                  + "': initials takes two name variables, e.g. initials(forename,surname)");
        }
        field = two[0].trim() + "," + two[1].trim();
      }
      parts.add(new Part(f, field));
    }
    return new BlockingRule(parts);
  }

  @Override
  public String toString() {
    return String.join("+", parts.stream().map(Part::toString).toList());
  }
}
