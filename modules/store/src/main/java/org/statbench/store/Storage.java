package org.statbench.store;

/** How a variable's values are stored in its dataset's column file. */
enum Storage {
  /** Dictionary codes, one byte per record, 0xFF = missing. */
  BYTE_CODES,
  /** Dictionary codes, one little-endian int per record, -1 = missing. */
  INT_CODES,
  /** Little-endian doubles, NaN = missing. */
  DOUBLES,
  /** Little-endian int days since 1970-01-01, Integer.MIN_VALUE = missing. */
  EPOCH_DAYS,
  /** Not stored: computed from another variable through a code mapping. */
  DERIVED
}
