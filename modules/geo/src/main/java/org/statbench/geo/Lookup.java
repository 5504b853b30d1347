package org.statbench.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.statbench.core.InputException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;

/**
 * A lookup in memory: a key column and the columns (levels) that can be added to a dataset through
 * it. Keys are normalised by the lookup's {@link KeyKind}. A postcode directory may carry a
 * termination column (a header containing {@code term}, e.g. {@code doterm} or {@code
 * termination_date}): a key with a value there is terminated. Immutable and thread-safe.
 *
 * <p>Row {@code i} came from line {@code i + 2} of the imported file (the header is line 1), which
 * is how validation problems name lines.
 */
public final class Lookup {
  private final String name;
  private final String edition;
  private final String keyColumn;
  private final KeyKind keyKind;
  private final DatasetColumns columns;
  private final String terminationColumn;
  private final Map<String, Integer> index;
  private final List<int[]> duplicates;
  private final List<Integer> badKeys;
  private volatile List<List<HierarchyLevel>> hierarchies;

  private Lookup(String name, String edition, String keyColumn, KeyKind kind, DatasetColumns cols) {
    this.name = Objects.requireNonNull(name, "name");
    this.edition = edition;
    this.keyColumn = keyColumn;
    this.keyKind = kind;
    this.columns = cols;
    this.terminationColumn = terminationColumn(List.copyOf(cols.columns().keySet()), keyColumn);
    Column key = cols.column(keyColumn);
    Map<String, Integer> idx = new HashMap<>(Math.max(16, cols.rows() * 2));
    List<int[]> dups = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    if (key instanceof CategoricalColumn cat) {
      // Normalise each dictionary entry once, then walk the codes.
      List<String> dict = cat.dictionary();
      String[] norm = new String[dict.size()];
      for (int d = 0; d < norm.length; d++) {
        norm[d] = kind.normalise(dict.get(d));
      }
      for (int r = 0; r < cols.rows(); r++) {
        int c = cat.code(r);
        add(idx, dups, bad, c < 0 ? null : norm[c], r);
      }
    } else {
      for (int r = 0; r < cols.rows(); r++) {
        add(idx, dups, bad, kind.normalise(key.text(r)), r);
      }
    }
    this.index = idx;
    this.duplicates = List.copyOf(dups);
    this.badKeys = List.copyOf(bad);
  }

  private static void add(
      Map<String, Integer> idx, List<int[]> dups, List<Integer> bad, String k, int row) {
    if (k == null) {
      bad.add(row);
      return;
    }
    Integer first = idx.putIfAbsent(k, row);
    if (first != null) {
      dups.add(new int[] {first, row});
    }
  }

  /**
   * Builds a lookup from a dataset's columns.
   *
   * @param name the lookup dataset's name (used in messages)
   * @param edition its edition, e.g. {@code 2011}, or null
   * @param columns all its columns, in file order
   * @param keyColumn the key, or null for the first column
   * @param kind how keys are normalised, or null to detect it from the keys
   * @throws InputException when the key column is unknown or the lookup has no other column
   */
  public static Lookup of(
      String name, String edition, DatasetColumns columns, String keyColumn, KeyKind kind) {
    if (columns.columns().isEmpty()) {
      throw new InputException("Lookup '" + name + "' has no columns");
    }
    String key = keyColumn == null ? columns.columns().keySet().iterator().next() : keyColumn;
    if (!columns.columns().containsKey(key)) {
      throw new InputException("Unknown variable '" + key + "' in lookup '" + name + "'");
    }
    if (columns.columns().size() < 2) {
      throw new InputException("Lookup '" + name + "' has no column besides its key '" + key + "'");
    }
    KeyKind k = kind;
    if (k == null) {
      Column kc = columns.column(key);
      List<String> sample = new ArrayList<>();
      if (kc instanceof CategoricalColumn cat) {
        sample.addAll(cat.dictionary().subList(0, Math.min(2000, cat.dictionary().size())));
      } else {
        for (int r = 0; r < Math.min(2000, columns.rows()); r++) {
          sample.add(kc.text(r));
        }
      }
      k = KeyKind.detect(sample);
    }
    return new Lookup(name, edition, key, k, columns);
  }

  public String name() {
    return name;
  }

  /** The edition, e.g. {@code 2011}, or null. */
  public String edition() {
    return edition;
  }

  public String keyColumn() {
    return keyColumn;
  }

  public KeyKind keyKind() {
    return keyKind;
  }

  /** Number of rows. */
  public int rows() {
    return columns.rows();
  }

  /** The termination column of a postcode directory, or null. */
  public String terminationColumn() {
    return terminationColumn;
  }

  /** All column names in file order, key included. */
  public List<String> columnNames() {
    return List.copyOf(columns.columns().keySet());
  }

  /**
   * The termination column among a lookup's columns: the first one other than the key whose name
   * contains {@code term} (e.g. {@code doterm}, {@code termination_date}), or null.
   */
  public static String terminationColumn(List<String> columns, String keyColumn) {
    return columns.stream()
        .filter(c -> !c.equals(keyColumn))
        .filter(c -> c.toLowerCase(Locale.ROOT).contains("term"))
        .findFirst()
        .orElse(null);
  }

  /** Columns that can be added by a join: all but the key and the termination column. */
  public List<String> levelColumns() {
    List<String> out = new ArrayList<>();
    for (String c : columns.columns().keySet()) {
      if (!c.equals(keyColumn) && !c.equals(terminationColumn)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The row of a normalised key, or -1. */
  public int find(String normalisedKey) {
    Integer r = normalisedKey == null ? null : index.get(normalisedKey);
    return r == null ? -1 : r;
  }

  /** True when row {@code row} has a termination date. */
  public boolean isTerminated(int row) {
    return terminationColumn != null && !columns.column(terminationColumn).isMissing(row);
  }

  /** The value of a column at a row as written in a file, or null when missing. */
  public String value(int row, String column) {
    return columns.column(column).text(row);
  }

  /** The column of that name. */
  public Column column(String column) {
    return columns.column(column);
  }

  /** Pairs {first row, duplicate row} of rows sharing a normalised key. */
  List<int[]> duplicates() {
    return duplicates;
  }

  /** Rows whose key is empty or does not have the key kind's format. */
  List<Integer> badKeys() {
    return badKeys;
  }

  /** The physical file line of a row (header = line 1). */
  static long line(int row) {
    return row + 2L;
  }

  /**
   * Checks that each requested level takes one value per key, so a join through a non-unique key
   * (e.g. joining local-authority codes to an output-area hierarchy) is still well defined.
   *
   * @throws InputException naming the key, its lines and the level that differs
   */
  public void requireDetermined(List<String> levels) {
    for (int[] d : duplicates) {
      for (String level : levels) {
        String a = value(d[0], level);
        String b = value(d[1], level);
        if (!Objects.equals(a, b)) {
          throw new InputException(
              name,
              line(d[1]),
              keyColumn,
              "key '"
                  + value(d[1], keyColumn)
                  + "' is not unique (also on line "
                  + line(d[0])
                  + ") and level '"
                  + level
                  + "' differs ("
                  + a
                  + " vs "
                  + b
                  + ")");
        }
      }
    }
  }

  /**
   * The first of {@link #hierarchies()} (the geography chain when the lookup has one), or just the
   * key level when the lookup has no code columns.
   */
  public List<HierarchyLevel> hierarchy() {
    List<List<HierarchyLevel>> all = hierarchies();
    return all.isEmpty() ? List.of(new HierarchyLevel(keyColumn, null)) : all.get(0);
  }

  /**
   * The hierarchies of the lookup's code columns, each finest first starting with the key, with for
   * each level the column holding its names when there is one ({@code la} has {@code la_name}).
   * Code columns form families that nest separately: GSS area codes of known entities (ordered by
   * entity: output area, LSOA, MSOA, ward, local authority, county, region, country, and only those
   * coarser than the key), other area codes (by number of distinct values), and classification
   * codes {@code 1}, {@code 1a}, {@code 1a1} (by number of distinct values, then code length). A
   * code column with the same values as the previous level is treated as its label. {@link
   * LookupValidator} checks that each level determines the next.
   */
  public List<List<HierarchyLevel>> hierarchies() {
    List<List<HierarchyLevel>> h = hierarchies;
    if (h == null) {
      h = computeHierarchies();
      hierarchies = h;
    }
    return h;
  }

  private List<List<HierarchyLevel>> computeHierarchies() {
    Map<String, Integer> distinct = new LinkedHashMap<>();
    Map<String, Integer> rank = new HashMap<>();
    Map<String, Integer> codeLength = new HashMap<>();
    List<String> gss = new ArrayList<>();
    List<String> otherGss = new ArrayList<>();
    List<String> classification = new ArrayList<>();
    List<String> others = new ArrayList<>();
    int keyRank = AreaCodes.levelRank(values(columns.column(keyColumn)));
    for (String c : levelColumns()) {
      List<String> vals = values(columns.column(c));
      CodeFamily family = family(vals);
      if (family == null) {
        others.add(c);
        continue;
      }
      distinct.put(c, distinctCount(c));
      codeLength.put(c, maxLength(vals));
      switch (family) {
        case GSS -> {
          int r = AreaCodes.levelRank(vals);
          rank.put(c, r);
          if (r < 0) {
            otherGss.add(c);
          } else if (keyRank < 0 || r > keyRank) {
            gss.add(c);
          }
        }
        case CLASSIFICATION -> classification.add(c);
      }
    }
    // Sorts are stable: among equals the earlier file column comes first.
    gss.sort(
        (a, b) ->
            !rank.get(a).equals(rank.get(b))
                ? Integer.compare(rank.get(a), rank.get(b))
                : Integer.compare(distinct.get(b), distinct.get(a)));
    otherGss.sort((a, b) -> Integer.compare(distinct.get(b), distinct.get(a)));
    classification.sort(
        (a, b) ->
            !distinct.get(a).equals(distinct.get(b))
                ? Integer.compare(distinct.get(b), distinct.get(a))
                : Integer.compare(codeLength.get(b), codeLength.get(a)));
    List<List<HierarchyLevel>> out = new ArrayList<>();
    for (List<String> family : List.of(gss, otherGss, classification)) {
      if (family.isEmpty()) {
        continue;
      }
      List<HierarchyLevel> chain = new ArrayList<>();
      chain.add(new HierarchyLevel(keyColumn, labelFor(keyColumn, others)));
      String previous = null;
      for (String c : family) {
        // A code column with the same values per row as the previous level is its label.
        if (previous != null
            && distinct.get(c).equals(distinct.get(previous))
            && oneToOne(previous, c)) {
          continue;
        }
        previous = c;
        chain.add(new HierarchyLevel(c, labelFor(c, others)));
      }
      out.add(List.copyOf(chain));
    }
    return List.copyOf(out);
  }

  private enum CodeFamily {
    GSS,
    CLASSIFICATION
  }

  /** The family all non-empty values belong to, or null for a column of other values. */
  private static CodeFamily family(List<String> values) {
    CodeFamily f = null;
    for (String v : values) {
      if (v == null || v.isBlank()) {
        continue;
      }
      String s = v.strip();
      CodeFamily this1 =
          AreaCodes.isWellFormed(AreaCodes.normalise(s))
              ? CodeFamily.GSS
              : AreaCodes.isClassificationCode(s) ? CodeFamily.CLASSIFICATION : null;
      if (this1 == null || (f != null && f != this1)) {
        return null;
      }
      f = this1;
    }
    return f;
  }

  private String labelFor(String code, List<String> candidates) {
    for (String o : candidates) {
      if (o.equalsIgnoreCase(code + "_name") || o.equalsIgnoreCase(code + "nm")) {
        return o;
      }
    }
    return null;
  }

  private static List<String> values(Column col) {
    if (col instanceof CategoricalColumn cat) {
      return cat.dictionary();
    }
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (int r = 0; r < col.size(); r++) {
      out.add(col.text(r));
    }
    return new ArrayList<>(out);
  }

  private static int maxLength(List<String> values) {
    int m = 0;
    for (String v : values) {
      if (v != null) {
        m = Math.max(m, v.strip().length());
      }
    }
    return m;
  }

  int distinctCount(String c) {
    Column col = columns.column(c);
    if (col instanceof CategoricalColumn cat) {
      boolean[] seen = new boolean[cat.dictionary().size()];
      int n = 0;
      for (int r = 0; r < col.size(); r++) {
        int code = cat.code(r);
        if (code >= 0 && !seen[code]) {
          seen[code] = true;
          n++;
        }
      }
      return n;
    }
    java.util.Set<String> s = new java.util.HashSet<>();
    for (int r = 0; r < col.size(); r++) {
      String t = col.text(r);
      if (t != null) {
        s.add(t);
      }
    }
    return s.size();
  }

  private boolean oneToOne(String a, String b) {
    return determines(a, b) == null && determines(b, a) == null;
  }

  /**
   * Checks that column {@code child} determines column {@code parent}: returns null when every
   * child value has exactly one parent value, else the first offending rows {first, other}, where
   * other = -1 means the child has no parent at {@code first}.
   */
  int[] determines(String child, String parent) {
    Map<String, Integer> first = new HashMap<>();
    for (int r = 0; r < rows(); r++) {
      String c = value(r, child);
      if (c == null) {
        continue;
      }
      String p = value(r, parent);
      if (p == null) {
        return new int[] {r, -1};
      }
      Integer f = first.putIfAbsent(c, r);
      if (f != null && !p.equals(value(f, parent))) {
        return new int[] {f, r};
      }
    }
    return null;
  }

  /**
   * One level of a lookup's hierarchy.
   *
   * @param column the code column
   * @param labelColumn the column with its names, or null
   */
  public record HierarchyLevel(String column, String labelColumn) {}
}
