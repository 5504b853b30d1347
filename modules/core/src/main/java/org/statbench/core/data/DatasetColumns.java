package org.statbench.core.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statbench.core.InputException;

/**
 * Some or all columns of one dataset, in memory, all of the same length. Immutable.
 *
 * @param dataset dataset name
 * @param rows number of records
 * @param columns columns by variable name, in the order requested
 */
public record DatasetColumns(String dataset, int rows, Map<String, Column> columns) {
  public DatasetColumns {
    for (Column c : columns.values()) {
      if (c.size() != rows) {
        throw new IllegalArgumentException(
            "column " + c.name() + " has " + c.size() + " values, expected " + rows);
      }
    }
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** Builds from a list of columns (the row count is taken from the first; empty list = 0 rows). */
  public static DatasetColumns of(String dataset, List<? extends Column> columns) {
    Map<String, Column> map = new LinkedHashMap<>();
    for (Column c : columns) {
      map.put(c.name(), c);
    }
    int rows = columns.isEmpty() ? 0 : columns.get(0).size();
    return new DatasetColumns(dataset, rows, map);
  }

  /**
   * The column of a variable.
   *
   * @throws InputException naming the variable and dataset when it is not loaded
   */
  public Column column(String variable) {
    Column c = columns.get(variable);
    if (c == null) {
      throw new InputException("Unknown variable '" + variable + "' in dataset '" + dataset + "'");
    }
    return c;
  }
}
