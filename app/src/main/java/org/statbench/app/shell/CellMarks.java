package org.statbench.app.shell;

import java.util.Map;
import java.util.Objects;

/**
 * Highlights for cells of one table, published by the Disclosure panel and shown by the result
 * grid: per cell index a style class ({@code cell-failing}, {@code cell-withheld}, {@code
 * cell-adjusted}). They apply only to the table whose hash they carry, so marks computed for an
 * older table are never drawn on a newer one.
 *
 * @param tableHash {@code Table.hash()} of the table the marks belong to
 * @param styles cell index to style class; cells not present are unmarked
 */
public record CellMarks(String tableHash, Map<Integer, String> styles) {
  /** No marks. */
  public static final CellMarks NONE = new CellMarks("", Map.of());

  public CellMarks {
    Objects.requireNonNull(tableHash, "tableHash");
    styles = Map.copyOf(styles);
  }

  /** The style class of a cell of the table with {@code hash}, or null. */
  public String styleOf(String hash, int index) {
    return tableHash.equals(hash) ? styles.get(index) : null;
  }
}
