package org.statbench.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.statbench.cohort.CohortSpec;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeGroup;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.SpecSyntax;
import picocli.CommandLine.Option;

/**
 * Bands, custom groups and date groupings of breakdown variables ({@code --band}, {@code --group},
 * {@code --date-group}) as a picocli {@code @Mixin}, written as {@code tabulate} takes them, for
 * the commands that break cohorts down ({@code cohort}, {@code status}).
 */
public final class BreakdownOptions {
  @Option(
      names = "--band",
      paramLabel = "V=LO-HI,...,LO+",
      description = "Bands of a numeric breakdown variable, as for tabulate (repeatable).")
  List<String> bands = new ArrayList<>();

  @Option(
      names = "--group",
      paramLabel = "V=NAME=code,code",
      description = "A custom group of a breakdown variable's codes, as for tabulate (repeatable).")
  List<String> groups = new ArrayList<>();

  @Option(
      names = "--date-group",
      paramLabel = "V=month|quarter|fy|year",
      description = "Group a date breakdown variable into periods, as for tabulate (repeatable).")
  List<String> dateGroups = new ArrayList<>();

  /** The spec with the bands, date groupings and groups given (groups add to existing ones). */
  public CohortSpec apply(CohortSpec spec) {
    CohortSpec s = spec;
    for (String text : bands) {
      Map.Entry<String, Bands> b = SpecSyntax.band(text);
      s = s.withDerivation(b.getKey(), b.getValue());
    }
    for (String text : dateGroups) {
      Map.Entry<String, DateGrouping> g = SpecSyntax.dateGroup(text);
      s = s.withDerivation(g.getKey(), g.getValue());
    }
    for (String text : groups) {
      Map.Entry<String, CodeGroup> g = SpecSyntax.group(text);
      CodeGroups existing =
          s.derivations().get(g.getKey()) instanceof CodeGroups cg ? cg : new CodeGroups(List.of());
      s = s.withDerivation(g.getKey(), existing.with(g.getValue()));
    }
    return s;
  }
}
