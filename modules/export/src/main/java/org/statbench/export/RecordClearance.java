package org.statbench.export;

/**
 * One record-level request as listed, with its decision and the decision's verification.
 *
 * @param id request id ({@code RL-NNNN})
 * @param request the request, or null when {@code problem} is set
 * @param decision the decision, or null while pending
 * @param problem why the entry cannot be used (tampered files), or null
 * @param verification as {@link ClearanceItem#verification()}
 */
public record RecordClearance(
    String id,
    RecordRequest request,
    ClearanceDecision decision,
    String problem,
    String verification) {
  /** True while undecided and intact. */
  public boolean pending() {
    return problem == null && decision == null;
  }

  /** True when approved by a verified decision. */
  public boolean approved() {
    return problem == null
        && decision != null
        && decision.approved()
        && verification != null
        && verification.startsWith(ClearanceBook.VERIFIED);
  }
}
