package org.statbench.app.tablebuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.statbench.app.datasets.DatasetsViewModel;
import org.statbench.core.InputException;
import org.statbench.core.data.Code;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.CodeGroup;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.spec.RollUp;
import org.statbench.core.table.Category;

/**
 * What the chip dialogs start with and accept, checked without a toolkit: the codes a filter lists
 * and ticks, equal-width bands from the From and To fields, the lines of code groups, date-grouping
 * choices, a numeric range, a chain of roll-up levels, and the From and To a band dialog starts
 * with. The dialogs ({@link ChipDialogs}) only lay out fields and show these answers. Stateless.
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

  /** The codes a filter dialog lists: the codelist, then "Missing" when some records have none. */
  static List<Code> filterChoices(List<Code> codes, VariableInfo info) {
    List<Code> all = new ArrayList<>(codes);
    if (info != null && info.missing() > 0) {
      all.add(new Code(Category.MISSING, "Missing", info.missing()));
    }
    return all;
  }

  /**
   * The codes a filter dialog starts with ticked: those an including filter keeps, else every code
   * but those an excluding filter drops.
   */
  static Set<String> initiallyKept(List<Code> choices, Filter current) {
    Set<String> kept = new LinkedHashSet<>();
    if (current instanceof CodeFilter cf && !cf.exclude()) {
      kept.addAll(cf.codes());
    } else {
      choices.forEach(c -> kept.add(c.code()));
      if (current instanceof CodeFilter cf) {
        kept.removeAll(cf.codes());
      }
    }
    return kept;
  }

  /** A code's line in the filter list: the code, its label when different, and its count. */
  static String filterLine(Code c) {
    return (c.label().equals(c.code()) ? c.code() : c.code() + "  " + c.label())
        + "   ("
        + DatasetsViewModel.formatCount(c.count())
        + ")";
  }

  private static final String ENTRY_SEPARATOR = " — ";

  /** A code's entry in the group dialog's list: the code, and its label when different. */
  static String groupEntry(Code c) {
    return c.code().equals(c.label()) ? c.code() : c.code() + ENTRY_SEPARATOR + c.label();
  }

  /** The code of an entry of {@link #groupEntry}. */
  static String codeOfEntry(String entry) {
    int at = entry.indexOf(ENTRY_SEPARATOR);
    return at < 0 ? entry : entry.substring(0, at);
  }

  /** The text a group dialog starts with: one {@code NAME=code,code} line per group. */
  static String groupsText(Derivation current) {
    StringBuilder sb = new StringBuilder();
    if (current instanceof CodeGroups cg) {
      for (CodeGroup g : cg.groups()) {
        sb.append(g.name()).append('=').append(String.join(",", g.codes())).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * The line the group dialog adds for the picked list entries under a name.
   *
   * @throws InputException when no code is picked or the name is blank
   */
  static String groupLine(String name, List<String> pickedEntries) {
    if (pickedEntries.isEmpty()) {
      throw new InputException("Select the codes to merge in the list first (Ctrl+click for more)");
    }
    if (name == null || name.isBlank()) {
      throw new InputException("Give the group a name");
    }
    return name.strip()
        + "="
        + String.join(",", pickedEntries.stream().map(ChipInput::codeOfEntry).toList());
  }

  /** The groups text with one more line, on a line of its own. */
  static String appendLine(String text, String line) {
    return (text.isEmpty() || text.endsWith("\n") ? text : text + "\n") + line + "\n";
  }

  /** The date-grouping choice meaning "no grouping". */
  static final String EACH_DATE = "Each date";

  /** The date-grouping dialog's choices, "Each date" first. */
  static List<String> dateGroupingChoices() {
    List<String> choices = new ArrayList<>();
    choices.add(EACH_DATE);
    for (DateUnit u : DateUnit.values()) {
      choices.add(unitText(u));
    }
    return choices;
  }

  /** A date unit as the dialog names it. */
  static String unitText(DateUnit u) {
    return switch (u) {
      case MONTH -> "Month";
      case QUARTER -> "Quarter";
      case FINANCIAL_YEAR -> "Financial year (April-March)";
      case YEAR -> "Calendar year";
    };
  }

  /** The unit of a date-grouping choice, or null for "Each date". */
  static DateUnit unitOf(String choice) {
    for (DateUnit u : DateUnit.values()) {
      if (unitText(u).equals(choice)) {
        return u;
      }
    }
    return null;
  }

  /** The roll-up levels a dialog starts with, nearest first (empty when none). */
  static List<String> currentRollUp(Derivation current) {
    return current instanceof RollUp r && r.parentVariables() != null
        ? r.parentVariables()
        : List.of();
  }

  /** From and To a range dialog starts with (blank for an open end). */
  static List<String> rangeTexts(Filter current) {
    if (current instanceof RangeFilter r) {
      return List.of(
          Double.isInfinite(r.lo()) ? "" : NumericColumn.formatNumber(r.lo()),
          Double.isInfinite(r.hi()) ? "" : NumericColumn.formatNumber(r.hi()));
    }
    return List.of("", "");
  }
}
