package org.statbench.geo;

import java.util.List;
import org.statbench.store.DerivedVariable;

/**
 * The outcome of a join, before or after it is saved.
 *
 * @param variables one derived variable per added level (named as the lookup column), mapping the
 *     key's codes to the level's values; unmatched codes are absent, so they become missing
 * @param report the match report
 * @param rollUp the added code levels that form a hierarchy, finest first (e.g. {@code lsoa, msoa,
 *     la, region}); a table builder can roll up along it
 */
public record JoinResult(List<DerivedVariable> variables, MatchReport report, List<String> rollUp) {
  public JoinResult {
    variables = List.copyOf(variables);
    rollUp = List.copyOf(rollUp);
  }
}
