package org.statbench.disclosure;

import java.util.Locale;

/** The status of a cell after a check or a protection, as written in the long CSV. */
public enum StatusKind {
  /** Passes every rule and is published as computed. */
  OK,
  /** Fails a primary rule (suppressed after {@code protect} by suppression). */
  PRIMARY,
  /** Suppressed to protect a primary cell. */
  SECONDARY,
  /** Published rounded. */
  ROUNDED,
  /** Published with cell-key noise. */
  PERTURBED,
  /**
   * A rule is undefined for this cell (negative contributions, all-zero magnitude, missing): a
   * statistician must look at it.
   */
  REVIEW;

  /** The status word: {@code ok}, {@code primary}, ... */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
