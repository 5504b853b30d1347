package org.statbench.geo;

import java.util.List;
import org.statbench.store.DerivedVariable;

/**
 * The outcome of a join, before or after it is saved.
 *
 * @param variables one derived variable per added level (named as the lookup column), mapping the
 *     key's codes to the level's values; unmatched codes are absent, so they become missing
 * @param report the match report
 * @param rollUps the added code levels that form hierarchies, each finest first (e.g. {@code [lsoa,
 *     msoa, la, region]} and {@code [subgroup, group, supergroup]}); a table builder can roll up
 *     along them
 */
public record JoinResult(
    List<DerivedVariable> variables, MatchReport report, List<List<String>> rollUps) {
  public JoinResult {
    variables = List.copyOf(variables);
    rollUps = rollUps.stream().map(List::copyOf).toList();
  }
}
