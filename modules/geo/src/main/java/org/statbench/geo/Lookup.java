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
  private volatile List<HierarchyLevel> hierarchy;

  private Lookup(String name, String edition, String keyColumn, KeyKind kind, DatasetColumns cols) {
    this.name = Objects.requireNonNull(name, "name");
    this.edition = edition;
    this.keyColumn = keyColumn;
    this.keyKind = kind;
    this.columns = cols;
    this.terminationColumn =
        cols.columns().keySet().stream()
            .filter(c -> !c.equals(keyColumn))
            .filter(c -> c.toLowerCase(Locale.ROOT).contains("term"))
            .findFirst()
            .orElse(null);
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
   * The hierarchy of the lookup's code columns, finest first (the key, then each coarser level),
   * each with the column holding its names when there is one (a column in one-to-one
   * correspondence). Code columns are those whose values are all area codes or classification codes
   * ({@code 1}, {@code 1a}, {@code 1a1}); they are ordered by number of distinct values and each
   * must be determined by the previous one (checked by {@link LookupValidator}).
   */
  public List<HierarchyLevel> hierarchy() {
    List<HierarchyLevel> h = hierarchy;
    if (h == null) {
      h = computeHierarchy();
      hierarchy = h;
    }
    return h;
  }

  private List<HierarchyLevel> computeHierarchy() {
    Map<String, Integer> distinct = new LinkedHashMap<>();
    List<String> codeColumns = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String c : levelColumns()) {
      distinct.put(c, distinctCount(c));
      if (isCodeColumn(c)) {
        codeColumns.add(c);
      } else {
        others.add(c);
      }
    }
    // Stable sort: among equal counts the earlier file column comes first.
    // Finer levels have more distinct values; among equal counts longer codes are finer (1a1 below
    // 1a below 1), then the earlier file column comes first (the sort is stable).
    Map<String, Integer> codeLength = new HashMap<>();
    for (String c : codeColumns) {
      codeLength.put(c, maxLength(columns.column(c)));
    }
    codeColumns.sort(
        (a, b) ->
            !distinct.get(a).equals(distinct.get(b))
                ? Integer.compare(distinct.get(b), distinct.get(a))
                : Integer.compare(codeLength.get(b), codeLength.get(a)));
    List<HierarchyLevel> out = new ArrayList<>();
    out.add(new HierarchyLevel(keyColumn, labelFor(keyColumn, others)));
    List<String> chain = new ArrayList<>();
    for (String c : codeColumns) {
      // Two code columns with the same values per row: the later is a label of the earlier.
      if (!chain.isEmpty()
          && distinct.get(c).equals(distinct.get(chain.get(chain.size() - 1)))
          && oneToOne(chain.get(chain.size() - 1), c)) {
        continue;
      }
      chain.add(c);
      out.add(new HierarchyLevel(c, labelFor(c, others)));
    }
    return List.copyOf(out);
  }

  private String labelFor(String code, List<String> candidates) {
    for (String o : candidates) {
      if (o.equalsIgnoreCase(code + "_name") || o.equalsIgnoreCase(code + "nm")) {
        return o;
      }
    }
    return null;
  }

  boolean isCodeColumn(String c) {
    Column col = columns.column(c);
    boolean any = false;
    for (String v : values(col)) {
      if (v == null || v.isEmpty()) {
        continue;
      }
      any = true;
      String s = v.strip();
      if (!AreaCodes.isWellFormed(AreaCodes.normalise(s)) && !AreaCodes.isClassificationCode(s)) {
        return false;
      }
    }
    return any;
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

  private static int maxLength(Column col) {
    int m = 0;
    for (String v : values(col)) {
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
