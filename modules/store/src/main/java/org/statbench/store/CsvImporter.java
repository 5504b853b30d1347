package org.statbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.ResourceException;
import org.statbench.core.format.Digests;

/**
 * Reads a CSV extract into encoded columns: detects the delimiter, checks the header, infers types
 * (reading the file a second time only when a column's first values suggested a number or date that
 * later values contradict), and reports every problem as an {@link InputException} with the file,
 * line and column. Pure: writes nothing.
 */
final class CsvImporter {

  /** The parsed file; its data is in the sink. */
  record Parsed(int rows, String sha256, List<EncodedColumn> columns) {}

  /** Share of the heap that dictionaries of all columns together may hold (see expectRows). */
  static final int DICTIONARY_HEAP_SHARE = 4;

  private WorkspaceFiles files = WorkspaceFiles.PLAIN;
  private final ImportRequest request;
  private final String file;
  private final Charset charset;
  private final ProgressListener progress;
  private final CancellationToken cancel;
  private final int bufferSize;
  private final ChunkSink sink;
  private final long dictionaryBudget;
  private long size;
  private boolean started; // the file was there when the import began
  private volatile double fractionRead;

  /**
   * @param sink receives the column chunks and dictionaries as they are complete (null when only
   *     estimating)
   */
  CsvImporter(
      ImportRequest request, ProgressListener progress, CancellationToken cancel, ChunkSink sink) {
    this(request, progress, cancel, CsvScanner.BUFFER_SIZE, sink, 0);
  }

  /**
   * With a given scanner buffer size (tests use tiny ones to cross buffer ends everywhere) and heap
   * budget for the dictionaries of all columns together (0: a quarter of the maximum heap).
   */
  CsvImporter(
      ImportRequest request,
      ProgressListener progress,
      CancellationToken cancel,
      int bufferSize,
      ChunkSink sink,
      long dictionaryBudget) {
    this.bufferSize = bufferSize;
    this.sink = sink;
    this.dictionaryBudget =
        dictionaryBudget > 0
            ? dictionaryBudget
            : Runtime.getRuntime().maxMemory() / DICTIONARY_HEAP_SHARE;
    this.request = request;
    this.file = request.file().toString();
    this.charset = request.encoding() == null ? StandardCharsets.UTF_8 : request.encoding();
    this.progress = progress == null ? ProgressListener.NONE : progress;
    this.cancel = cancel == null ? CancellationToken.NONE : cancel;
  }

  /**
   * Reads the extract through {@code files}: a workspace's own temporary file (a linked or
   * pseudonymised dataset) is sealed in an encrypted workspace; a user's extract is read in clear.
   */
  CsvImporter readingWith(WorkspaceFiles files) {
    this.files = files;
    return this;
  }

  Parsed parse() {
    Path path = request.file();
    try {
      if (Files.isDirectory(path)) {
        throw new InputException(file, -1, null, "is a folder, not a CSV file");
      }
      size = Files.size(path);
      started = true;
      checkAsciiCompatible();
      byte delimiter = delimiter(path);
      MessageDigest digest = Digests.sha256();
      Set<String> dictionaryColumns = new HashSet<>();
      Pass pass = readPass(path, delimiter, digest, dictionaryColumns, "Reading");
      String sha = Digests.hex(digest);
      if (!pass.failed.isEmpty()) {
        // Some column's first values looked like numbers or dates but later ones did not.
        dictionaryColumns.addAll(pass.failed);
        sink.reset();
        pass = readPass(path, delimiter, null, dictionaryColumns, "Reading again");
      }
      List<EncodedColumn> columns = new ArrayList<>(pass.accumulators.size());
      int done = 0;
      for (ColumnAccumulator acc : pass.accumulators) {
        cancel.throwIfCancelled();
        progress.progress(done++, pass.accumulators.size(), "Writing columns");
        ImportSchema.VariableSchema vs = schemaOf(acc.name());
        columns.add(
            acc.finish(vs == null ? null : vs.label(), vs == null ? Map.of() : vs.valueLabels()));
        sink.columnDone();
      }
      return new Parsed(pass.rows, sha, columns);
    } catch (NoSuchFileException e) {
      if (started) {
        throw ResourceException.fileRemoved(path, e);
      }
      throw new InputException(file, -1, null, "file not found");
    } catch (AccessDeniedException e) {
      throw new InputException(file, -1, null, "cannot read the file (access denied)");
    } catch (IOException e) {
      if (started) {
        // e.g. a network share gone, a stale handle, a disk read error: the extract went away
        throw ResourceException.fileRemoved(path, e);
      }
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Records sampled for {@link #estimate()}. */
  private static final int SAMPLE_RECORDS = 20_000;

  /** Most bytes read for {@link #estimate()}. */
  private static final int SAMPLE_BYTES = 8 << 20;

  /**
   * Estimates the import from the file size and its first records: per column, 8 bytes a row for
   * numbers, 4 for dates, 1 or 4 for codes (4 while importing, in the spill), plus the dictionary
   * of a column of mostly distinct values; 8 bytes a row of record keys. The heap is the scanner's
   * buffers, one chunk per column, the store's commit buffer and the dictionaries up to their
   * budget.
   */
  ImportEstimate estimate() {
    Path path = request.file();
    try {
      long fileBytes = Files.size(path);
      byte delimiter = delimiter(path);
      try (InputStream raw = files.newInputStream(path)) {
        // at most the first few MB: a sample must not need the heap the import would
        byte[] sample = raw.readNBytes(SAMPLE_BYTES);
        boolean whole = sample.length == fileBytes;
        CsvScanner scanner =
            new CsvScanner(
                skipBom(new java.io.ByteArrayInputStream(sample), null),
                delimiter,
                null,
                file,
                1 << 16);
        if (!scanner.next()) {
          return new ImportEstimate(fileBytes, 0, 0, 0);
        }
        int columns = scanner.fieldCount();
        long headerBytes = scanner.bytesRead();
        boolean[] text = new boolean[columns];
        int[] width = new int[columns];
        java.util.List<Set<String>> distinct = new ArrayList<>();
        long[] valueBytes = new long[columns];
        for (int i = 0; i < columns; i++) {
          distinct.add(new HashSet<>());
        }
        int records = 0;
        while (records < SAMPLE_RECORDS && scanner.next()) {
          records++;
          for (int i = 0; i < Math.min(columns, scanner.fieldCount()); i++) {
            byte[] b = scanner.array(i);
            int off = scanner.offset(i);
            int len = scanner.length(i);
            if (Values.isMissing(b, off, len)) {
              continue;
            }
            if (!Double.isNaN(Values.parseNumber(b, off, len))) {
              width[i] = Math.max(width[i], 8);
            } else if (Values.parseDate(b, off, len) != Values.NOT_A_DATE) {
              width[i] = Math.max(width[i], 4);
            } else {
              text[i] = true;
              valueBytes[i] += len;
              if (distinct.get(i).size() <= records) {
                distinct.get(i).add(new String(b, off, len, charset));
              }
            }
          }
        }
        if (records == 0) {
          return new ImportEstimate(fileBytes, 0, 0, 0);
        }
        long sampleBytes = Math.max(1, scanner.bytesRead() - headerBytes);
        // the scanner reads ahead up to one 64 KB buffer: a few percent on a sample of 20,000
        long rows =
            whole
                ? records
                : Math.max(
                    records,
                    (long)
                        ((double) (fileBytes - headerBytes) * records / Math.max(sampleBytes, 1)));
        long perRow = 8; // record keys
        long spillPerRow = 0;
        long dictionaryBytes = 0;
        long heap = 3L * CsvScanner.BUFFER_SIZE;
        for (int i = 0; i < columns; i++) {
          if (text[i]) {
            int d = distinct.get(i).size();
            boolean identifier = d > records / 2;
            perRow += identifier || d > 255 ? 4 : 1;
            spillPerRow += 4;
            heap += 4L * Math.min(rows, ColumnFile.CHUNK_ROWS);
            if (identifier) {
              // every value a dictionary entry: its bytes plus 4 for its length
              long entryBytes = valueBytes[i] / records + 4;
              dictionaryBytes += rows * entryBytes;
              heap += Math.min(rows * (entryBytes + 28), dictionaryBudget / columns);
            }
          } else {
            int w = width[i] == 0 ? 4 : width[i];
            perRow += w;
            heap += w * Math.min(rows, ColumnFile.CHUNK_ROWS);
          }
        }
        long disk = (long) ((rows * (perRow + spillPerRow) + dictionaryBytes) * 1.1);
        heap += Math.min(2 * ColumnFile.Writer.COMMIT_BYTES, disk); // unsaved pages, write buffer
        return new ImportEstimate(fileBytes, rows, disk, heap);
      }
    } catch (IOException | RuntimeException e) {
      return new ImportEstimate(0, 0, 0, 0); // the import itself will say what is wrong
    }
  }

  /** Share of the file read so far in the current pass, 0..1. */
  double fractionRead() {
    return fractionRead;
  }

  private ImportSchema.VariableSchema schemaOf(String name) {
    return request.schema() == null ? null : request.schema().variables().get(name);
  }

  private void checkAsciiCompatible() {
    byte[] probe = "\r\n\",;\t.-/0123456789AZaz".getBytes(charset);
    byte[] ascii = "\r\n\",;\t.-/0123456789AZaz".getBytes(StandardCharsets.US_ASCII);
    if (!java.util.Arrays.equals(probe, ascii)) {
      throw new InputException(
          file,
          -1,
          null,
          "the encoding "
              + charset.name()
              + " is not supported (use UTF-8, windows-1252 or another ASCII-based encoding)");
    }
  }

  private byte delimiter(Path path) throws IOException {
    if (request.delimiter() != null) {
      char d = request.delimiter();
      if (d > 127 || d == '"' || d == '\r' || d == '\n') {
        throw new InputException("Unsupported delimiter '" + d + "' (use comma, semicolon or tab)");
      }
      return (byte) d;
    }
    byte[] head;
    try (InputStream in = files.newInputStream(path)) {
      head = in.readNBytes(1 << 16);
    }
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (byte c : head) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == '\t') {
        tabs++;
      }
    }
    if (tabs > commas && tabs >= semicolons) {
      return '\t';
    }
    if (semicolons > commas) {
      return ';';
    }
    return ',';
  }

  private static final class Pass {
    final List<ColumnAccumulator> accumulators = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    int rows;
  }

  private Pass readPass(
      Path path, byte delimiter, MessageDigest digest, Set<String> dictionaryColumns, String label)
      throws IOException {
    Pass pass = new Pass();
    try (InputStream raw = files.newInputStream(path)) {
      InputStream in = skipBom(raw, digest);
      CsvScanner scanner = new CsvScanner(in, delimiter, digest, file, bufferSize);
      if (!scanner.next()) {
        throw new InputException(file, -1, null, "the file is empty (no header line)");
      }
      List<String> names = header(scanner);
      checkSchema(names);
      long budget = dictionaryBudget / names.size();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        ImportSchema.VariableSchema vs = schemaOf(name);
        pass.accumulators.add(
            new ColumnAccumulator(
                file,
                i,
                name,
                vs == null ? null : vs.type(),
                dictionaryColumns.contains(name),
                charset,
                sink,
                budget));
      }
      scanner.columnNames(i -> i < names.size() ? names.get(i) : Integer.toString(i + 1));
      ColumnAccumulator[] acc = pass.accumulators.toArray(new ColumnAccumulator[0]);
      long rows = 0;
      boolean estimated = false;
      // Scan the next buffer while the current one's columns are encoded (two threads).
      try (ColumnStage stage = new ColumnStage(acc)) {
        CsvBatch current = new CsvBatch(acc.length);
        CsvBatch spare = new CsvBatch(acc.length);
        boolean more = scanner.nextBatch(current);
        while (more) {
          stage.start(current);
          boolean hasNext =
              current.pendingError == null && !current.last && scanner.nextBatch(spare);
          stage.finish();
          if (current.pendingError != null) {
            throw current.pendingError;
          }
          rows += current.records;
          if (!estimated && rows >= 10_000) {
            estimated = true;
            long expected = rows * size / Math.max(1, scanner.bytesRead());
            for (ColumnAccumulator a : acc) {
              a.expectRows(expected);
            }
          }
          if (rows >= Integer.MAX_VALUE - 1) {
            throw new InputException(file, -1, null, "too many rows (at most 2^31 - 2)");
          }
          cancel.throwIfCancelled();
          progress.progress(scanner.bytesRead(), size, label + " (" + rows + " rows)");
          fractionRead = scanner.bytesRead() / (double) Math.max(1, size);
          scanner.recycle(current);
          CsvBatch t = current;
          current = spare;
          spare = t;
          more = hasNext;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new org.statbench.core.CancelledException();
      }
      cancel.throwIfCancelled();
      if (rows == 0) {
        // a header with no records is almost always a truncated extract: refuse it rather than
        // replace a dataset of the same name with an empty one
        throw new InputException(
            file, -1, null, "the file has a header line but no data rows (nothing to import)");
      }
      progress.progress(size, size, label + " (" + rows + " rows)");
      pass.rows = (int) rows;
      for (ColumnAccumulator a : acc) {
        if (a.failed()) {
          pass.failed.add(a.name());
        }
      }
    }
    return pass;
  }

  /** Skips a UTF-8 byte order mark (keeping it in the digest). */
  private InputStream skipBom(InputStream raw, MessageDigest digest) throws IOException {
    java.io.PushbackInputStream in = new java.io.PushbackInputStream(raw, 3);
    byte[] bom = in.readNBytes(3);
    boolean isBom =
        bom.length == 3
            && (bom[0] & 0xFF) == 0xEF
            && (bom[1] & 0xFF) == 0xBB
            && (bom[2] & 0xFF) == 0xBF;
    if (isBom && charset.equals(StandardCharsets.UTF_8)) {
      if (digest != null) {
        digest.update(bom);
      }
    } else {
      in.unread(bom);
    }
    return in;
  }

  private List<String> header(CsvScanner scanner) {
    int n = scanner.fieldCount();
    List<String> names = new ArrayList<>(n);
    Map<String, Integer> seen = new HashMap<>();
    var decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (int i = 0; i < n; i++) {
      String name;
      try {
        CharBuffer cb =
            decoder.decode(ByteBuffer.wrap(scanner.array(i), scanner.offset(i), scanner.length(i)));
        name = cb.toString();
      } catch (CharacterCodingException e) {
        throw new InputException(
            file,
            scanner.fieldLine(i),
            Integer.toString(i + 1),
            "the column name has bytes that are invalid in the encoding " + charset.name());
      }
      if (name.isBlank()) {
        throw new InputException(
            file, scanner.fieldLine(i), Integer.toString(i + 1), "empty column name in the header");
      }
      Integer previous = seen.putIfAbsent(name, i);
      if (previous != null) {
        throw new InputException(
            file,
            scanner.fieldLine(i),
            Integer.toString(i + 1),
            "duplicate column name '"
                + abbreviate(name)
                + "' (also column "
                + (previous + 1)
                + ")");
      }
      names.add(name);
    }
    return names;
  }

  private void checkSchema(List<String> names) {
    if (request.schema() == null) {
      return;
    }
    Set<String> known = new HashSet<>(names);
    for (String v : request.schema().variables().keySet()) {
      if (!known.contains(v)) {
        throw new InputException(
            file, 1, abbreviate(v), "the schema names a variable that is not in the header");
      }
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
