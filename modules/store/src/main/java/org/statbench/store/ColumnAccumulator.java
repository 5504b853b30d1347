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

  private Mode mode = Mode.UNDECIDED;
  private int width;
  private byte[][] chunks = new byte[8][];
  private int rows;
  private long missing;
  private boolean wholeNumbers = true;
  private ByteDictionary dictionary;
  private CsvBatch batch;

  /**
   * @param index the column's position in the file, 0-based
   * @param forced type from the schema, or null to infer
   * @param forceDictionary true when an earlier pass found the column is not all numbers or dates
   */
  ColumnAccumulator(
      String file,
      int index,
      String name,
      VariableType forced,
      boolean forceDictionary,
      Charset charset) {
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
    if (mode == Mode.DICTIONARY && dictionary.size() > rows / 2 && rows >= 1000) {
      dictionary.reserve((int) Math.min(total + total / 8, Integer.MAX_VALUE - 16));
    }
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
    }
  }

  private void addNumber(int row, byte[] b, int off, int len, int record) {
    double v = Values.parseNumber(b, off, len);
    if (Double.isNaN(v)) {
      if (forced != null) {
        throw breaks(b, off, len, record, "is not a number");
      }
      mode = Mode.FAILED;
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
      mode = Mode.FAILED;
      return;
    }
    INTS.set(chunk(row), (row & ColumnFile.CHUNK_MASK) << 2, d);
  }

  private void addCode(int row, byte[] b, int off, int len, int record) {
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
    if (chunk == null) {
      chunk = new byte[ColumnFile.CHUNK_ROWS * width];
      chunks[c] = chunk;
    }
    return chunk;
  }

  /**
   * Finishes the column: decides its final type and produces the stored form. Releases the
   * accumulated arrays.
   *
   * @param label from the schema, or null
   * @param valueLabels code -> label from the schema (codes absent from the data are added with
   *     count 0)
   */
  EncodedColumn finish(String label, Map<String, String> valueLabels) {
    if (mode == Mode.UNDECIDED) {
      decide(Mode.DICTIONARY, rows); // no values at all: an empty categorical
    }
    List<byte[]> out = new ArrayList<>();
    int nChunks = (rows + ColumnFile.CHUNK_ROWS - 1) >>> ColumnFile.CHUNK_BITS;
    switch (mode) {
      case NUMBER -> {
        trimChunks(out, nChunks, 8);
        VariableType t =
            forced != null ? forced : wholeNumbers ? VariableType.INTEGER : VariableType.DECIMAL;
        return new EncodedColumn(
            name, label, t, Storage.DOUBLES, missing, out, 0, List.of(), List.of());
      }
      case DATE -> {
        trimChunks(out, nChunks, 4);
        return new EncodedColumn(
            name,
            label,
            VariableType.DATE,
            Storage.EPOCH_DAYS,
            missing,
            out,
            0,
            List.of(),
            List.of());
      }
      case DICTIONARY -> {
        return finishDictionary(label, valueLabels, nChunks);
      }
      default -> throw new IllegalStateException("column failed type inference: " + name);
    }
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
    List<byte[]> dictChunks;
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
    if (entries != null) {
      dictChunks = ColumnFile.dictionaryChunks(entries);
    } else {
      dictChunks = ColumnFile.dictionaryChunks(dictionary);
    }
    List<byte[]> out = new ArrayList<>(nChunks);
    Storage storage;
    if (n <= org.statbench.core.data.CategoricalColumn.MAX_BYTE_CODES) {
      storage = Storage.BYTE_CODES;
      for (int c = 0; c < nChunks; c++) {
        int len = Math.min(ColumnFile.CHUNK_ROWS, rows - c * ColumnFile.CHUNK_ROWS);
        byte[] src = chunks[c];
        byte[] dst = new byte[len];
        for (int i = 0; i < len; i++) {
          int code = (int) INTS.get(src, i << 2);
          dst[i] = (byte) (code < 0 ? -1 : remap == null ? code : remap[code]);
        }
        chunks[c] = null;
        out.add(dst);
      }
    } else {
      storage = Storage.INT_CODES;
      if (remap != null) {
        for (int c = 0; c < nChunks; c++) {
          int len = Math.min(ColumnFile.CHUNK_ROWS, rows - c * ColumnFile.CHUNK_ROWS);
          byte[] src = chunks[c];
          for (int i = 0; i < len; i++) {
            int code = (int) INTS.get(src, i << 2);
            if (code >= 0) {
              INTS.set(src, i << 2, remap[code]);
            }
          }
        }
      }
      trimChunks(out, nChunks, 4);
    }
    dictionary = null;
    return new EncodedColumn(name, label, type, storage, missing, out, n, dictChunks, codes);
  }

  private String entry(int code) {
    return new String(
        dictionary.arena(),
        dictionary.start(code),
        dictionary.end(code) - dictionary.start(code),
        charset);
  }

  private void trimChunks(List<byte[]> out, int nChunks, int w) {
    for (int c = 0; c < nChunks; c++) {
      int len = Math.min(ColumnFile.CHUNK_ROWS, rows - c * ColumnFile.CHUNK_ROWS);
      byte[] chunk = chunks[c];
      out.add(chunk.length == len * w ? chunk : Arrays.copyOf(chunk, len * w));
      chunks[c] = null;
    }
  }
}
