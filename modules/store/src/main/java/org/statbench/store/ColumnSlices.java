package org.statbench.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.statbench.core.StatBenchException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;

/**
 * Some columns of a dataset read one slice of records at a time (a slice is one chunk of the column
 * file, {@link #SLICE_ROWS} records), for tables over columns larger than the heap: the heap then
 * holds one slice of each column plus the dictionaries, whatever the number of rows. Categorical
 * columns of every slice share the whole column's dictionary (the same list), so codes mean the
 * same in every slice; derived variables are mapped slice by slice. Slices are not cached.
 *
 * <p>Thread-safe; {@link #slice} reads the column file under the workspace's lock and fails like
 * {@link Workspace#columns} when the workspace is closed.
 */
public final class ColumnSlices {
  /** Records of one slice (the last may hold fewer). */
  public static final int SLICE_ROWS = ColumnFile.CHUNK_ROWS;

  /** Reads one stored chunk of a variable's values (the raw little-endian bytes). */
  interface ChunkReader {
    byte[] read(int ord, int chunk);
  }

  /** Reads one stored chunk of the record keys (the raw little-endian bytes). */
  interface KeyReader {
    byte[] read(int chunk);
  }

  private final String dataset;
  private final int rows;
  private final Map<String, Catalogue.VariableRecord> wanted = new LinkedHashMap<>();
  private final Map<String, Catalogue.VariableRecord> all = new HashMap<>();
  private final Map<String, List<String>> dictionaries = new HashMap<>();
  private final Map<String, CodeMapping> mappings = new HashMap<>();
  private final ChunkReader reader;
  private final KeyReader keyReader;

  /**
   * Resolves dictionaries and code mappings once (they are what every slice shares).
   *
   * @param dictionaryOf the stored dictionary of an imported categorical variable
   * @param mappingOf the stored code mapping of a derived variable
   */
  ColumnSlices(
      Catalogue.DatasetRecord rec,
      List<Catalogue.VariableRecord> wanted,
      Function<Catalogue.VariableRecord, List<String>> dictionaryOf,
      Function<Catalogue.VariableRecord, byte[]> mappingOf,
      ChunkReader reader,
      KeyReader keyReader) {
    this.dataset = rec.name();
    this.rows = rec.rows();
    this.reader = reader;
    this.keyReader = keyReader;
    for (Catalogue.VariableRecord vr : wanted) {
      this.wanted.putIfAbsent(vr.name(), vr);
      resolve(rec, vr, dictionaryOf, mappingOf);
    }
  }

  private List<String> resolve(
      Catalogue.DatasetRecord rec,
      Catalogue.VariableRecord vr,
      Function<Catalogue.VariableRecord, List<String>> dictionaryOf,
      Function<Catalogue.VariableRecord, byte[]> mappingOf) {
    all.put(vr.name(), vr);
    if (dictionaries.containsKey(vr.name())) {
      return dictionaries.get(vr.name());
    }
    List<String> dict = null;
    switch (vr.storage()) {
      case BYTE_CODES, INT_CODES -> dict = dictionaryOf.apply(vr);
      case DERIVED -> {
        Catalogue.VariableRecord src = rec.variable(vr.source());
        if (src == null) {
          throw new StatBenchException(
              "The workspace is damaged: source variable of " + vr.name() + " is missing");
        }
        List<String> sourceDict = resolve(rec, src, dictionaryOf, mappingOf);
        byte[] stored = mappingOf.apply(vr);
        if (stored == null) {
          throw new StatBenchException(
              "The workspace is damaged: the mapping of " + vr.name() + " is missing");
        }
        CodeMapping m = CodeMapping.decode(stored, sourceDict, vr.name());
        mappings.put(vr.name(), m);
        dict = m.targets();
      }
      default -> {}
    }
    if (dict != null) {
      dictionaries.put(vr.name(), dict);
    }
    return dict;
  }

  /** The dataset's name. */
  public String dataset() {
    return dataset;
  }

  /** Records of the whole dataset. */
  public int rows() {
    return rows;
  }

  /** Number of slices (0 for an empty dataset). */
  public int sliceCount() {
    return (rows + SLICE_ROWS - 1) / SLICE_ROWS;
  }

  /**
   * The requested columns over records {@code [i * SLICE_ROWS, min(rows, (i + 1) * SLICE_ROWS))}.
   */
  public DatasetColumns slice(int i) {
    int n = Math.min(SLICE_ROWS, rows - i * SLICE_ROWS);
    Map<String, Column> out = new LinkedHashMap<>();
    Map<String, Column> read = new HashMap<>();
    for (Catalogue.VariableRecord vr : wanted.values()) {
      out.put(vr.name(), column(vr, i, n, read));
    }
    return new DatasetColumns(dataset, n, out);
  }

  /**
   * The record keys ({@link Workspace#recordKeys}) of the records of slice {@code i}, for cell keys
   * of a streamed table.
   */
  public double[] recordKeys(int i) {
    int n = Math.min(SLICE_ROWS, rows - i * SLICE_ROWS);
    byte[] b = keyReader.read(i);
    if (b.length / 8 != n) {
      throw new StatBenchException(
          "The workspace is damaged: a chunk of the record keys of " + dataset + " is short");
    }
    double[] out = new double[n];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
    return out;
  }

  private Column column(Catalogue.VariableRecord vr, int chunk, int n, Map<String, Column> read) {
    Column done = read.get(vr.name());
    if (done != null) {
      return done;
    }
    Column c =
        switch (vr.storage()) {
          case BYTE_CODES ->
              CategoricalColumn.ofBytes(
                  vr.name(), vr.type(), dictionaries.get(vr.name()), bytes(vr, chunk, n));
          case INT_CODES ->
              CategoricalColumn.ofInts(
                  vr.name(), vr.type(), dictionaries.get(vr.name()), ints(vr, chunk, n));
          case DOUBLES -> new NumericColumn(vr.name(), vr.type(), doubles(vr, chunk, n));
          case EPOCH_DAYS -> new DateColumn(vr.name(), ints(vr, chunk, n));
          case DERIVED ->
              Workspace.derive(
                  vr.name(),
                  (CategoricalColumn) column(all.get(vr.source()), chunk, n, read),
                  mappings.get(vr.name()));
        };
    read.put(vr.name(), c);
    return c;
  }

  private byte[] bytes(Catalogue.VariableRecord vr, int chunk, int n) {
    byte[] b = reader.read(vr.ord(), chunk);
    checkLength(vr, b.length, n);
    return b;
  }

  private int[] ints(Catalogue.VariableRecord vr, int chunk, int n) {
    byte[] b = reader.read(vr.ord(), chunk);
    checkLength(vr, b.length / 4, n);
    int[] out = new int[n];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
    return out;
  }

  private double[] doubles(Catalogue.VariableRecord vr, int chunk, int n) {
    byte[] b = reader.read(vr.ord(), chunk);
    checkLength(vr, b.length / 8, n);
    double[] out = new double[n];
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
    return out;
  }

  private void checkLength(Catalogue.VariableRecord vr, int got, int expected) {
    if (got != expected) {
      throw new StatBenchException(
          "The workspace is damaged: a chunk of " + vr.name() + " in " + dataset + " is short");
    }
  }
}
