package org.statbench.core;

/**
 * An error whose message is meant for the user: it says what went wrong in words an analyst
 * understands. The command line prints the message (no stack trace) and exits with code 2; the GUI
 * shows it in a dialog.
 */
public class StatBenchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StatBenchException(String message) {
    super(message);
  }

  public StatBenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
