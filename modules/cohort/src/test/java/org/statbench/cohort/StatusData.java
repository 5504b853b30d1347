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

/** Builds small cohort and spell datasets for hand-worked status tables: one call per record. */
final class StatusData {
  private StatusData() {}

  /** People: {@code id, entry, g} (text id, date, category); null = missing. */
  static DatasetColumns people(String... idEntryGroup) {
    return build("people", List.of("id", "entry", "g"), List.of(false, true, false), idEntryGroup);
  }

  /** Spells: {@code pid, benefit, start, end} (text id, category, dates); null = missing. */
  static DatasetColumns spells(String... idStateStartEnd) {
    return build(
        "spells",
        List.of("pid", "benefit", "start", "end"),
        List.of(false, false, true, true),
        idStateStartEnd);
  }

  private static DatasetColumns build(
      String name, List<String> vars, List<Boolean> isDate, String[] values) {
    int k = vars.size();
    int n = values.length / k;
    List<Column> cols = new ArrayList<>();
    for (int v = 0; v < k; v++) {
      if (isDate.get(v)) {
        int[] days = new int[n];
        for (int i = 0; i < n; i++) {
          String t = values[i * k + v];
          days[i] = t == null ? DateColumn.MISSING : (int) LocalDate.parse(t).toEpochDay();
        }
        cols.add(new DateColumn(vars.get(v), days));
      } else {
        Map<String, Integer> dict = new LinkedHashMap<>();
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
          String t = values[i * k + v];
          codes[i] = t == null ? -1 : dict.computeIfAbsent(t, x -> dict.size());
        }
        cols.add(
            CategoricalColumn.of(
                vars.get(v), VariableType.TEXT, new ArrayList<>(dict.keySet()), codes));
      }
    }
    return DatasetColumns.of(name, cols);
  }

  /** The status spec over these datasets: horizon 3, as-of 2020-04-29. */
  static StatusSpec spec() {
    StatusSpec s =
        StatusSpec.of("people", "id", "entry", "spells", "pid", "benefit", "start", "end");
    return s.withCohort(s.cohort().withHorizon(3).withAsOf(LocalDate.parse("2020-04-29")));
  }
}
