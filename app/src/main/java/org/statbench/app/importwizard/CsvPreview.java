package org.statbench.app.importwizard;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.statbench.core.InputException;
import org.statbench.core.data.VariableType;

/**
 * The first rows of a CSV file as the import wizard shows them: read from the first 64 KB only, so
 * a preview of a multi-gigabyte extract is instant. Invalid bytes for the chosen encoding are shown
 * as replacement characters (the import itself rejects them with their line).
 *
 * @param delimiter the delimiter used (detected or given)
 * @param header the header fields
 * @param rows up to the requested number of data rows, as parsed
 * @param guessedTypes per header field a type guessed from the preview rows (the import infers from
 *     all rows)
 */
public record CsvPreview(
    char delimiter, List<String> header, List<List<String>> rows, List<VariableType> guessedTypes) {
  /** How many bytes a preview reads at most. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  public CsvPreview {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    guessedTypes = List.copyOf(guessedTypes);
  }

  /**
   * Reads a preview.
   *
   * @param encoding null for UTF-8
   * @param delimiter null to detect comma, tab or semicolon from the header line
   * @param maxRows data rows to keep
   * @throws InputException naming the file when it cannot be read or is empty
   */
  public static CsvPreview read(Path file, Charset encoding, Character delimiter, int maxRows) {
    Charset cs = encoding == null ? StandardCharsets.UTF_8 : encoding;
    byte[] bytes;
    boolean whole;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES);
      whole = in.read() < 0;
    } catch (IOException e) {
      throw new InputException(
          file.toString(), -1, null, "cannot read the file: " + e.getMessage());
    }
    String text = decode(bytes, cs);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (!whole) {
      int cut = Math.max(text.lastIndexOf('\n'), 0);
      text = text.substring(0, cut);
    }
    if (text.isBlank()) {
      throw new InputException(file.toString(), 1, null, "the file is empty");
    }
    char sep = delimiter != null ? delimiter : detectDelimiter(text);
    List<String> header = null;
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .fieldSeparator(sep)
            .quoteCharacter('"')
            .commentStrategy(CommentStrategy.NONE)
            .skipEmptyLines(true)
            .ignoreDifferentFieldCount(true)
            .ofCsvRecord(text)) {
      for (CsvRecord r : reader) {
        if (header == null) {
          header = r.getFields();
        } else if (rows.size() < maxRows) {
          rows.add(r.getFields());
        } else {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // A preview cut mid-quote is not an error of the file; show what parsed.
      if (header == null) {
        throw new InputException(file.toString(), 1, null, "cannot parse the header: " + e);
      }
    }
    if (header == null) {
      throw new InputException(file.toString(), 1, null, "the file is empty");
    }
    List<VariableType> types = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      types.add(guess(rows, c));
    }
    return new CsvPreview(sep, header, rows, types);
  }

  private static String decode(byte[] bytes, Charset cs) {
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(bytes, cs);
    }
  }

  /** The most frequent of comma, tab and semicolon on the first line (comma on a tie). */
  static char detectDelimiter(String text) {
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    char best = ',';
    long bestCount = first.chars().filter(ch -> ch == ',').count();
    for (char c : new char[] {'\t', ';'}) {
      long n = first.chars().filter(ch -> ch == c).count();
      if (n > bestCount) {
        best = c;
        bestCount = n;
      }
    }
    return best;
  }

  private static boolean isMissing(String v) {
    String t = v.strip();
    return t.isEmpty() || t.equals("NA") || t.equals(".");
  }

  private static VariableType guess(List<List<String>> rows, int col) {
    boolean anyValue = false;
    boolean allInt = true;
    boolean allNum = true;
    boolean allDate = true;
    for (List<String> r : rows) {
      if (col >= r.size() || isMissing(r.get(col))) {
        continue;
      }
      String v = r.get(col).strip();
      anyValue = true;
      allInt &= INTEGER.matcher(v).matches();
      allNum &= DECIMAL.matcher(v).matches();
      allDate &= DATE.matcher(v).matches();
    }
    if (!anyValue) {
      return VariableType.CATEGORICAL;
    }
    if (allInt) {
      return VariableType.INTEGER;
    }
    if (allNum) {
      return VariableType.DECIMAL;
    }
    if (allDate) {
      return VariableType.DATE;
    }
    return VariableType.CATEGORICAL;
  }
}
