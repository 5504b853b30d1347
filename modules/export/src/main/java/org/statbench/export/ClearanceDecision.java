package org.statbench.export;

import java.time.Instant;
import java.util.Objects;

/**
 * A statistician's decision on a clearance request.
 *
 * @param requestId the request decided
 * @param tableHash hash of the table the decision is for (an approval clears exactly this table)
 * @param outcome approved or rejected
 * @param statistician OS user name of who decided
 * @param comment the mandatory reason (never blank)
 * @param decided when (UTC)
 */
public record ClearanceDecision(
    String requestId,
    String tableHash,
    ClearanceOutcome outcome,
    String statistician,
    String comment,
    Instant decided) {
  public ClearanceDecision {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(tableHash, "tableHash");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(statistician, "statistician");
    Objects.requireNonNull(decided, "decided");
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("a clearance decision needs a comment");
    }
  }

  /** True when approved. */
  public boolean approved() {
    return outcome == ClearanceOutcome.APPROVED;
  }

  /** One line for output footers and the clearance sheet. */
  public String summary() {
    return "Clearance request "
        + requestId
        + " "
        + outcome.name().toLowerCase(java.util.Locale.ROOT)
        + " by "
        + statistician
        + " on "
        + decided
        + " — "
        + comment;
  }
}
