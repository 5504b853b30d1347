package org.statbench.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.statbench.core.InputException;
import org.statbench.core.RefusedException;

/**
 * A record-level output (microdata: linkage links or verification files, a dataset as records) that
 * a statistician cleared. Only {@link ExportGate#admitRecords} creates instances, and only for an
 * approved, verified {@link RecordRequest}. Each write is logged as a {@code release-records} entry
 * in the workspace audit log (request id, path, rows, SHA-256), and refused when it holds more rows
 * than the clearance allows. Text fields are neutralised against spreadsheet formulas ({@link
 * FormulaGuard}).
 *
 * <p>Usage from the linkage command line:
 *
 * <pre>{@code
 * ExportGate gate = ExportGate.of(workspace);
 * RecordLevelRelease r = gate.admitRecords("RL-0001");   // RefusedException unless cleared
 * r.writeCsv(out, List.of("left_id", "right_id", "weight"), rows);
 * }</pre>
 *
 * A clearance is requested with {@link ClearanceBook#submitRecords} (CLI: {@code clearance
 * request-records}) and approved by a trusted statistician other than the requester ({@link
 * ClearanceBook#approve}).
 */
public final class RecordLevelRelease {
  /** The audit entry type of a record-level release. */
  public static final String RELEASE_RECORDS = "release-records";

  private final ExportGate gate;
  private final RecordRequest request;
  private final ClearanceDecision decision;

  RecordLevelRelease(ExportGate gate, RecordRequest request, ClearanceDecision decision) {
    this.gate = gate;
    this.request = request;
    this.decision = decision;
  }

  /** The cleared request (what, rows at most, to whom, why). */
  public RecordRequest request() {
    return request;
  }

  /** The verified approval the release rests on. */
  public ClearanceDecision decision() {
    return decision;
  }

  /**
   * Writes a CSV (UTF-8, comma, LF, header row) of records, via a temporary sibling moved into
   * place, and logs the release.
   *
   * @param out the file to write (created or replaced)
   * @param header column names
   * @param rows the records, each as many fields as the header
   * @return the number of records written
   * @throws RefusedException when there are more records than the clearance allows (nothing is
   *     written)
   */
  public long writeCsv(Path out, List<String> header, Iterable<? extends List<String>> rows) {
    Path abs = out.toAbsolutePath();
    long n = 0;
    String sha;
    try {
      Files.createDirectories(abs.getParent());
      Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".part");
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (BufferedWriter w =
                new BufferedWriter(
                    new OutputStreamWriter(
                        new DigestOutputStream(Files.newOutputStream(tmp), md),
                        StandardCharsets.UTF_8));
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w)) {
          csv.writeRecord(header.stream().map(FormulaGuard::neutralise).toList());
          for (List<String> row : rows) {
            if (++n > request.rows()) {
              throw new RefusedException(tooMany());
            }
            csv.writeRecord(row.stream().map(FormulaGuard::neutralise).toList());
          }
        }
        sha = HexFormat.of().formatHex(md.digest());
        move(tmp, abs);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    log(abs, n, sha);
    return n;
  }

  /**
   * Releases a record-level CSV the analyst already holds (e.g. the links or verification file that
   * {@code link --out} wrote as a working file): copies its header and records to {@code out}
   * through {@link #writeCsv} (neutralised, refused over the cleared row count, logged).
   *
   * @return the number of records released
   * @throws InputException when {@code in} cannot be read or has no header line
   * @throws RefusedException when it holds more records than the clearance allows
   */
  public long releaseCsv(Path in, Path out) {
    if (!Files.isRegularFile(in)) {
      throw new InputException(in.toString(), -1, null, "no such file");
    }
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(false).ofCsvRecord(in)) {
      Iterator<CsvRecord> records = reader.iterator();
      if (!records.hasNext()) {
        throw new InputException(in.toString(), -1, null, "the file is empty (no header line)");
      }
      List<String> header = records.next().getFields();
      Iterable<List<String>> rows =
          () ->
              new Iterator<>() {
                @Override
                public boolean hasNext() {
                  return records.hasNext();
                }

                @Override
                public List<String> next() {
                  return records.next().getFields();
                }
              };
      return writeCsv(out, header, rows);
    } catch (IOException e) {
      throw new InputException(in.toString(), -1, null, "cannot read: " + e.getMessage());
    } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
      throw new InputException(in.toString(), -1, null, "not a CSV file: " + e.getMessage());
    }
  }

  /**
   * Writes bytes already prepared by the caller (e.g. a verification file) holding {@code rows}
   * records, and logs the release.
   *
   * @throws RefusedException when {@code rows} exceeds the clearance
   */
  public Path write(Path out, byte[] bytes, long rows) {
    if (rows > request.rows()) {
      throw new RefusedException(tooMany());
    }
    Path abs = out.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
      Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".part");
      try {
        Files.write(tmp, bytes);
        move(tmp, abs);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
    }
    log(abs, rows, ClearanceBook.sha256(bytes));
    return out;
  }

  private String tooMany() {
    return "record-level clearance "
        + request.id()
        + " allows at most "
        + request.rows()
        + " records; request a new clearance for more";
  }

  private static void move(Path tmp, Path abs) throws IOException {
    try {
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void log(Path path, long rows, String sha) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("path", path.toString());
    d.put("rows", rows);
    d.put("sha256", sha);
    d.put("what", request.what());
    d.put("recipient", request.recipient());
    d.put("decision", decision.signature());
    gate.log(RELEASE_RECORDS, request.id(), d.toString());
  }
}
