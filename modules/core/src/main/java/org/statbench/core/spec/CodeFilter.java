package org.statbench.core.spec;

import java.util.List;
import java.util.Objects;
import org.statbench.core.InputException;

/**
 * Keeps (or, when {@code exclude}, drops) the records whose value is one of the codes. Codes are
 * compared as the value is written: the category code, an integer without decimals, an ISO date, or
 * {@code Missing} for no value.
 *
 * @param variable the variable
 * @param codes at least one code
 * @param exclude false to keep the codes, true to drop them
 */
public record CodeFilter(String variable, List<String> codes, boolean exclude) implements Filter {
  public CodeFilter {
    Objects.requireNonNull(variable, "variable");
    codes = List.copyOf(codes);
    if (codes.isEmpty()) {
      throw new InputException("Filter on '" + variable + "' needs at least one code");
    }
  }

  /** Keeps only these codes. */
  public static CodeFilter include(String variable, String... codes) {
    return new CodeFilter(variable, List.of(codes), false);
  }

  /** Drops these codes. */
  public static CodeFilter exclude(String variable, String... codes) {
    return new CodeFilter(variable, List.of(codes), true);
  }
}
