package org.statbench.export;

import java.time.Instant;
import java.util.Objects;

/**
 * A statistician's decision on a clearance request.
 *
 * @param requestId the request decided
 * @param tableHash hash of the table the decision is for (an approval clears exactly this table)
 * @param outcome approved or rejected
 * @param statistician name of who decided (the signing key's name)
 * @param comment the mandatory reason (never blank)
 * @param decided when (UTC)
 * @param deciderKey the statistician's public key, or null for an unsigned (legacy) decision
 * @param signature the Ed25519 signature (base64) over {@link ClearanceBook#decisionPayload}, or
 *     null
 */
public record ClearanceDecision(
    String requestId,
    String tableHash,
    ClearanceOutcome outcome,
    String statistician,
    String comment,
    Instant decided,
    PublicSigningKey deciderKey,
    String signature) {
  /** An unsigned decision (never honoured by the gate; kept for reading old files and tests). */
  public ClearanceDecision(
      String requestId,
      String tableHash,
      ClearanceOutcome outcome,
      String statistician,
      String comment,
      Instant decided) {
    this(requestId, tableHash, outcome, statistician, comment, decided, null, null);
  }

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
        + (deciderKey == null ? "" : " (key " + deciderKey.fingerprint() + ")")
        + " on "
        + decided
        + " — "
        + comment;
  }
}
