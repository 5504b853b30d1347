package org.statbench.geo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.table.Category;
import org.statbench.geo.EditionBridge.Successor;
import org.statbench.geo.MatchReport.MatchRate;
import org.statbench.geo.MatchReport.UnmatchedCode;
import org.statbench.store.DerivedVariable;

/**
 * Joins in memory. Work is proportional to the key's dictionary (each distinct code is normalised,
 * classified and looked up once) plus one pass over the key's codes to count records, so millions
 * of records join in milliseconds. Stateless and thread-safe.
 */
public final class JoinEngine {
  private JoinEngine() {}

  /**
   * Computes the derived variables and the match report of a join.
   *
   * @param data the dataset's columns: the key and every {@code byVariables} variable
   * @param spec what to join
   * @param lookup the lookup
   * @param cancel polled between stages
   * @throws InputException for an unknown variable or level, a key that is not categorical or text,
   *     a level name that is the key itself, or a non-unique lookup key whose levels differ
   */
  public static JoinResult join(
      DatasetColumns data, JoinSpec spec, Lookup lookup, CancellationToken cancel) {
    Column keyColumn = data.column(spec.keyVariable());
    if (!(keyColumn instanceof CategoricalColumn key)) {
      throw new InputException(
          "Key variable '"
              + spec.keyVariable()
              + "' of dataset '"
              + data.dataset()
              + "' must be categorical or text, not "
              + keyColumn.type().key());
    }
    List<String> levels = spec.levels().isEmpty() ? lookup.levelColumns() : spec.levels();
    for (String level : levels) {
      if (!lookup.columnNames().contains(level)) {
        throw new InputException(
            "Unknown variable '" + level + "' in lookup '" + lookup.name() + "'");
      }
      if (level.equals(lookup.keyColumn())) {
        throw new InputException(
            "Level '" + level + "' is the key of lookup '" + lookup.name() + "'");
      }
    }
    if (spec.bridge() != null && lookup.keyKind() != KeyKind.AREA_CODE) {
      throw new InputException(
          "An edition bridge needs a lookup keyed on area codes; '"
              + lookup.name()
              + "' is keyed on "
              + lookup.keyKind().name().toLowerCase(java.util.Locale.ROOT));
    }
    lookup.requireDetermined(levels);
    cancel.throwIfCancelled();

    List<String> dict = key.dictionary();
    int n = dict.size();
    long[] counts = histogram(key);
    cancel.throwIfCancelled();

    // Resolve every distinct code once.
    MatchStatus[] status = new MatchStatus[n];
    int[] rowOf = new int[n];
    Map<Integer, List<Successor>> splits = new HashMap<>();
    for (int d = 0; d < n; d++) {
      rowOf[d] = -1;
      status[d] = resolve(dict.get(d), lookup, spec.bridge(), d, rowOf, splits);
    }
    cancel.throwIfCancelled();

    // Code mappings, one per level.
    List<DerivedVariable> vars = new ArrayList<>();
    List<List<String>> rollUp = rollUps(lookup, levels);
    String description = description(data, spec, lookup, rollUp);
    for (String level : levels) {
      org.statbench.core.data.Column values = lookup.column(level);
      // Built straight into an immutable map, which DerivedVariable then keeps without copying.
      @SuppressWarnings("unchecked")
      Map.Entry<String, String>[] entries = new Map.Entry[n];
      int m = 0;
      for (int d = 0; d < n; d++) {
        if (status[d] != MatchStatus.MATCHED) {
          continue;
        }
        String v = rowOf[d] >= 0 ? values.text(rowOf[d]) : byWeight(lookup, splits.get(d), level);
        if (v != null) {
          entries[m++] = Map.entry(dict.get(d), v);
        }
      }
      Map<String, String> mapping = Map.ofEntries(java.util.Arrays.copyOf(entries, m));
      vars.add(
          new DerivedVariable(
              level,
              spec.labels().getOrDefault(level, level),
              spec.keyVariable(),
              mapping,
              description));
    }
    cancel.throwIfCancelled();

    // Report.
    EnumMap<MatchStatus, Long> byStatus = new EnumMap<>(MatchStatus.class);
    LinkedHashMap<String, UnmatchedCode> unmatched = new LinkedHashMap<>();
    for (int d = 0; d < n; d++) {
      if (counts[d] == 0) {
        continue;
      }
      byStatus.merge(status[d], counts[d], Long::sum);
      if (status[d] != MatchStatus.MATCHED) {
        unmatched.merge(
            dict.get(d) + "\u0000" + status[d],
            new UnmatchedCode(dict.get(d), status[d], counts[d]),
            (a, b) -> new UnmatchedCode(a.code(), a.status(), a.count() + b.count()));
      }
    }
    long missing = counts[n];
    if (missing > 0) {
      byStatus.merge(MatchStatus.EMPTY, missing, Long::sum);
      unmatched.merge(
          "\u0000" + MatchStatus.EMPTY,
          new UnmatchedCode("", MatchStatus.EMPTY, missing),
          (a, b) -> new UnmatchedCode("", MatchStatus.EMPTY, a.count() + b.count()));
    }
    List<UnmatchedCode> unmatchedList = new ArrayList<>(unmatched.values());
    unmatchedList.sort(
        (a, b) ->
            a.count() != b.count()
                ? Long.compare(b.count(), a.count())
                : a.code().compareTo(b.code()));

    Map<String, List<MatchRate>> rates = new LinkedHashMap<>();
    boolean[] matched = new boolean[n];
    for (int d = 0; d < n; d++) {
      matched[d] = status[d] == MatchStatus.MATCHED;
    }
    for (String by : spec.byVariables()) {
      rates.put(by, rates(data.column(by), key, matched));
      cancel.throwIfCancelled();
    }
    MatchReport report =
        new MatchReport(
            data.dataset(),
            spec.keyVariable(),
            lookup.name(),
            lookup.edition(),
            spec.bridge() == null ? null : spec.bridge().name(),
            data.rows(),
            byStatus,
            unmatchedList,
            rates);
    return new JoinResult(vars, report, rollUp);
  }

  private static MatchStatus resolve(
      String raw,
      Lookup lookup,
      EditionBridge bridge,
      int d,
      int[] rowOf,
      Map<Integer, List<Successor>> splits) {
    switch (lookup.keyKind()) {
      case POSTCODE -> {
        String s = AreaCodes.normalise(raw);
        if (s == null || s.isEmpty()) {
          return MatchStatus.EMPTY;
        }
        if (AreaCodes.isPseudo(s)) {
          return MatchStatus.PSEUDO_CODE; // an area pseudo code typed where a postcode belongs
        }
        String p = Postcodes.normalise(s);
        if (p == null) {
          return MatchStatus.INVALID_FORMAT;
        }
        if (Postcodes.isPseudo(p)) {
          return MatchStatus.PSEUDO_CODE;
        }
        int row = lookup.find(p);
        if (row < 0) {
          return MatchStatus.UNKNOWN_CODE;
        }
        if (lookup.isTerminated(row)) {
          return MatchStatus.TERMINATED;
        }
        rowOf[d] = row;
        return MatchStatus.MATCHED;
      }
      case GENERIC -> {
        String s = AreaCodes.normalise(raw);
        if (s == null || s.isEmpty()) {
          return MatchStatus.EMPTY;
        }
        int row = lookup.find(s);
        if (row < 0) {
          return MatchStatus.UNKNOWN_CODE;
        }
        rowOf[d] = row;
        return MatchStatus.MATCHED;
      }
      default -> {
        MatchStatus pre = AreaCodes.preClassify(raw);
        if (pre != null) {
          return pre;
        }
        String s = AreaCodes.normalise(raw);
        if (bridge != null) {
          List<Successor> succ = bridge.successors(s);
          if (!succ.isEmpty()) {
            return resolveBridged(succ, lookup, bridge, d, rowOf, splits);
          }
        }
        int row = lookup.find(s);
        if (row < 0) {
          return MatchStatus.UNKNOWN_CODE;
        }
        rowOf[d] = row;
        return MatchStatus.MATCHED;
      }
    }
  }

  private static MatchStatus resolveBridged(
      List<Successor> succ,
      Lookup lookup,
      EditionBridge bridge,
      int d,
      int[] rowOf,
      Map<Integer, List<Successor>> splits) {
    List<Successor> found = new ArrayList<>(succ.size());
    for (Successor s : succ) {
      if (lookup.find(s.newCode()) >= 0) {
        found.add(s);
      }
    }
    if (found.isEmpty()) {
      return MatchStatus.UNKNOWN_CODE;
    }
    if (found.size() == 1 || bridge.rule() == SplitRule.BEST_FIT) {
      Successor best = found.get(0);
      for (Successor s : found) {
        if (s.weight() > best.weight()) { // NaN weights never win: first listed stays
          best = s;
        }
      }
      rowOf[d] = lookup.find(best.newCode());
    } else {
      splits.put(d, found);
    }
    return MatchStatus.MATCHED;
  }

  /** The level value carrying the largest total weight among a split code's successors. */
  private static String byWeight(Lookup lookup, List<Successor> successors, String level) {
    LinkedHashMap<String, Double> weight = new LinkedHashMap<>();
    for (Successor s : successors) {
      String v = lookup.value(lookup.find(s.newCode()), level);
      if (v != null) {
        weight.merge(v, Double.isNaN(s.weight()) ? 0 : s.weight(), Double::sum);
      }
    }
    String best = null;
    double bestWeight = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Double> e : weight.entrySet()) {
      if (e.getValue() > bestWeight) {
        best = e.getKey();
        bestWeight = e.getValue();
      }
    }
    return best;
  }

  /** Records per dictionary code; the last element counts missing values. */
  static long[] histogram(CategoricalColumn key) {
    int n = key.dictionary().size();
    long[] out = new long[n + 1];
    if (key.isByteEncoded()) {
      long[] h = new long[256];
      byte[] codes = key.byteCodes();
      for (byte b : codes) {
        h[b & 0xFF]++;
      }
      System.arraycopy(h, 0, out, 0, n);
      out[n] = h[0xFF];
    } else {
      int[] codes = key.intCodes();
      int[] h = new int[n + 1];
      for (int c : codes) {
        h[c < 0 ? n : c]++;
      }
      for (int i = 0; i <= n; i++) {
        out[i] = h[i];
      }
    }
    return out;
  }

  private static List<MatchRate> rates(Column by, CategoricalColumn key, boolean[] matched) {
    int rows = key.size();
    if (by instanceof CategoricalColumn cat) {
      int m = cat.dictionary().size();
      long[] total = new long[m + 1];
      long[] ok = new long[m + 1];
      for (int r = 0; r < rows; r++) {
        int c = cat.code(r);
        int i = c < 0 ? m : c;
        total[i]++;
        int k = key.code(r);
        if (k >= 0 && matched[k]) {
          ok[i]++;
        }
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        order.add(i);
      }
      order.sort((a, b) -> cat.dictionary().get(a).compareTo(cat.dictionary().get(b)));
      List<MatchRate> out = new ArrayList<>();
      for (int i : order) {
        if (total[i] > 0) {
          out.add(new MatchRate(cat.dictionary().get(i), total[i], ok[i]));
        }
      }
      if (total[m] > 0) {
        out.add(new MatchRate(Category.MISSING, total[m], ok[m]));
      }
      return out;
    }
    java.util.TreeMap<String, long[]> acc = new java.util.TreeMap<>();
    long[] miss = new long[2];
    for (int r = 0; r < rows; r++) {
      String t = by.text(r);
      long[] a = t == null ? miss : acc.computeIfAbsent(t, x -> new long[2]);
      a[0]++;
      int k = key.code(r);
      if (k >= 0 && matched[k]) {
        a[1]++;
      }
    }
    List<MatchRate> out = new ArrayList<>();
    acc.forEach((k, v) -> out.add(new MatchRate(k, v[0], v[1])));
    if (miss[0] > 0) {
      out.add(new MatchRate(Category.MISSING, miss[0], miss[1]));
    }
    return out;
  }

  private static List<List<String>> rollUps(Lookup lookup, List<String> levels) {
    List<List<String>> out = new ArrayList<>();
    for (List<Lookup.HierarchyLevel> chain : lookup.hierarchies()) {
      List<String> added = new ArrayList<>();
      for (Lookup.HierarchyLevel h : chain) {
        if (levels.contains(h.column())) {
          added.add(h.column());
        }
      }
      if (added.size() > 1) {
        out.add(List.copyOf(added));
      }
    }
    return out;
  }

  /** The description stored with each derived variable; {@link GeoJoins#rollUp} parses it. */
  static String description(
      DatasetColumns data, JoinSpec spec, Lookup lookup, List<List<String>> rollUps) {
    StringBuilder sb = new StringBuilder("join ").append(lookup.name());
    if (lookup.edition() != null) {
      sb.append(" (").append(lookup.edition()).append(')');
    }
    if (spec.bridge() != null) {
      sb.append(" via ")
          .append(spec.bridge().name())
          .append(" (")
          .append(spec.bridge().rule().name().toLowerCase(java.util.Locale.ROOT))
          .append(')');
    }
    sb.append(" on ").append(spec.keyVariable());
    for (List<String> chain : rollUps) {
      sb.append("; hierarchy ").append(String.join(" > ", chain));
    }
    return sb.toString();
  }
}
