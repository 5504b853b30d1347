package org.statbench.core;

/**
 * Bad input: a malformed file, an unknown variable, an invalid option value. The message names the
 * file, line (as a text editor counts them, header = line 1), column and/or variable where known.
 */
public class InputException extends StatBenchException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String column;

  /** An error not tied to a place in a file (e.g. an unknown variable name). */
  public InputException(String message) {
    this(null, -1, null, message);
  }

  /**
   * @param file file name or path as the user gave it, or null
   * @param line physical line, 1-based (header = 1), or -1 when unknown
   * @param column column name (or 1-based number as text), or null
   * @param problem what was wrong, without the location
   */
  public InputException(String file, long line, String column, String problem) {
    super(format(file, line, column, problem));
    this.file = file;
    this.line = line;
    this.column = column;
  }

  private static String format(String file, long line, String column, String problem) {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
    }
    if (line > 0) {
      sb.append(sb.length() > 0 ? ", " : "").append("line ").append(line);
    }
    if (column != null) {
      sb.append(sb.length() > 0 ? ", " : "").append("column ").append(column);
    }
    return sb.length() == 0 ? problem : sb + ": " + problem;
  }

  /** File name, or null. */
  public String file() {
    return file;
  }

  /** 1-based physical line, or -1. */
  public long line() {
    return line;
  }

  /** Column name or number, or null. */
  public String column() {
    return column;
  }
}
