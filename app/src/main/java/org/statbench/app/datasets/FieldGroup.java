package org.statbench.app.datasets;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;

/**
 * A heading of the field list and the variables under it.
 *
 * @param title e.g. {@code Categories}
 * @param variables in dataset order
 */
public record FieldGroup(String title, List<VariableInfo> variables) {
  public FieldGroup {
    variables = List.copyOf(variables);
  }

  /** The heading a variable of this type is listed under. */
  public static String titleOf(VariableType type) {
    return switch (type) {
      case CATEGORICAL -> "Categories";
      case INTEGER, DECIMAL -> "Numbers";
      case DATE -> "Dates";
      case TEXT -> "Text";
    };
  }

  /** The heading of variables added by classification and geography joins. */
  public static final String GEOGRAPHY = "Geography";

  /**
   * Groups variables: those added by a join under {@link #GEOGRAPHY} first, then the rest by type
   * (categories, numbers, dates, text; empty groups left out), keeping those whose name or label
   * contains {@code search} (ignoring case; blank keeps all).
   */
  public static List<FieldGroup> group(List<VariableInfo> variables, String search) {
    String q = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
    Map<VariableType, List<VariableInfo>> byType = new EnumMap<>(VariableType.class);
    List<VariableInfo> geography = new ArrayList<>();
    for (VariableInfo v : variables) {
      if (q.isEmpty()
          || v.name().toLowerCase(Locale.ROOT).contains(q)
          || v.label().toLowerCase(Locale.ROOT).contains(q)) {
        if (v.isDerived() && v.derivedFrom().startsWith("join ")) {
          geography.add(v);
          continue;
        }
        VariableType key = v.type() == VariableType.DECIMAL ? VariableType.INTEGER : v.type();
        byType.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
      }
    }
    List<FieldGroup> out = new ArrayList<>();
    if (!geography.isEmpty()) {
      out.add(new FieldGroup(GEOGRAPHY, geography));
    }
    byType.forEach((type, vars) -> out.add(new FieldGroup(titleOf(type), vars)));
    return out;
  }
}
