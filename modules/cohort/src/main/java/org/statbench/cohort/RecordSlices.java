package org.statbench.cohort;

import java.util.Collection;
import org.statbench.core.data.DatasetColumns;
import org.statbench.store.ColumnSlices;

/**
 * The records cohorts are tracked over, one slice after another: in memory a single slice holding
 * every record, from a workspace too large for the heap the store's column slices ({@link
 * ColumnSlices}), so that the heap holds one slice of each column at a time.
 */
interface RecordSlices {
  /** Records of all slices together. */
  int rows();

  /** Number of slices (1 in memory; 0 only for an empty stored dataset). */
  int count();

  /** The columns of slice {@code i}. */
  DatasetColumns slice(int i);

  /** Record number (0-based) of the first record of slice {@code i}. */
  long offset(int i);

  /** The same records with only the given variables (no reading of the others). */
  RecordSlices only(Collection<String> variables);

  /** Every record in one slice. */
  static RecordSlices of(DatasetColumns data) {
    return new RecordSlices() {
      @Override
      public int rows() {
        return data.rows();
      }

      @Override
      public int count() {
        return 1;
      }

      @Override
      public DatasetColumns slice(int i) {
        return data;
      }

      @Override
      public long offset(int i) {
        return 0;
      }

      @Override
      public RecordSlices only(Collection<String> variables) {
        return this;
      }
    };
  }

  /** The store's slices of a dataset's variables (read anew on each call of {@link #slice}). */
  static RecordSlices of(
      ColumnSlices slices, java.util.function.Function<Collection<String>, ColumnSlices> reopen) {
    return new RecordSlices() {
      @Override
      public int rows() {
        return slices.rows();
      }

      @Override
      public int count() {
        return slices.sliceCount();
      }

      @Override
      public DatasetColumns slice(int i) {
        return slices.slice(i);
      }

      @Override
      public long offset(int i) {
        return (long) i * ColumnSlices.SLICE_ROWS;
      }

      @Override
      public RecordSlices only(Collection<String> variables) {
        return of(reopen.apply(variables), reopen);
      }
    };
  }
}
