package org.statbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.statbench.export.ExportGate;
import org.statbench.export.RecordLevelRelease;
import org.statbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clearance release-records --db DIR --id RL-NNNN --in LINKS.csv --out DEST.csv}: releases a
 * record-level working file (the links or verification file of {@code link --out}, which stays a
 * working file) under an approved, verified record-level clearance. Refused (exit 3) without one,
 * or when the file holds more records than were cleared; each release is logged in the audit log.
 */
@Command(
    name = "release-records",
    mixinStandardHelpOptions = true,
    description = {
      "Release a record-level file (linkage links, verification, a dataset as records) under an"
          + " approved record-level clearance (clearance request-records).",
      "Refused (exit 3) unless the clearance is approved, verifies and covers the row count;"
          + " text that a spreadsheet would run as a formula is neutralised; the release is logged."
    })
final class ClearanceReleaseRecords extends WorkspaceSubcommand {
  @Option(names = "--id", required = true, paramLabel = "RL-NNNN", description = "Clearance id.")
  String id;

  @Option(
      names = "--in",
      required = true,
      paramLabel = "FILE.csv",
      description = "The record-level file to release (e.g. what link --out wrote).")
  Path in;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DEST.csv",
      description = "Where the released copy goes.")
  Path out;

  @Override
  public Integer call() {
    try (Workspace ws = openExisting()) {
      RecordLevelRelease release = ExportGate.of(ws).admitRecords(id);
      long rows = release.releaseCsv(in, out);
      PrintWriter o = out();
      o.println(
          "Released "
              + rows
              + " records to "
              + out
              + " under "
              + id
              + " ("
              + release.request().what()
              + ", for "
              + release.request().recipient()
              + "); logged in the audit log");
      o.flush();
    }
    return StatBenchCommand.EXIT_OK;
  }
}
