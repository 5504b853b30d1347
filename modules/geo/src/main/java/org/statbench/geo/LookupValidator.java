package org.statbench.geo;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.InputException;
import org.statbench.geo.Lookup.HierarchyLevel;

/**
 * Validates lookups: unique keys, key formats (area codes or postcodes as the lookup's key kind
 * says), and for hierarchies that every child has exactly one parent at the next level.
 */
public final class LookupValidator {
  /** At most this many problems are collected per check. */
  public static final int MAX_PROBLEMS = 50;

  private LookupValidator() {}

  /** All problems found (at most {@link #MAX_PROBLEMS} per kind), or an empty list. */
  public static List<LookupProblem> validate(Lookup lookup) {
    List<LookupProblem> out = new ArrayList<>();
    String key = lookup.keyColumn();
    for (int row : lookup.badKeys()) {
      if (out.size() >= MAX_PROBLEMS) {
        break;
      }
      String raw = lookup.value(row, key);
      out.add(
          new LookupProblem(
              Lookup.line(row),
              key,
              raw == null || raw.isBlank()
                  ? "empty key"
                  : "'" + raw + "' is not " + describe(lookup.keyKind())));
    }
    if (lookup.keyKind() == KeyKind.AREA_CODE) {
      int n = 0;
      for (int r = 0; r < lookup.rows() && n < MAX_PROBLEMS; r++) {
        String raw = lookup.value(r, key);
        String s = AreaCodes.normalise(raw);
        if (s != null && !s.isEmpty() && !AreaCodes.isWellFormed(s)) {
          out.add(
              new LookupProblem(
                  Lookup.line(r), key, "'" + raw + "' is not " + describe(KeyKind.AREA_CODE)));
          n++;
        }
      }
    }
    int dups = 0;
    for (int[] d : lookup.duplicates()) {
      if (dups++ >= MAX_PROBLEMS) {
        break;
      }
      out.add(
          new LookupProblem(
              Lookup.line(d[1]),
              key,
              "duplicate key '"
                  + lookup.value(d[1], key)
                  + "' (first on line "
                  + Lookup.line(d[0])
                  + ")"));
    }
    out.addAll(validateHierarchy(lookup, null));
    return out;
  }

  /**
   * Checks that each level determines the next: every child has exactly one parent.
   *
   * @param levels code columns finest first (the key may be omitted), or null for the detected
   *     {@link Lookup#hierarchy()}
   */
  public static List<LookupProblem> validateHierarchy(Lookup lookup, List<String> levels) {
    if (levels == null) {
      List<LookupProblem> out = new ArrayList<>();
      for (List<HierarchyLevel> h : lookup.hierarchies()) {
        out.addAll(validateHierarchy(lookup, h.stream().map(HierarchyLevel::column).toList()));
      }
      return out;
    }
    List<String> chain = new ArrayList<>();
    {
      for (String l : levels) {
        if (!lookup.columnNames().contains(l)) {
          throw new InputException(
              "Unknown variable '" + l + "' in lookup '" + lookup.name() + "'");
        }
        chain.add(l);
      }
    }
    List<LookupProblem> out = new ArrayList<>();
    // The key determines everything when it is unique; start at the first level above it.
    int start = !chain.isEmpty() && chain.get(0).equals(lookup.keyColumn()) ? 1 : 0;
    for (int i = start + 1; i < chain.size(); i++) {
      String child = chain.get(i - 1);
      String parent = chain.get(i);
      int[] bad = lookup.determines(child, parent);
      if (bad == null) {
        continue;
      }
      String childValue = lookup.value(bad[0], child);
      if (bad[1] < 0) {
        out.add(
            new LookupProblem(
                Lookup.line(bad[0]),
                parent,
                child + " '" + childValue + "' has no parent in " + parent));
      } else {
        out.add(
            new LookupProblem(
                Lookup.line(bad[1]),
                parent,
                child
                    + " '"
                    + childValue
                    + "' has more than one parent in "
                    + parent
                    + ": '"
                    + lookup.value(bad[0], parent)
                    + "' (line "
                    + Lookup.line(bad[0])
                    + ") and '"
                    + lookup.value(bad[1], parent)
                    + "'"));
      }
    }
    return out;
  }

  /**
   * Validates and throws when anything is wrong.
   *
   * @throws InputException naming the lookup, the first problem's line and column, and how many
   *     problems there are
   */
  public static void requireValid(Lookup lookup) {
    List<LookupProblem> problems = validate(lookup);
    if (problems.isEmpty()) {
      return;
    }
    LookupProblem p = problems.get(0);
    String more =
        problems.size() == 1
            ? ""
            : " (and "
                + (problems.size() - 1)
                + " more problem"
                + (problems.size() > 2 ? "s" : "")
                + ")";
    throw new InputException("lookup " + lookup.name(), p.line(), p.column(), p.message() + more);
  }

  private static String describe(KeyKind kind) {
    return switch (kind) {
      case AREA_CODE -> "an area code (a letter and 8 digits)";
      case POSTCODE -> "a UK postcode";
      case GENERIC -> "a key";
    };
  }
}
