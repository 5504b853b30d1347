package org.statbench.export;

/** A statistician's decision on a clearance request. */
public enum ClearanceOutcome {
  APPROVED,
  REJECTED
}
