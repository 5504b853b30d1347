package org.statbench.app.importwizard;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.VariableType;

/**
 * The first problems in a CSV extract, each with its line (and column): rows with another number of
 * fields than the header, and values that do not fit a type the analyst chose. The import stops at
 * the first problem; this lists up to a limit so the analyst can fix the settings (or the file)
 * once, not once per line. Values are never quoted in full: they may be personal data.
 */
public final class ImportProblems {
  /** Problems listed at most. */
  public static final int MAX = 20;

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private ImportProblems() {}

  /**
   * Reads the whole file and lists its first {@code max} problems.
   *
   * @param types the chosen (overriding) type per column name; columns left to inference are not
   *     checked for type
   */
  public static List<String> scan(
      Path file,
      Charset encoding,
      char delimiter,
      Map<String, VariableType> types,
      int max,
      CancellationToken cancel) {
    List<String> problems = new ArrayList<>();
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .fieldSeparator(delimiter)
            .quoteCharacter('"')
            .commentStrategy(CommentStrategy.NONE)
            .skipEmptyLines(true)
            .ignoreDifferentFieldCount(true)
            .ofCsvRecord(
                file, encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : encoding)) {
      List<String> header = null;
      for (CsvRecord r : reader) {
        cancel.throwIfCancelled();
        if (header == null) {
          header = r.getFields();
          continue;
        }
        long line = r.getStartingLineNumber();
        if (r.getFieldCount() != header.size()) {
          problems.add(ragged(line, r.getFieldCount(), header.size()));
        } else {
          for (int c = 0; c < header.size() && problems.size() < max; c++) {
            VariableType t = types.get(header.get(c));
            if (t != null && !fits(r.getField(c), t)) {
              problems.add(
                  "line "
                      + line
                      + ", column '"
                      + header.get(c)
                      + "': the value does not read as "
                      + t.key());
            }
          }
        }
        if (problems.size() >= max) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return problems;
  }

  /** The preview's rows with another number of fields than its header (by preview row). */
  public static List<String> raggedPreviewRows(CsvPreview preview) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < preview.rows().size(); i++) {
      int n = preview.rows().get(i).size();
      if (n != preview.header().size()) {
        out.add("row " + (i + 1) + ": " + n + " fields, the header has " + preview.header().size());
      }
    }
    return out;
  }

  static String ragged(long line, int fields, int headerFields) {
    return "line " + line + ": " + fields + " fields, the header has " + headerFields;
  }

  static boolean fits(String value, VariableType type) {
    String v = value.strip();
    if (v.isEmpty() || v.equals("NA") || v.equals(".")) {
      return true;
    }
    return switch (type) {
      case INTEGER -> INTEGER.matcher(v).matches();
      case DECIMAL -> DECIMAL.matcher(v).matches();
      case DATE -> DATE.matcher(v).matches();
      default -> true;
    };
  }
}
