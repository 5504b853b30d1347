package org.statbench.geo;

/**
 * One thing wrong with a lookup.
 *
 * @param line physical line in the lookup's file (header = 1), or -1 when not tied to a line
 * @param column the column concerned, or null
 * @param message what is wrong, without the location
 */
public record LookupProblem(long line, String column, String message) {
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (line > 0) {
      sb.append("line ").append(line);
    }
    if (column != null) {
      sb.append(sb.length() > 0 ? ", " : "").append("column ").append(column);
    }
    return sb.length() == 0 ? message : sb + ": " + message;
  }
}
