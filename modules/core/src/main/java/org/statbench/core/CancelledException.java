package org.statbench.core;

/** Thrown by long operations when their {@link CancellationToken} was cancelled. */
public class CancelledException extends StatBenchException {
  private static final long serialVersionUID = 1L;

  public CancelledException() {
    super("Cancelled by the user");
  }
}
