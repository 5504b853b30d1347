package org.statbench.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.VariableType;

/** Builds small in-memory datasets for hand-checked cases: one call per record. */
final class Records {
  private final List<String> dateNames;
  private final List<String> codeNames;
  private final List<String[]> dates = new ArrayList<>();
  private final List<String[]> codes = new ArrayList<>();

  private Records(List<String> dateNames, List<String> codeNames) {
    this.dateNames = dateNames;
    this.codeNames = codeNames;
  }

  /**
   * Date variables {@code entry}, {@code event}, {@code end}, {@code competing}; code {@code g}.
   */
  static Records create() {
    return new Records(List.of("entry", "event", "end", "competing"), List.of("g"));
  }

  /** A record with an entry and an event date (null = none). */
  Records add(String entry, String event) {
    return add(entry, event, null, null, null);
  }

  /** A record with every variable (nulls for missing). */
  Records add(String entry, String event, String end, String competing, String group) {
    dates.add(new String[] {entry, event, end, competing});
    codes.add(new String[] {group});
    return this;
  }

  /** A record entering on {@code day0} plus offsets in days (null = none). */
  Records days(LocalDate day0, Integer event, Integer end, Integer competing, String group) {
    return add(
        day0.toString(),
        event == null ? null : day0.plusDays(event).toString(),
        end == null ? null : day0.plusDays(end).toString(),
        competing == null ? null : day0.plusDays(competing).toString(),
        group);
  }

  DatasetColumns build() {
    int n = dates.size();
    List<Column> cols = new ArrayList<>();
    for (int v = 0; v < dateNames.size(); v++) {
      int[] days = new int[n];
      for (int i = 0; i < n; i++) {
        String t = dates.get(i)[v];
        days[i] = t == null ? DateColumn.MISSING : (int) LocalDate.parse(t).toEpochDay();
      }
      cols.add(new DateColumn(dateNames.get(v), days));
    }
    for (int v = 0; v < codeNames.size(); v++) {
      Map<String, Integer> dict = new LinkedHashMap<>();
      int[] c = new int[n];
      for (int i = 0; i < n; i++) {
        String t = codes.get(i)[v];
        c[i] = t == null ? -1 : dict.computeIfAbsent(t, k -> dict.size());
      }
      cols.add(
          CategoricalColumn.of(
              codeNames.get(v), VariableType.CATEGORICAL, new ArrayList<>(dict.keySet()), c));
    }
    return DatasetColumns.of("test", cols);
  }
}
