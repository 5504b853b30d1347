package org.statbench.core.spec;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.InputException;

/**
 * A condition on one variable that a record must meet to be counted. Filters combine with AND.
 * Missing values never meet a range; a code filter matches them with the code {@code Missing}.
 */
public sealed interface Filter permits CodeFilter, RangeFilter, DateRangeFilter {
  /** The variable the filter reads. */
  String variable();

  /**
   * Parses the command-line form {@code V=code[,code...]} (keep those codes) or {@code
   * V!=code[,code...]} (drop them).
   *
   * @throws InputException when there is no {@code =} or no code
   */
  static CodeFilter parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new InputException("Filter '" + text + "' is not V=code[,code...]");
    }
    boolean exclude = text.charAt(eq - 1) == '!';
    String variable = text.substring(0, exclude ? eq - 1 : eq).trim();
    List<String> codes = new ArrayList<>();
    for (String c : text.substring(eq + 1).split(",", -1)) {
      codes.add(c.trim());
    }
    return new CodeFilter(variable, codes, exclude);
  }
}
