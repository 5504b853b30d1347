package org.statbench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.StringDataType;
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
   * Starts writing a column file chunk by chunk (see {@link Writer}). The caller deletes the file
   * when anything fails.
   */
  static Writer create(Path path, ChunkCipher cipher) {
    return new Writer(path, cipher);
  }

  /**
   * Writes one column file while an import runs: each chunk is stored as soon as it is complete and
   * committed every {@link #COMMIT_BYTES}, so the heap holds a bounded amount however many rows the
   * file has. Provisional dictionary codes go to one spill file per column next to the column file
   * ({@code <file>.<ord>.spill}, encrypted in an encrypted workspace under a key that lives only in
   * this writer's memory; deleted when the writer finishes or aborts; left-overs of a killed import
   * are removed with other unreferenced files at open). Thread-safe.
   */
  static final class Writer implements ChunkSink, AutoCloseable {
    /**
     * Unsaved bytes after which the store is committed (written out and released): a sixteenth of
     * the heap, between 8 and 256 MB. Each commit rewrites the last page of every column being
     * written (MVStore keeps values inside its B-tree pages), so fewer commits keep the file close
     * to its data size; a small heap trades some disk for bounded memory.
     */
    static final long COMMIT_BYTES =
        Math.max(8L << 20, Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 16));

    private final Path path;
    private final ChunkCipher cipher; // seals every chunk of an encrypted workspace
    private volatile ChunkCipher spillCipher; // and every spilled chunk, under a key only in memory
    private final Map<Integer, FileChannel> spills = new ConcurrentHashMap<>();
    private MVStore store;
    private MVMap<String, byte[]> data;
    private long unsaved;
    private final java.util.concurrent.atomic.AtomicLong staged =
        new java.util.concurrent.atomic.AtomicLong();
    private boolean done;

    private Writer(Path path, ChunkCipher cipher) {
      this.path = path;
      this.cipher = cipher;
      open();
    }

    private void open() {
      store = new MVStore.Builder().fileName(path.toString()).autoCommitDisabled().open();
      data = store.openMap(DATA, builder());
      spillCipher = cipher.ephemeral();
    }

    @Override
    public synchronized void put(String key, byte[] value) {
      data.put(key, cipher.seal(key, value));
      unsaved += value.length;
      staged.addAndGet(value.length);
      if (unsaved >= COMMIT_BYTES) {
        store.commit();
        unsaved = 0;
      }
    }

    /** Bytes written so far to the column file and the spill files together. */
    long bytesStaged() {
      return staged.get();
    }

    @Override
    public synchronized void columnDone() {
      if (unsaved > 0) {
        store.commit();
        unsaved = 0;
      }
    }

    private Path spillPath(int ord) {
      return path.resolveSibling(path.getFileName() + "." + ord + ".spill");
    }

    private FileChannel spillChannel(int ord) {
      return spills.computeIfAbsent(
          ord,
          o -> {
            try {
              return FileChannel.open(
                  spillPath(o),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }

    @Override
    public void spill(int ord, int chunk, int width, byte[] values) {
      FileChannel ch = spillChannel(ord);
      staged.addAndGet(values.length);
      ByteBuffer buf = ByteBuffer.wrap(spillCipher.crypt(spillKey(ord, chunk), values));
      long at = (long) chunk * CHUNK_ROWS * width;
      try {
        while (buf.hasRemaining()) {
          at += ch.write(buf, at);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public byte[] unspill(int ord, int chunk, int width, int length) {
      FileChannel ch = spillChannel(ord);
      byte[] out = new byte[length];
      ByteBuffer buf = ByteBuffer.wrap(out);
      long at = (long) chunk * CHUNK_ROWS * width;
      try {
        while (buf.hasRemaining()) {
          int n = ch.read(buf, at);
          if (n < 0) {
            throw new IOException("spill file ended early: " + spillPath(ord));
          }
          at += n;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return spillCipher.crypt(spillKey(ord, chunk), out);
    }

    private static String spillKey(int ord, int chunk) {
      return "spill/" + ord + "/" + chunk;
    }

    @Override
    public synchronized void reset() {
      discard();
      open();
    }

    /**
     * Adds the per-record keys and closes the complete file.
     *
     * @param keySeed seed of the per-record keys
     */
    synchronized void finish(int rows, long keySeed) {
      SplittableRandom random = new SplittableRandom(keySeed);
      for (int c = 0; c * (long) CHUNK_ROWS < rows; c++) {
        int len = Math.min(CHUNK_ROWS, rows - c * CHUNK_ROWS);
        ByteBuffer buf = ByteBuffer.allocate(len * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < len; i++) {
          buf.putDouble(random.nextDouble());
        }
        put("k/" + c, buf.array());
      }
      store.commit();
      store.close();
      done = true;
      closeSpills();
    }

    /** Drops what was written (the file itself is left for the caller to delete). */
    private void discard() {
      if (!done) {
        store.closeImmediately();
      }
      closeSpills();
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // removed at the next open
      }
    }

    private void closeSpills() {
      for (Map.Entry<Integer, FileChannel> e : spills.entrySet()) {
        try {
          e.getValue().close();
          Files.deleteIfExists(spillPath(e.getKey()));
        } catch (IOException ignored) {
          // removed at the next open
        }
      }
      spills.clear();
    }

    /** Aborts an unfinished file: closes and deletes it and its spill files. */
    @Override
    public synchronized void close() {
      if (!done) {
        discard();
        done = true;
      }
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
          new MVStore.Builder()
              .fileName(path.toString())
              .readOnly()
              .cacheSize(readCacheMb(Runtime.getRuntime().maxMemory()))
              .open(),
          cipher);
    } catch (RuntimeException e) {
      throw new StatBenchException(
          "Cannot read the column file " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * MB of decoded pages a reader keeps: H2's default 16, but at most a sixteenth of the heap. Each
   * chunk is read once per load (loaded columns are cached as columns, streamed ones are read once
   * per pass), so the cache saves little, while in a small heap its 4 MB pages crowd out the slice
   * being streamed.
   */
  static int readCacheMb(long maxHeap) {
    return (int) Math.max(1, Math.min(16, (maxHeap >> 20) / 16));
  }

  private byte[] chunk(String key) {
    return cipher.open(key, stored(key));
  }

  /** A chunk as stored (sealed when the file is encrypted). */
  private byte[] stored(String key) {
    byte[] b = data.get(key);
    if (b == null) {
      throw new StatBenchException("The workspace is damaged: column chunk " + key + " is missing");
    }
    return b;
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

  /** One stored chunk of a variable's values, as written (little-endian). */
  byte[] chunkOf(int ord, int chunk) {
    return chunk("c/" + ord + "/" + chunk);
  }

  /** One stored chunk of the record keys, as written (little-endian doubles). */
  byte[] recordKeyChunk(int chunk) {
    return chunk("k/" + chunk);
  }

  /** Byte codes of a variable. */
  byte[] bytes(int ord, int rows) {
    byte[] out = new byte[rows];
    eachChunk(
        rows,
        c -> {
          String key = "c/" + ord + "/" + c;
          cipher.openInto(key, stored(key), out, c * CHUNK_ROWS);
        });
    return out;
  }

  /** Int codes or epoch days of a variable. */
  int[] ints(int ord, int rows) {
    int[] out = new int[rows];
    eachChunk(
        rows,
        c -> {
          String key = "c/" + ord + "/" + c;
          cipher.openPieces(
              key,
              stored(key),
              (buf, from, length, at) ->
                  littleEndian(buf, from, length)
                      .asIntBuffer()
                      .get(out, c * CHUNK_ROWS + at / 4, length / 4));
        });
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
    eachChunk(
        rows,
        c -> {
          String key = prefix + c;
          cipher.openPieces(
              key,
              stored(key),
              (buf, from, length, at) ->
                  littleEndian(buf, from, length)
                      .asDoubleBuffer()
                      .get(out, c * CHUNK_ROWS + at / 8, length / 8));
        });
    return out;
  }

  private static ByteBuffer littleEndian(byte[] buf, int from, int length) {
    return ByteBuffer.wrap(buf, from, length).slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Runs {@code body} for each chunk of a variable of {@code rows} values. An encrypted file's
   * chunks are opened in parallel on the common pool: decrypting is most of loading them (in
   * process on 5,000,000 rows, 5 columns: 42 ms in clear against 203 ms encrypted before this), and
   * the columns a command loads differ in size too much for one thread per column to keep both
   * cores busy. A plain file's chunks are copies, cheaper than handing them to another thread.
   */
  private void eachChunk(int rows, IntConsumer body) {
    int n = chunks(rows);
    if (cipher.encrypted() && n > 1) {
      IntStream.range(0, n).parallel().forEach(body);
    } else {
      for (int c = 0; c < n; c++) {
        body.accept(c);
      }
    }
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
