package org.statbench.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Writes a TEXT column's dictionary out as it grows, in the {@link ColumnFile} dictionary chunk
 * format (a count, the lengths, the UTF-8 bytes), holding at most one chunk in memory: up to {@link
 * ColumnFile#DICTIONARY_CHUNK} entries and about {@link #CHUNK_BYTES} bytes, so that long values do
 * not make large pages for the store to write (readers take any number of entries a chunk). Entries
 * are not looked up, so equal values may get different codes. Not thread-safe.
 */
final class DictionaryStream {
  static final int CHUNK_BYTES = 1 << 20;
  private final ChunkSink sink;
  private final int ord;
  private byte[] bytes = new byte[1 << 16];
  private int length;
  private final int[] lengths = new int[ColumnFile.DICTIONARY_CHUNK];
  private int inChunk;
  private int chunk;
  private int size;

  DictionaryStream(ChunkSink sink, int ord) {
    this.sink = sink;
    this.ord = ord;
  }

  /** Appends an entry (UTF-8) and returns its code. */
  int add(byte[] utf8) {
    if (length + utf8.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + utf8.length));
    }
    System.arraycopy(utf8, 0, bytes, length, utf8.length);
    length += utf8.length;
    lengths[inChunk++] = utf8.length;
    if (inChunk == ColumnFile.DICTIONARY_CHUNK || length >= CHUNK_BYTES) {
      flush();
    }
    return size++;
  }

  private void flush() {
    ByteBuffer buf = ByteBuffer.allocate(4 + 4 * inChunk + length).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(inChunk);
    for (int i = 0; i < inChunk; i++) {
      buf.putInt(lengths[i]);
    }
    buf.put(bytes, 0, length);
    sink.put("d/" + ord + "/" + chunk++, buf.array());
    inChunk = 0;
    length = 0;
    if (bytes.length > 2 * CHUNK_BYTES) {
      bytes = new byte[1 << 16]; // one long entry made it big: do not keep it
    }
  }

  /** Writes the last chunk; returns the number of entries. */
  int finish() {
    if (inChunk > 0) {
      flush();
    }
    return size;
  }
}
