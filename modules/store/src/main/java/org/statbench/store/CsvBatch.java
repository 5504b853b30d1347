package org.statbench.store;

import java.util.Arrays;
import org.statbench.core.InputException;

/**
 * The records that one buffer of a CSV file holds completely, as field slices of that buffer (or of
 * the batch's scratch array for quoted fields), so that columns can be encoded on several threads
 * while the next buffer is being scanned. Filled by {@link CsvScanner#nextBatch}; read-only while
 * it is being encoded.
 */
final class CsvBatch {
  final int columns;
  byte[] buffer;
  byte[] scratch = new byte[1 << 10];
  int scratchLength;
  int records;

  /** Per field: offset in the buffer, or {@code ~offset} in the scratch array. */
  int[] offsets = new int[1 << 12];

  int[] lengths = new int[1 << 12];
  long[] recordLines = new long[1 << 8];

  /** A problem found while scanning the record after the last one, or null. */
  InputException pendingError;

  /** True when the input ended with this batch. */
  boolean last;

  CsvBatch(int columns) {
    this.columns = columns;
  }

  void reset(byte[] buffer) {
    this.buffer = buffer;
    scratchLength = 0;
    records = 0;
    pendingError = null;
    last = false;
  }

  /** Room for one more record; returns its first field index. */
  int addRecord(long line) {
    int r = records++;
    if (r == recordLines.length) {
      recordLines = Arrays.copyOf(recordLines, r * 2);
    }
    recordLines[r] = line;
    int need = records * columns;
    if (need > offsets.length) {
      int n = Math.max(need, offsets.length * 2);
      offsets = Arrays.copyOf(offsets, n);
      lengths = Arrays.copyOf(lengths, n);
    }
    return r * columns;
  }

  /** Copies bytes into the scratch array and returns their scratch offset. */
  int putScratch(byte[] src, int off, int len) {
    if (scratchLength + len > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + len));
    }
    System.arraycopy(src, off, scratch, scratchLength, len);
    int at = scratchLength;
    scratchLength += len;
    return at;
  }

  /**
   * The physical line where field {@code column} of record {@code record} starts: the record's line
   * plus the line breaks inside the quoted fields before it.
   */
  long fieldLine(int record, int column) {
    long line = recordLines[record];
    int base = record * columns;
    for (int i = 0; i < column; i++) {
      int off = offsets[base + i];
      if (off < 0) {
        int s = ~off;
        int e = s + lengths[base + i];
        for (int p = s; p < e; p++) {
          byte c = scratch[p];
          if (c == '\n' || (c == '\r' && (p + 1 >= e || scratch[p + 1] != '\n'))) {
            line++;
          }
        }
      }
    }
    return line;
  }
}
