package org.statbench.store;

/**
 * Where an import puts each chunk as soon as it is complete, so that the heap an import needs does
 * not grow with the number of rows. Complete chunks are first staged in a spill area per column
 * (dictionary codes in order of appearance, to be rewritten in the codelist's order once the whole
 * dictionary is known); when a column is finished its chunks are stored under the keys of {@link
 * ColumnFile}: {@code c/<ord>/<chunk>} for values, {@code d/<ord>/<chunk>} for dictionaries, {@code
 * k/<chunk>} for record keys. Storing column after column keeps each column's chunks together in
 * the file (MVStore writes interleaved inserts of large values at about twice their size).
 * Thread-safe: two encoder threads write different columns at once.
 */
interface ChunkSink {
  /** Stores a finished value. */
  void put(String key, byte[] value);

  /**
   * Stages a complete chunk of {@link ColumnFile#CHUNK_ROWS} values of {@code width} bytes each
   * until the column is finished.
   */
  void spill(int ord, int chunk, int width, byte[] values);

  /** Reads back the first {@code length} bytes of a staged chunk. */
  byte[] unspill(int ord, int chunk, int width, int length);

  /**
   * Says that a column's chunks are all stored (the file is committed there, as it is cheapest).
   */
  default void columnDone() {}

  /** Forgets everything stored so far (the importer reads the file again). */
  void reset();
}
