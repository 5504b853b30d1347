package org.statbench.core;

/**
 * The disclosure check refused an output: the command line exits with code 3, the GUI offers to
 * request clearance. The message says which cells failed which rule.
 */
public class RefusedException extends StatBenchException {
  private static final long serialVersionUID = 1L;

  public RefusedException(String message) {
    super(message);
  }
}
