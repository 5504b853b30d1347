package org.statbench.disclosure;

import java.util.Objects;

/**
 * A cell's status with, for {@code primary} and {@code review}, the rule behind it.
 *
 * @param kind the status
 * @param rule rule name ({@code threshold}, {@code dominance}, {@code p%}, {@code negative}, {@code
 *     zero}, {@code missing}), or null
 */
public record CellStatus(StatusKind kind, String rule) {
  public static final CellStatus OK = new CellStatus(StatusKind.OK, null);
  public static final CellStatus SECONDARY = new CellStatus(StatusKind.SECONDARY, null);
  public static final CellStatus ROUNDED = new CellStatus(StatusKind.ROUNDED, null);
  public static final CellStatus PERTURBED = new CellStatus(StatusKind.PERTURBED, null);

  public CellStatus {
    Objects.requireNonNull(kind, "kind");
  }

  /** The long-CSV status word, e.g. {@code ok} or {@code primary:threshold}. */
  public String word() {
    return rule == null ? kind.word() : kind.word() + ":" + rule;
  }

  /** True when the cell's value is not published. */
  public boolean isSuppressed() {
    return kind == StatusKind.PRIMARY || kind == StatusKind.SECONDARY;
  }

  /**
   * Parses a status word ({@code primary:threshold}).
   *
   * @throws IllegalArgumentException when the word is not a status
   */
  public static CellStatus parse(String word) {
    int colon = word.indexOf(':');
    String k = colon < 0 ? word : word.substring(0, colon);
    StatusKind kind = StatusKind.valueOf(k.trim().toUpperCase(java.util.Locale.ROOT));
    return new CellStatus(kind, colon < 0 ? null : word.substring(colon + 1));
  }

  @Override
  public String toString() {
    return word();
  }
}
