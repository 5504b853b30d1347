package org.statbench.app.tablebuilder;

import java.util.List;
import java.util.Locale;
import org.statbench.core.data.Code;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateRangeFilter;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.Filter;
import org.statbench.core.spec.RangeFilter;
import org.statbench.core.spec.RollUp;

/**
 * What a zone's chip says about its field: a dimension with its bands, groups, date grouping,
 * roll-up and missing total ({@code age: 16-24, 25+ (no total)}), a filter with its condition in
 * few words ({@code benefit: all but P5}). Plain Java; stateless.
 */
final class ChipText {
  private ChipText() {}

  /** The chip of a dimension. */
  static ZoneItem item(DimensionSpec d, FieldCatalogue fields) {
    VariableType t = fields.type(d.variable());
    String text = d.variable();
    Derivation der = d.derivation();
    if (der instanceof Bands b) {
      text += ": " + b.format().replace(",", ", ");
    } else if (der instanceof CodeGroups g) {
      text += ": " + g.groups().size() + (g.groups().size() == 1 ? " group" : " groups");
    } else if (der instanceof DateGrouping g) {
      text += " by " + g.unit().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    } else if (der instanceof RollUp r) {
      text += r.byVariables() ? " > " + String.join(" > ", r.parentVariables()) : " rolled up";
    }
    if (!d.total()) {
      text += " (no total)";
    }
    return new ZoneItem(d.variable(), text, t, der != null || !d.total());
  }

  /** The chip of a field in the Filters zone with its condition (null: none yet). */
  static ZoneItem filterItem(String variable, Filter f, FieldCatalogue fields) {
    VariableType t = fields.type(variable);
    return new ZoneItem(variable, describe(variable, f, fields), t, f != null);
  }

  private static String describe(String variable, Filter f, FieldCatalogue fields) {
    if (f == null) {
      return variable + ": all";
    }
    if (f instanceof CodeFilter c) {
      if (!c.exclude()) {
        // "all but P5" says more than four of the five codes.
        List<String> unticked =
            fields.codes(variable).stream()
                .map(Code::code)
                .filter(code -> !c.codes().contains(code))
                .toList();
        if (!unticked.isEmpty() && unticked.size() < c.codes().size()) {
          return variable + ": all but " + shortList(unticked);
        }
      }
      return variable + (c.exclude() ? " not in " : " in ") + shortList(c.codes());
    }
    if (f instanceof RangeFilter r) {
      return variable
          + " "
          + (Double.isInfinite(r.lo()) ? "" : NumericColumn.formatNumber(r.lo()))
          + "–"
          + (Double.isInfinite(r.hi()) ? "" : NumericColumn.formatNumber(r.hi()));
    }
    if (f instanceof DateRangeFilter r) {
      return variable
          + " "
          + (r.from() == null ? "" : r.from())
          + "–"
          + (r.to() == null ? "" : r.to());
    }
    return variable;
  }

  private static String shortList(List<String> codes) {
    return codes.size() <= 4
        ? String.join(",", codes)
        : String.join(",", codes.subList(0, 3)) + ",… (" + codes.size() + ")";
  }
}
