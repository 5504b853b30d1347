package org.statbench.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.statbench.core.InputException;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.NumericColumn;

/**
 * A code-change lookup between two editions (e.g. 2011 to 2021 output areas): rows of old code, new
 * code, change type ({@code U} unchanged, {@code S} split, {@code M} merged, {@code X} complex) and
 * an optional weight (e.g. population or overlap share), with the rule for split areas. Immutable.
 */
public final class EditionBridge {
  /** Change types of a code-change lookup. */
  public enum ChangeType {
    /** Unchanged: the old code continues as the same area. */
    U,
    /** Split: one old area became several new ones. */
    S,
    /** Merged: several old areas became one new one. */
    M,
    /** Complex (redrawn) change: many to many. */
    X
  }

  /**
   * One successor of an old code.
   *
   * @param newCode the normalised new code
   * @param weight its weight, NaN when the lookup has none
   * @param change the change type
   */
  public record Successor(String newCode, double weight, ChangeType change) {}

  private final String name;
  private final SplitRule rule;
  private final boolean weighted;
  private final Map<String, List<Successor>> successors;

  private EditionBridge(
      String name, SplitRule rule, boolean weighted, Map<String, List<Successor>> successors) {
    this.name = name;
    this.rule = rule;
    this.weighted = weighted;
    this.successors = successors;
  }

  /**
   * Builds and validates a bridge.
   *
   * @param name the code-change lookup's dataset name (for messages)
   * @param cols its columns
   * @param oldColumn old code column, or null for the first column
   * @param newColumn new code column, or null for the second column
   * @param changeColumn change type column, or null for the first column whose name contains {@code
   *     change} (else the third column)
   * @param weightColumn numeric weight column, or null for none
   * @param rule how splits are resolved
   * @throws InputException naming line and column for an unknown change type, a malformed code, a
   *     duplicate pair, an unchanged code with several successors, or a missing weight column
   */
  public static EditionBridge of(
      String name,
      DatasetColumns cols,
      String oldColumn,
      String newColumn,
      String changeColumn,
      String weightColumn,
      SplitRule rule) {
    List<String> names = List.copyOf(cols.columns().keySet());
    if (names.size() < 3) {
      throw new InputException(
          "Code-change lookup '" + name + "' needs old code, new code and change type columns");
    }
    String oldC = oldColumn == null ? names.get(0) : oldColumn;
    String newC = newColumn == null ? names.get(1) : newColumn;
    String chC = changeColumn;
    if (chC == null) {
      chC =
          names.stream()
              .filter(n -> n.toLowerCase(Locale.ROOT).contains("change"))
              .findFirst()
              .orElse(names.get(2));
    }
    SplitRule r = rule == null ? SplitRule.BEST_FIT : rule;
    if (r == SplitRule.BY_WEIGHT && weightColumn == null) {
      throw new InputException("The split rule by weight needs a weight column of '" + name + "'");
    }
    Column oldCol = require(cols, name, oldC);
    Column newCol = require(cols, name, newC);
    Column chCol = require(cols, name, chC);
    Column wCol = weightColumn == null ? null : require(cols, name, weightColumn);
    if (wCol != null && !(wCol instanceof NumericColumn)) {
      throw new InputException(
          "Weight column '" + weightColumn + "' of '" + name + "' is not numeric");
    }
    Map<String, List<Successor>> succ = new HashMap<>();
    Map<String, Integer> lineOfPair = new HashMap<>();
    Map<String, Integer> predecessors = new HashMap<>();
    Map<String, Long> firstMergeLine = new HashMap<>();
    for (int row = 0; row < cols.rows(); row++) {
      long line = row + 2L;
      String o = AreaCodes.normalise(oldCol.text(row));
      String n = AreaCodes.normalise(newCol.text(row));
      String ch = AreaCodes.normalise(chCol.text(row));
      if (o == null || !AreaCodes.isWellFormed(o)) {
        throw new InputException(
            name, line, oldC, "'" + oldCol.text(row) + "' is not an area code");
      }
      if (n == null || !AreaCodes.isWellFormed(n)) {
        throw new InputException(
            name, line, newC, "'" + newCol.text(row) + "' is not an area code");
      }
      ChangeType type;
      try {
        type = ChangeType.valueOf(ch == null ? "" : ch);
      } catch (IllegalArgumentException e) {
        throw new InputException(
            name, line, chC, "change type '" + chCol.text(row) + "' is not one of U, S, M, X");
      }
      Integer before = lineOfPair.putIfAbsent(o + ">" + n, row);
      if (before != null) {
        throw new InputException(
            name,
            line,
            newC,
            "duplicate change " + o + " -> " + n + " (first on line " + (before + 2) + ")");
      }
      double w = wCol == null ? Double.NaN : ((NumericColumn) wCol).value(row);
      succ.computeIfAbsent(o, k -> new ArrayList<>()).add(new Successor(n, w, type));
      predecessors.merge(n, 1, Integer::sum);
      if (type == ChangeType.M) {
        firstMergeLine.putIfAbsent(n, line);
      }
    }
    for (Map.Entry<String, List<Successor>> e : succ.entrySet()) {
      List<Successor> s = e.getValue();
      if (s.size() > 1
          && s.stream().anyMatch(x -> x.change() == ChangeType.U || x.change() == ChangeType.M)) {
        throw new InputException(
            name,
            lineOfPair.get(e.getKey() + ">" + s.get(1).newCode()) + 2L,
            chC,
            "old code "
                + e.getKey()
                + " has "
                + s.size()
                + " new codes but is marked unchanged or merged (use S or X)");
      }
    }
    for (Map.Entry<String, Long> e : firstMergeLine.entrySet()) {
      if (predecessors.get(e.getKey()) < 2) {
        throw new InputException(
            name,
            e.getValue(),
            chC,
            "new code " + e.getKey() + " is marked merged but has only one old code");
      }
    }
    Map<String, List<Successor>> frozen = new HashMap<>();
    succ.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new EditionBridge(name, r, wCol != null, frozen);
  }

  private static Column require(DatasetColumns cols, String name, String column) {
    Column c = cols.columns().get(column);
    if (c == null) {
      throw new InputException("Unknown variable '" + column + "' in lookup '" + name + "'");
    }
    return c;
  }

  public String name() {
    return name;
  }

  public SplitRule rule() {
    return rule;
  }

  /** True when the bridge has a weight column. */
  public boolean isWeighted() {
    return weighted;
  }

  /** The successors of a normalised old code, in file order; empty when the bridge lacks it. */
  public List<Successor> successors(String oldCode) {
    List<Successor> s = successors.get(oldCode);
    return s == null ? List.of() : s;
  }

  /** The old codes the bridge knows. */
  public Set<String> oldCodes() {
    return successors.keySet();
  }
}
