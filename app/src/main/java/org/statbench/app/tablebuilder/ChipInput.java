package org.statbench.app.tablebuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.statbench.core.InputException;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.spec.Bands;

/**
 * What the chip dialogs accept, checked without a toolkit: equal-width bands from the From and To
 * fields, a numeric range, a chain of roll-up levels, and the From and To a band dialog starts
 * with. The dialogs ({@link ChipMenus}) only lay out fields and show these answers. Stateless.
 */
final class ChipInput {
  /** The roll-up dialog's choice meaning "no further level". */
  static final String NO_LEVEL = "(none)";

  private ChipInput() {}

  /**
   * Equal-width bands between the texts of From and To.
   *
   * @throws InputException when either is not a number, or {@link Bands#equalWidth} refuses them
   */
  static Bands equalWidth(String from, String to, int count) {
    double a;
    double z;
    try {
      a = Double.parseDouble(from.strip());
      z = Double.parseDouble(to.strip());
    } catch (NumberFormatException ex) {
      throw new InputException("Give numbers for From and To (e.g. 16 and 80)");
    }
    return Bands.equalWidth(a, z, count);
  }

  /** From and To a band dialog starts with: the values' minimum rounded down, maximum up. */
  static List<String> valueRange(double[] values) {
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    return List.of(
        NumericColumn.formatNumber(Math.floor(min)), NumericColumn.formatNumber(Math.ceil(max)));
  }

  /**
   * A range field's number.
   *
   * @return null for a blank field (no limit)
   * @throws NumberFormatException when it is not a number
   */
  static Double number(String s) {
    return s == null || s.isBlank() ? null : Double.valueOf(s.strip());
  }

  /** What is wrong with a range typed as From and To, or null when it is fine. */
  static String rangeProblem(String from, String to) {
    for (String field : List.of(from, to)) {
      try {
        number(field);
      } catch (NumberFormatException ex) {
        return "'" + field.strip() + "' is not a number";
      }
    }
    Double a = number(from);
    Double z = number(to);
    return a != null && z != null && a > z ? "From is above To: nothing would be kept" : null;
  }

  /**
   * The chosen parents, nearest first, from the roll-up dialog's levels in order (null or {@link
   * #NO_LEVEL} ends the chain).
   *
   * @throws InputException when a level follows one left at (none), or one is chosen twice
   */
  static List<String> rollUpChain(List<String> levels) {
    List<String> chain = new ArrayList<>();
    boolean ended = false;
    for (String v : levels) {
      if (v == null || v.equals(NO_LEVEL)) {
        ended = true;
      } else if (ended) {
        throw new InputException(
            "Choose the levels in order: " + v + " comes after a level left at (none)");
      } else if (chain.contains(v)) {
        throw new InputException(v + " is chosen twice: each level needs its own variable");
      } else {
        chain.add(v);
      }
    }
    return chain;
  }
}
