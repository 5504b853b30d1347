package org.statbench.export;

/**
 * One entry of the clearance book as listed: the request, its decision when decided, or the problem
 * that makes it unusable (a file that no longer matches its audit entry).
 *
 * @param id request id
 * @param request the request, or null when {@code problem} is set
 * @param decision the decision, or null while pending
 * @param problem why the entry cannot be used, or null
 */
public record ClearanceItem(
    String id, ClearanceRequest request, ClearanceDecision decision, String problem) {
  /** True while no statistician has decided and the files are intact. */
  public boolean pending() {
    return problem == null && decision == null;
  }
}
