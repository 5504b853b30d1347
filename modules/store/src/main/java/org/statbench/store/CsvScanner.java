package org.statbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.statbench.core.InputException;

/**
 * A byte-level CSV record reader (RFC 4180 quoting, CR, LF or CRLF line ends) that hands out fields
 * as slices of its buffer, so that values can be parsed and dictionary-encoded without a String per
 * field. It counts physical lines as a text editor does. Blank lines are skipped. Works for any
 * charset in which the delimiter, quote, CR and LF are single ASCII bytes. Not thread-safe.
 */
final class CsvScanner {
  private static final byte QUOTE = '"';
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final InputStream in;
  private final byte delimiter;
  private final MessageDigest digest;
  private final String file;
  private IntFunction<String> columnNames = i -> Integer.toString(i + 1);

  /** Bytes per buffer, which is also the most a batch of records holds (unless one is larger). */
  static final int BUFFER_SIZE = 1 << 22;

  private final int minRead;
  private byte[] buf;
  private final java.util.ArrayDeque<byte[]> free = new java.util.ArrayDeque<>();
  private boolean switchBuffer;
  private int pos;
  private int limit;
  private boolean eof;
  private long bytesRead;

  private long line = 1; // physical line at pos
  private long recordLine;

  private int fieldCount;
  private boolean[] inScratch = new boolean[16];
  private int[] offsets = new int[16];
  private int[] lengths = new int[16];
  private long[] fieldLines = new long[16];
  private byte[] scratch = new byte[1 << 10];
  private int scratchLength;

  /**
   * @param digest updated with every byte read, or null
   * @param file the file name used in error messages
   */
  CsvScanner(InputStream in, byte delimiter, MessageDigest digest, String file, int bufferSize) {
    this.buf = new byte[bufferSize];
    this.minRead = bufferSize;
    this.in = in;
    this.delimiter = delimiter;
    this.digest = digest;
    this.file = file;
  }

  /** Names columns in error messages (by 0-based field index). */
  void columnNames(IntFunction<String> names) {
    this.columnNames = names;
  }

  /** Bytes consumed from the stream so far. */
  long bytesRead() {
    return bytesRead;
  }

  /** Advances to the next non-blank record; false at the end of the input. */
  boolean next() throws IOException {
    while (true) {
      int r = parse();
      if (r < 0) {
        return false;
      }
      if (r > 0) {
        if (fieldCount == 1 && lengths[0] == 0 && !inScratch[0]) {
          continue; // blank line
        }
        return true;
      }
      fill();
    }
  }

  /** Physical line where the current record starts. */
  long line() {
    return recordLine;
  }

  int fieldCount() {
    return fieldCount;
  }

  byte[] array(int i) {
    return inScratch[i] ? scratch : buf;
  }

  int offset(int i) {
    return offsets[i];
  }

  int length(int i) {
    return lengths[i];
  }

  /** Physical line where field {@code i} of the current record starts. */
  long fieldLine(int i) {
    return fieldLines[i];
  }

  private void fill() throws IOException {
    if (switchBuffer) {
      // the buffer belongs to a batch now: continue in another one
      byte[] next = free.isEmpty() ? null : free.pop();
      int need = Math.max(buf.length, (limit - pos) * 2);
      if (next == null || next.length < need) {
        next = new byte[need];
      }
      System.arraycopy(buf, pos, next, 0, limit - pos);
      buf = next;
      limit -= pos;
      pos = 0;
      switchBuffer = false;
    } else if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int read = 0;
    while (limit < buf.length) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        break;
      }
      if (digest != null) {
        digest.update(buf, limit, n);
      }
      limit += n;
      bytesRead += n;
      read += n;
      if (read >= minRead) {
        break;
      }
    }
  }

  /**
   * Scans the records that the current buffer holds completely into {@code batch} (at least one
   * record unless the input has ended). A record whose number of fields is not {@code
   * batch.columns}, or a malformed one, ends the batch with {@link CsvBatch#pendingError} set.
   * Returns false when there are no more records.
   */
  boolean nextBatch(CsvBatch batch) throws IOException {
    int n = batch.columns;
    while (true) {
      batch.reset(buf);
      while (true) {
        int r;
        try {
          r = parse();
        } catch (InputException e) {
          batch.pendingError = e;
          batch.last = true;
          return true;
        }
        if (r < 0) {
          batch.last = true;
          return batch.records > 0;
        }
        if (r == 0) {
          break;
        }
        if (fieldCount == 1 && lengths[0] == 0 && !inScratch[0]) {
          continue; // blank line
        }
        if (fieldCount != n) {
          batch.pendingError = fieldCountError(n);
          batch.last = true;
          return true;
        }
        int base = batch.addRecord(recordLine);
        for (int i = 0; i < n; i++) {
          int len = lengths[i];
          batch.offsets[base + i] =
              inScratch[i] ? ~batch.putScratch(scratch, offsets[i], len) : offsets[i];
          batch.lengths[base + i] = len;
        }
      }
      if (batch.records > 0) {
        switchBuffer = true;
        return true;
      }
      fill(); // the first record is not complete yet: read more into the same buffer
    }
  }

  /** Returns a batch's buffer for reuse once it has been encoded. */
  void recycle(CsvBatch batch) {
    if (batch.buffer != buf && batch.buffer != null) {
      free.push(batch.buffer);
    }
    batch.buffer = null;
  }

  private InputException fieldCountError(int n) {
    return new InputException(
        file,
        recordLine,
        fieldCount < n ? columnNames.apply(fieldCount) : Integer.toString(n + 1),
        "expected " + n + " fields but found " + fieldCount);
  }

  /** 1 = a record, 0 = needs more input, -1 = end of input. */
  private int parse() {
    int p = pos;
    long lines = 0;
    fieldCount = 0;
    scratchLength = 0;
    recordLine = line;
    if (p >= limit) {
      return eof ? -1 : 0;
    }
    final byte[] b = buf;
    final byte delim = delimiter;
    while (true) {
      if (p >= limit) {
        if (!eof) {
          return 0;
        }
        addField(false, p, 0, line + lines); // empty last field after a trailing delimiter
        return finish(p, lines);
      }
      byte c = b[p];
      if (c == QUOTE) {
        long openLine = line + lines;
        int start = scratchLength;
        int q = p + 1;
        while (true) {
          if (q >= limit) {
            if (!eof) {
              return 0;
            }
            throw new InputException(
                file,
                openLine,
                columnNames.apply(fieldCount),
                "unterminated quote: the quoted field opened here is never closed");
          }
          byte d = b[q];
          if (d == QUOTE) {
            if (q + 1 >= limit && !eof) {
              return 0;
            }
            if (q + 1 < limit && b[q + 1] == QUOTE) {
              putScratch(QUOTE);
              q += 2;
              continue;
            }
            q++;
            break;
          }
          if (d == LF) {
            lines++;
          } else if (d == CR) {
            if (q + 1 >= limit && !eof) {
              return 0;
            }
            if (q + 1 >= limit || b[q + 1] != LF) {
              lines++;
            }
          }
          putScratch(d);
          q++;
        }
        addField(true, start, scratchLength - start, openLine);
        p = q;
        if (p >= limit) {
          return finish(p, lines); // eof: checked above
        }
        c = b[p];
        if (c == delim) {
          p++;
          continue;
        }
        if (c != LF && c != CR) {
          throw new InputException(
              file,
              line + lines,
              columnNames.apply(fieldCount - 1),
              "unexpected text after a closing quote (a quote inside a quoted field must be"
                  + " doubled)");
        }
      } else {
        int q = p;
        while (q < limit) {
          byte d = b[q];
          if (d == delim || d == LF || d == CR) {
            break;
          }
          q++;
        }
        if (q >= limit && !eof) {
          return 0;
        }
        addField(false, p, q - p, line + lines);
        p = q;
        if (p >= limit) {
          return finish(p, lines);
        }
        c = b[p];
        if (c == delim) {
          p++;
          continue;
        }
      }
      // c is CR or LF: end of record
      if (c == CR) {
        if (p + 1 >= limit && !eof) {
          return 0;
        }
        p += (p + 1 < limit && b[p + 1] == LF) ? 2 : 1;
      } else {
        p++;
      }
      return finish(p, lines + 1);
    }
  }

  private int finish(int p, long lines) {
    pos = p;
    line += lines;
    return 1;
  }

  private void addField(boolean scratchField, int off, int len, long fieldLine) {
    int i = fieldCount++;
    if (i == offsets.length) {
      int n = i * 2;
      inScratch = Arrays.copyOf(inScratch, n);
      offsets = Arrays.copyOf(offsets, n);
      lengths = Arrays.copyOf(lengths, n);
      fieldLines = Arrays.copyOf(fieldLines, n);
    }
    inScratch[i] = scratchField;
    offsets[i] = off;
    lengths[i] = len;
    fieldLines[i] = fieldLine;
  }

  private void putScratch(byte v) {
    if (scratchLength == scratch.length) {
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[scratchLength++] = v;
  }
}
