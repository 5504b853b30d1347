package org.statbench.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.statbench.core.InputException;
import org.statbench.core.data.Code;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.VariableType;

/**
 * Collects one column's values during an import, deciding its type on the fly: the first value that
 * is present picks number, date or dictionary; a later value that does not fit marks the column
 * {@link #failed()} so the importer reads the file again with the column as a dictionary. A type
 * forced by the schema never falls back: a value that breaks it is an input error. Values go
 * straight into chunked little-endian byte arrays, the column-file layout. Not thread-safe.
 */
// Size (over 500 lines): one column's import state machine (dictionary, spill to text, numbers,
// dates, missing values, the dictionary budget) kept whole, because its mode switches must be read
// together to see that no value is lost when a column changes storage mid-import.
final class ColumnAccumulator {
  private static final VarHandle DOUBLES =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** Distinct values above which (and above half the rows) a dictionary column is TEXT. */
  static final int TEXT_MIN_DISTINCT = 1000;

  private enum Mode {
    UNDECIDED,
    NUMBER,
    DATE,
    DICTIONARY,
    FAILED
  }

  private final String file;
  private final int index;
  private final String name;
  private final VariableType forced;
  private final Charset charset;
  private final CharsetDecoder decoder;
  private final boolean utf8;
  private final ChunkSink sink;
  private final long dictionaryBudget;

  private Mode mode = Mode.UNDECIDED;
  private int width;
  private byte[][] chunks = new byte[8][];
  private int emitted; // chunks before this one are in the sink
  private int rows;
  private long missing;
  private boolean wholeNumbers = true;
  private ByteDictionary dictionary;
  private DictionaryStream
      text; // once the dictionary outgrew its budget: streamed, not deduplicated
  private CsvBatch batch;

  /**
   * @param index the column's position in the file, 0-based
   * @param forced type from the schema, or null to infer
   * @param forceDictionary true when an earlier pass found the column is not all numbers or dates
   * @param sink receives each chunk when it is complete
   * @param dictionaryBudget heap bytes the column's dictionary may hold before it is stored as TEXT
   *     without looking values up (see {@link #overBudget})
   */
  ColumnAccumulator(
      String file,
      int index,
      String name,
      VariableType forced,
      boolean forceDictionary,
      Charset charset,
      ChunkSink sink,
      long dictionaryBudget) {
    this.sink = sink;
    this.dictionaryBudget = dictionaryBudget;
    this.file = file;
    this.index = index;
    this.name = name;
    this.forced = forced;
    this.charset = charset;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.utf8 = charset.equals(StandardCharsets.UTF_8);
    if (forced != null) {
      switch (forced) {
        case INTEGER, DECIMAL -> decide(Mode.NUMBER, 0);
        case DATE -> decide(Mode.DATE, 0);
        default -> decide(Mode.DICTIONARY, 0);
      }
    } else if (forceDictionary) {
      decide(Mode.DICTIONARY, 0);
    }
  }

  /** True when a value did not fit the type chosen from the first values. */
  boolean failed() {
    return mode == Mode.FAILED;
  }

  String name() {
    return name;
  }

  /**
   * Called once early in the file with an estimate of the total rows: a dictionary column whose
   * values have been mostly distinct so far (an identifier) reserves room for all of them.
   */
  void expectRows(long total) {
    if (mode == Mode.DICTIONARY && text == null && dictionary.size() > rows / 2 && rows >= 1000) {
      long expected = Math.min(total + total / 8, Integer.MAX_VALUE - 16);
      if (mayStream() && dictionary.memoryFor(expected) > dictionaryBudget) {
        startStreaming(); // an identifier too big to look up in the heap
      } else {
        dictionary.reserve((int) expected);
      }
    }
  }

  /** True when the column may become TEXT past the budget (the schema does not say otherwise). */
  private boolean mayStream() {
    return forced == null || forced == VariableType.TEXT;
  }

  /**
   * A dictionary past its budget: from now on every value is a new entry written out in chunks, so
   * the heap no longer grows with the column. Codes given so far stay valid (TEXT dictionaries keep
   * the order of appearance).
   */
  private void startStreaming() {
    text = new DictionaryStream(sink, index);
    for (int c = 0; c < dictionary.size(); c++) {
      int s = dictionary.start(c);
      text.add(entryBytes(dictionary.arena(), s, dictionary.end(c) - s));
    }
    dictionary = null;
  }

  private byte[] entryBytes(byte[] b, int off, int len) {
    return utf8
        ? Arrays.copyOfRange(b, off, off + len)
        : new String(b, off, len, charset).getBytes(StandardCharsets.UTF_8);
  }

  /** Adds this column's values of every record in the batch. */
  void addAll(CsvBatch b) {
    batch = b;
    int n = b.columns;
    byte[] buffer = b.buffer;
    byte[] scratch = b.scratch;
    int[] offsets = b.offsets;
    int[] lengths = b.lengths;
    for (int r = 0, f = index; r < b.records; r++, f += n) {
      int off = offsets[f];
      if (off >= 0) {
        add(buffer, off, lengths[f], r);
      } else {
        add(scratch, ~off, lengths[f], r);
      }
    }
    emitCompleted(rows);
    if (text == null && dictionary != null && mayStream() && overBudget()) {
      startStreaming();
    }
  }

  /**
   * True when the dictionary holds more than its budget and looks like text (many distinct values):
   * a categorical column of that size could not be tabulated anyway.
   */
  private boolean overBudget() {
    return dictionary.size() > TEXT_MIN_DISTINCT && dictionary.memoryBytes() > dictionaryBudget;
  }

  /**
   * Hands every chunk wholly below {@code upToRow} to the sink. While the column is undecided (all
   * missing so far) nothing is handed over and nothing counts as emitted: {@link #decide} writes
   * those leading chunks once the type is known and spills them then. (Counting them as emitted
   * left them out of the spill file, so they read back as zeros, e.g. 1970-01-01, or past its end.)
   */
  private void emitCompleted(int upToRow) {
    if (mode == Mode.UNDECIDED) {
      return;
    }
    int full = upToRow >>> ColumnFile.CHUNK_BITS;
    while (emitted < full) {
      int c = emitted++;
      byte[] chunk = chunks[c];
      chunks[c] = null;
      if (chunk != null && mode != Mode.FAILED) {
        sink.spill(index, c, width, chunk);
      }
    }
  }

  /** Adds the next record's value; {@code record} is its index in the current batch. */
  private void add(byte[] b, int off, int len, int record) {
    int row = rows++;
    if (Values.isMissing(b, off, len)) {
      missing++;
      putMissing(row);
      return;
    }
    switch (mode) {
      case NUMBER -> addNumber(row, b, off, len, record);
      case DATE -> addDate(row, b, off, len, record);
      case DICTIONARY -> addCode(row, b, off, len, record);
      case UNDECIDED -> addFirst(row, b, off, len, record);
      case FAILED -> {}
    }
  }

  private void addFirst(int row, byte[] b, int off, int len, int record) {
    if (!Double.isNaN(Values.parseNumber(b, off, len))) {
      decide(Mode.NUMBER, row);
      addNumber(row, b, off, len, record);
    } else if (Values.parseDate(b, off, len) != Values.NOT_A_DATE) {
      decide(Mode.DATE, row);
      addDate(row, b, off, len, record);
    } else {
      decide(Mode.DICTIONARY, row);
      addCode(row, b, off, len, record);
    }
  }

  /** Switches to a storage mode, filling the {@code leading} records seen so far (all missing). */
  private void decide(Mode m, int leading) {
    mode = m;
    width = m == Mode.NUMBER ? 8 : 4;
    if (m == Mode.DICTIONARY) {
      dictionary = new ByteDictionary();
    }
    for (int r = 0; r < leading; r++) {
      putMissing(r);
      if ((r & ColumnFile.CHUNK_MASK) == ColumnFile.CHUNK_MASK) {
        emitCompleted(r + 1);
      }
    }
  }

  private void addNumber(int row, byte[] b, int off, int len, int record) {
    double v = Values.parseNumber(b, off, len);
    if (Double.isNaN(v)) {
      if (forced != null) {
        throw breaks(b, off, len, record, "is not a number");
      }
      fail();
      return;
    }
    if (wholeNumbers && (v != Math.rint(v) || Math.abs(v) > 9.007199254740992E15)) {
      wholeNumbers = false;
      if (forced == VariableType.INTEGER) {
        throw breaks(b, off, len, record, "is not a whole number");
      }
    }
    DOUBLES.set(chunk(row), (row & ColumnFile.CHUNK_MASK) << 3, v);
  }

  private void addDate(int row, byte[] b, int off, int len, int record) {
    int d = Values.parseDate(b, off, len);
    if (d == Values.NOT_A_DATE) {
      if (forced != null) {
        throw breaks(b, off, len, record, "is not a date (yyyy-MM-dd or dd/MM/yyyy)");
      }
      fail();
      return;
    }
    INTS.set(chunk(row), (row & ColumnFile.CHUNK_MASK) << 2, d);
  }

  private void addCode(int row, byte[] b, int off, int len, int record) {
    if (text != null) {
      validate(b, off, len, record);
      INTS.set(chunk(row), (row & ColumnFile.CHUNK_MASK) << 2, text.add(entryBytes(b, off, len)));
      return;
    }
    int code = dictionary.intern(b, off, len);
    if (code < 0) {
      code = -code - 1;
      validate(b, off, len, record);
    }
    INTS.set(chunk(row), (row & ColumnFile.CHUNK_MASK) << 2, code);
  }

  /** Checks a new dictionary entry decodes in the file's charset (ASCII always does). */
  private void validate(byte[] b, int off, int len, int record) {
    for (int i = off; i < off + len; i++) {
      if (b[i] < 0) {
        ByteBuffer in = ByteBuffer.wrap(b, off, len);
        CharBuffer out = CharBuffer.allocate(len + 1);
        CoderResult r = decoder.reset().decode(in, out, true);
        if (!r.isError()) {
          r = decoder.flush(out);
        }
        if (r.isError()) {
          int bad = in.position() < off + len ? b[in.position()] & 0xFF : b[off + len - 1] & 0xFF;
          throw new InputException(
              file,
              batch.fieldLine(record, index),
              name,
              String.format(
                  "invalid byte 0x%02X for the encoding %s (give the file's encoding, e.g."
                      + " windows-1252)",
                  bad, charset.name()));
        }
        return;
      }
    }
  }

  /** The column is not what its first values suggested: keep nothing; the file is read again. */
  private void fail() {
    mode = Mode.FAILED;
    Arrays.fill(chunks, null);
  }

  private InputException breaks(byte[] b, int off, int len, int record, String problem) {
    String text = new String(b, off, Math.min(len, 200), charset);
    String type = forced.key();
    return new InputException(
        file,
        batch.fieldLine(record, index),
        name,
        "'" + text + "' " + problem + " (the schema says " + type + ")");
  }

  private void putMissing(int row) {
    switch (mode) {
      case NUMBER -> DOUBLES.set(chunk(row), (row & ColumnFile.CHUNK_MASK) << 3, Double.NaN);
      case DATE -> INTS.set(chunk(row), (row & ColumnFile.CHUNK_MASK) << 2, DateColumn.MISSING);
      case DICTIONARY -> INTS.set(chunk(row), (row & ColumnFile.CHUNK_MASK) << 2, -1);
      default -> {}
    }
  }

  private byte[] chunk(int row) {
    int c = row >>> ColumnFile.CHUNK_BITS;
    if (c >= chunks.length) {
      chunks = Arrays.copyOf(chunks, chunks.length * 2);
    }
    byte[] chunk = chunks[c];
    int need = ((row & ColumnFile.CHUNK_MASK) + 1) * width;
    if (chunk == null || chunk.length < need) {
      chunk = grow(c, need);
    }
    return chunk;
  }

  /**
   * A chunk array with room for {@code need} bytes: the first chunk starts small and doubles up to
   * {@link ColumnFile#CHUNK_ROWS} values, so a small or wide extract does not hold a full chunk per
   * column.
   */
  private byte[] grow(int c, int need) {
    byte[] old = chunks[c];
    int full = ColumnFile.CHUNK_ROWS * width;
    // only the first chunk grows: a column that reaches a second one is big
    int size = old != null ? old.length : c == 0 ? Math.min(full, FIRST_CHUNK_BYTES) : full;
    while (size < need) {
      size = Math.min(size * 2, full);
    }
    byte[] chunk = old == null ? new byte[size] : Arrays.copyOf(old, size);
    chunks[c] = chunk;
    return chunk;
  }

  private static final int FIRST_CHUNK_BYTES = 1 << 14;

  /**
   * Finishes the column: decides its final type and stores what is still in memory — the last
   * chunk, the dictionary, and for dictionary columns the codes rewritten in codelist order.
   * Releases the accumulated arrays.
   *
   * @param label from the schema, or null
   * @param valueLabels code -> label from the schema (codes absent from the data are added with
   *     count 0)
   */
  EncodedColumn finish(String label, Map<String, String> valueLabels) {
    if (mode == Mode.UNDECIDED) {
      decide(Mode.DICTIONARY, rows); // no values at all: an empty categorical
    }
    int nChunks = (rows + ColumnFile.CHUNK_ROWS - 1) >>> ColumnFile.CHUNK_BITS;
    switch (mode) {
      case NUMBER -> {
        putTail(nChunks, 8);
        VariableType t =
            forced != null ? forced : wholeNumbers ? VariableType.INTEGER : VariableType.DECIMAL;
        return new EncodedColumn(name, label, t, Storage.DOUBLES, missing, 0, List.of());
      }
      case DATE -> {
        putTail(nChunks, 4);
        return new EncodedColumn(
            name, label, VariableType.DATE, Storage.EPOCH_DAYS, missing, 0, List.of());
      }
      case DICTIONARY -> {
        return text != null
            ? finishText(label, nChunks)
            : finishDictionary(label, valueLabels, nChunks);
      }
      default -> throw new IllegalStateException("column failed type inference: " + name);
    }
  }

  /** A streamed TEXT column: its dictionary is out already; codes need no reordering. */
  private EncodedColumn finishText(String label, int nChunks) {
    int n = text.finish();
    text = null;
    rewriteCodes(nChunks, null, false);
    return new EncodedColumn(
        name, label, VariableType.TEXT, Storage.INT_CODES, missing, n, List.of());
  }

  private EncodedColumn finishDictionary(
      String label, Map<String, String> valueLabels, int nChunks) {
    VariableType type = forced;
    if (type == null) {
      int distinct = dictionary.size();
      type =
          distinct > TEXT_MIN_DISTINCT && distinct > rows / 2
              ? VariableType.TEXT
              : VariableType.CATEGORICAL;
    }
    if (type == VariableType.CATEGORICAL) {
      for (String code : valueLabels.keySet()) {
        dictionary.addAbsent(code.getBytes(charset));
      }
    }
    int n = dictionary.size();
    List<String> entries = null;
    int[] remap = null;
    if (type == VariableType.CATEGORICAL || !utf8) {
      entries = new ArrayList<>(n);
      for (int c = 0; c < n; c++) {
        entries.add(entry(c));
      }
    }
    List<Code> codes = List.of();
    if (type == VariableType.CATEGORICAL) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      final List<String> e = entries;
      Arrays.sort(order, Comparator.comparing(e::get, Values.CODE_ORDER));
      remap = new int[n];
      List<String> sorted = new ArrayList<>(n);
      List<Code> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int old = order[i];
        remap[old] = i;
        String code = e.get(old);
        sorted.add(code);
        list.add(new Code(code, valueLabels.get(code), dictionary.count(old)));
      }
      entries = sorted;
      codes = List.copyOf(list);
    }
    List<byte[]> dictChunks =
        entries != null
            ? ColumnFile.dictionaryChunks(entries)
            : ColumnFile.dictionaryChunks(dictionary);
    dictionary = null;
    for (int i = 0; i < dictChunks.size(); i++) {
      sink.put("d/" + index + "/" + i, dictChunks.get(i));
    }
    boolean bytes = n <= org.statbench.core.data.CategoricalColumn.MAX_BYTE_CODES;
    rewriteCodes(nChunks, remap, bytes);
    Storage storage = bytes ? Storage.BYTE_CODES : Storage.INT_CODES;
    return new EncodedColumn(name, label, type, storage, missing, n, codes);
  }

  /**
   * Stores the final codes chunk by chunk: spilled chunks are read back, the last one is still in
   * memory; codes are mapped through {@code remap} (when not null) and narrowed to bytes when
   * asked.
   */
  private void rewriteCodes(int nChunks, int[] remap, boolean bytes) {
    for (int c = 0; c < nChunks; c++) {
      int len = Math.min(ColumnFile.CHUNK_ROWS, rows - c * ColumnFile.CHUNK_ROWS);
      byte[] src = c < emitted ? sink.unspill(index, c, 4, len * 4) : chunks[c];
      chunks[c] = null;
      byte[] dst;
      if (bytes) {
        dst = new byte[len];
        for (int i = 0; i < len; i++) {
          int code = (int) INTS.get(src, i << 2);
          dst[i] = (byte) (code < 0 ? -1 : remap == null ? code : remap[code]);
        }
      } else {
        if (remap != null) {
          for (int i = 0; i < len; i++) {
            int code = (int) INTS.get(src, i << 2);
            if (code >= 0) {
              INTS.set(src, i << 2, remap[code]);
            }
          }
        }
        dst = src.length == len * 4 ? src : Arrays.copyOf(src, len * 4);
      }
      sink.put("c/" + index + "/" + c, dst);
    }
  }

  private String entry(int code) {
    return new String(
        dictionary.arena(),
        dictionary.start(code),
        dictionary.end(code) - dictionary.start(code),
        charset);
  }

  /** Stores the staged chunks and the last, partly filled one, trimmed to their rows. */
  private void putTail(int nChunks, int w) {
    for (int c = 0; c < nChunks; c++) {
      int len = Math.min(ColumnFile.CHUNK_ROWS, rows - c * ColumnFile.CHUNK_ROWS);
      byte[] chunk = c < emitted ? sink.unspill(index, c, w, len * w) : chunks[c];
      chunks[c] = null;
      sink.put(
          "c/" + index + "/" + c, chunk.length == len * w ? chunk : Arrays.copyOf(chunk, len * w));
    }
  }
}
