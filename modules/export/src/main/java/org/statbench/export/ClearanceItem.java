package org.statbench.export;

/**
 * One entry of the clearance book as listed: the request, its decision when decided, or the problem
 * that makes it unusable (a file that no longer matches its audit entry).
 *
 * @param id request id
 * @param request the request, or null when {@code problem} is set
 * @param decision the decision, or null while pending
 * @param problem why the entry cannot be used, or null
 * @param verification for a decision, whether its signature verifies against a trusted key that is
 *     not the requester's: {@code null} while pending, else a sentence starting {@code verified} or
 *     naming what is wrong
 */
public record ClearanceItem(
    String id,
    ClearanceRequest request,
    ClearanceDecision decision,
    String problem,
    String verification) {
  /** An item without a verification result. */
  public ClearanceItem(
      String id, ClearanceRequest request, ClearanceDecision decision, String problem) {
    this(id, request, decision, problem, null);
  }

  /** True when a decision is present and its signature, signer and chain all verify. */
  public boolean verified() {
    return problem == null
        && decision != null
        && verification != null
        && verification.startsWith(ClearanceBook.VERIFIED);
  }

  /** True while no statistician has decided and the files are intact. */
  public boolean pending() {
    return problem == null && decision == null;
  }
}
