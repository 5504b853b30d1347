package org.statbench.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.StringDataType;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;
import org.statbench.core.StatBenchException;

/**
 * The data of one dataset version: an H2 MVStore file with one map entry per column chunk ({@code
 * c/<variable order>/<chunk>}), per dictionary chunk ({@code d/<order>/<chunk>}) and per chunk of
 * record keys ({@code k/<chunk>}), all uncompressed little-endian {@code byte[]} values of {@link
 * #CHUNK_ROWS} records. A file is written completely and closed before the catalogue points at it,
 * and never changed afterwards; readers open it read-only. Thread-safe for reading.
 */
final class ColumnFile implements AutoCloseable {
  static final int CHUNK_BITS = 19;
  static final int CHUNK_ROWS = 1 << CHUNK_BITS;
  static final int CHUNK_MASK = CHUNK_ROWS - 1;
  static final int DICTIONARY_CHUNK = 1 << 16;
  private static final String DATA = "data";

  private final MVStore store;
  private final MVMap<String, byte[]> data;
  private final ChunkCipher cipher;

  private ColumnFile(MVStore store, ChunkCipher cipher) {
    this.store = store;
    this.data = store.openMap(DATA, builder());
    this.cipher = cipher;
  }

  private static MVMap.Builder<String, byte[]> builder() {
    return new MVMap.Builder<String, byte[]>()
        .keyType(StringDataType.INSTANCE)
        .valueType(ByteArrayDataType.INSTANCE);
  }

  /**
   * Writes a complete column file. The caller deletes it when this throws.
   *
   * @param keySeed seed of the per-record keys
   */
  static void write(
      Path path,
      int rows,
      List<EncodedColumn> columns,
      long keySeed,
      ProgressListener progress,
      CancellationToken cancel) {
    write(path, rows, columns, keySeed, ChunkCipher.NONE, progress, cancel);
  }

  /** As above, every chunk sealed by {@code cipher} (an encrypted workspace). */
  static void write(
      Path path,
      int rows,
      List<EncodedColumn> columns,
      long keySeed,
      ChunkCipher cipher,
      ProgressListener progress,
      CancellationToken cancel) {
    MVStore store = new MVStore.Builder().fileName(path.toString()).autoCommitDisabled().open();
    try {
      MVMap<String, byte[]> data = store.openMap(DATA, builder());
      long total = columns.size() + 1L;
      for (int ord = 0; ord < columns.size(); ord++) {
        cancel.throwIfCancelled();
        progress.progress(ord, total, "Writing columns");
        EncodedColumn col = columns.get(ord);
        List<byte[]> chunks = col.chunks();
        for (int i = 0; i < chunks.size(); i++) {
          String k = "c/" + ord + "/" + i;
          data.put(k, cipher.seal(k, chunks.get(i)));
        }
        List<byte[]> dict = col.dictionaryChunks();
        for (int i = 0; i < dict.size(); i++) {
          String k = "d/" + ord + "/" + i;
          data.put(k, cipher.seal(k, dict.get(i)));
        }
        store.commit(); // bounds the memory MVStore holds for unsaved pages
      }
      cancel.throwIfCancelled();
      SplittableRandom random = new SplittableRandom(keySeed);
      for (int c = 0; c * (long) CHUNK_ROWS < rows; c++) {
        int len = Math.min(CHUNK_ROWS, rows - c * CHUNK_ROWS);
        ByteBuffer buf = ByteBuffer.allocate(len * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < len; i++) {
          buf.putDouble(random.nextDouble());
        }
        data.put("k/" + c, cipher.seal("k/" + c, buf.array()));
      }
      progress.progress(total, total, "Writing columns");
      store.commit();
      store.close();
    } catch (RuntimeException e) {
      store.closeImmediately();
      throw e;
    }
  }

  /** Opens a column file read-only. */
  static ColumnFile open(Path path) {
    return open(path, ChunkCipher.NONE);
  }

  /** Opens a column file read-only whose chunks {@code cipher} opens. */
  static ColumnFile open(Path path, ChunkCipher cipher) {
    try {
      return new ColumnFile(
          new MVStore.Builder().fileName(path.toString()).readOnly().open(), cipher);
    } catch (RuntimeException e) {
      throw new StatBenchException(
          "Cannot read the column file " + path + ": " + e.getMessage(), e);
    }
  }

  private byte[] chunk(String key) {
    byte[] b = data.get(key);
    if (b == null) {
      throw new StatBenchException("The workspace is damaged: column chunk " + key + " is missing");
    }
    return cipher.open(key, b);
  }

  /**
   * Copies every entry of the column file {@code from} into a new file {@code to}, sealing each
   * value with {@code cipher} (used by {@code workspace encrypt}).
   */
  static void reseal(Path from, Path to, ChunkCipher cipher) {
    MVStore src = new MVStore.Builder().fileName(from.toString()).readOnly().open();
    MVStore dst = new MVStore.Builder().fileName(to.toString()).autoCommitDisabled().open();
    try {
      MVMap<String, byte[]> in = src.openMap(DATA, builder());
      MVMap<String, byte[]> out = dst.openMap(DATA, builder());
      int n = 0;
      for (var e : in.entrySet()) {
        out.put(e.getKey(), cipher.seal(e.getKey(), e.getValue()));
        if (++n % 16 == 0) {
          dst.commit();
        }
      }
      dst.commit();
      dst.close();
    } catch (RuntimeException e) {
      dst.closeImmediately();
      throw e;
    } finally {
      src.close();
    }
  }

  private static int chunks(int rows) {
    return (rows + CHUNK_ROWS - 1) >>> CHUNK_BITS;
  }

  /** Byte codes of a variable. */
  byte[] bytes(int ord, int rows) {
    byte[] out = new byte[rows];
    for (int c = 0; c < chunks(rows); c++) {
      byte[] b = chunk("c/" + ord + "/" + c);
      System.arraycopy(b, 0, out, c * CHUNK_ROWS, b.length);
    }
    return out;
  }

  /** Int codes or epoch days of a variable. */
  int[] ints(int ord, int rows) {
    int[] out = new int[rows];
    for (int c = 0; c < chunks(rows); c++) {
      byte[] b = chunk("c/" + ord + "/" + c);
      ByteBuffer.wrap(b)
          .order(ByteOrder.LITTLE_ENDIAN)
          .asIntBuffer()
          .get(out, c * CHUNK_ROWS, b.length / 4);
    }
    return out;
  }

  /** Doubles of a variable. */
  double[] doubles(int ord, int rows) {
    return doubles("c/" + ord + "/", rows);
  }

  /** The per-record keys. */
  double[] recordKeys(int rows) {
    return doubles("k/", rows);
  }

  private double[] doubles(String prefix, int rows) {
    double[] out = new double[rows];
    for (int c = 0; c < chunks(rows); c++) {
      byte[] b = chunk(prefix + c);
      ByteBuffer.wrap(b)
          .order(ByteOrder.LITTLE_ENDIAN)
          .asDoubleBuffer()
          .get(out, c * CHUNK_ROWS, b.length / 8);
    }
    return out;
  }

  /** The dictionary of a variable, in code order. */
  List<String> dictionary(int ord, int size) {
    List<String> out = new ArrayList<>(size);
    for (int c = 0; out.size() < size; c++) {
      ByteBuffer buf = ByteBuffer.wrap(chunk("d/" + ord + "/" + c)).order(ByteOrder.LITTLE_ENDIAN);
      int n = buf.getInt();
      int pos = 4 + 4 * n;
      byte[] a = buf.array();
      for (int i = 0; i < n; i++) {
        int len = buf.getInt(4 + 4 * i);
        out.add(new String(a, pos, len, StandardCharsets.UTF_8));
        pos += len;
      }
    }
    return out;
  }

  /** Serialises dictionary entries into chunks of {@link #DICTIONARY_CHUNK} entries. */
  static List<byte[]> dictionaryChunks(List<String> entries) {
    List<byte[]> out = new ArrayList<>();
    for (int from = 0; from < entries.size(); from += DICTIONARY_CHUNK) {
      int to = Math.min(entries.size(), from + DICTIONARY_CHUNK);
      byte[][] utf8 = new byte[to - from][];
      int bytes = 0;
      for (int i = from; i < to; i++) {
        utf8[i - from] = entries.get(i).getBytes(StandardCharsets.UTF_8);
        bytes += utf8[i - from].length;
      }
      ByteBuffer buf =
          ByteBuffer.allocate(4 + 4 * utf8.length + bytes).order(ByteOrder.LITTLE_ENDIAN);
      buf.putInt(utf8.length);
      for (byte[] e : utf8) {
        buf.putInt(e.length);
      }
      for (byte[] e : utf8) {
        buf.put(e);
      }
      out.add(buf.array());
    }
    return out;
  }

  /** Serialises a UTF-8 byte dictionary without creating Strings. */
  static List<byte[]> dictionaryChunks(ByteDictionary dict) {
    List<byte[]> out = new ArrayList<>();
    byte[] arena = dict.arena();
    for (int from = 0; from < dict.size(); from += DICTIONARY_CHUNK) {
      int to = Math.min(dict.size(), from + DICTIONARY_CHUNK);
      int n = to - from;
      int bytes = dict.start(to - 1) - dict.start(from) + (dict.end(to - 1) - dict.start(to - 1));
      ByteBuffer buf = ByteBuffer.allocate(4 + 4 * n + bytes).order(ByteOrder.LITTLE_ENDIAN);
      buf.putInt(n);
      for (int i = from; i < to; i++) {
        buf.putInt(dict.end(i) - dict.start(i));
      }
      buf.put(arena, dict.start(from), dict.end(to - 1) - dict.start(from));
      out.add(buf.array());
    }
    return out;
  }

  @Override
  public void close() {
    store.close();
  }
}
