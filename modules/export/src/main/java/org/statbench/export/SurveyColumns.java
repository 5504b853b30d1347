package org.statbench.export;

import java.util.List;
import java.util.Objects;

/**
 * What a survey table adds to a release: its measure label, extra columns written after the status
 * (e.g. {@code se,lower,upper,cv,n}) and per cell a reliability flag. A cell flagged {@code
 * withheld:...} is published empty (with its extra fields) like a suppressed cell; a {@code
 * caution:...} cell keeps its value. Disclosure statuses other than {@code ok} take precedence in
 * the status column; the reason still goes into the XLSX note.
 *
 * @param measureLabel the long CSV measure label (e.g. {@code row%:count}, {@code gini:V})
 * @param headers headers of the extra columns (may be empty)
 * @param fields per cell its extra fields as written, or null when {@code headers} is empty
 * @param flags per cell {@code caution:cv}, {@code withheld:cv}, {@code withheld:base} or null
 * @param reasons per cell the flag's reason in words, or null
 */
public record SurveyColumns(
    String measureLabel,
    List<String> headers,
    String[][] fields,
    String[] flags,
    String[] reasons) {
  public SurveyColumns {
    Objects.requireNonNull(measureLabel);
    headers = List.copyOf(headers);
    Objects.requireNonNull(flags);
    Objects.requireNonNull(reasons);
  }

  boolean withheld(int i) {
    return flags[i] != null && flags[i].startsWith("withheld");
  }
}
