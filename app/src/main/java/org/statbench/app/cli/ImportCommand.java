package org.statbench.app.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetInfo;
import org.statbench.store.ImportRequest;
import org.statbench.store.ImportSchema;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code import --db DIR --name NAME --file EXTRACT.csv [--schema S.json] [--delimiter C]
 * [--encoding E]}: imports an extract atomically and prints a one-line summary.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a CSV extract into a workspace, atomically: NAME is replaced only when the whole"
          + " file imports.",
      "Types are inferred (categorical, integer, decimal, date, text) unless the schema says"
          + " otherwise; empty, NA and . are missing values."
    })
public final class ImportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--db",
      required = true,
      paramLabel = "DIR",
      description = "Workspace folder (created when missing).")
  Path db;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Dataset name.")
  String name;

  @Option(
      names = "--file",
      required = true,
      paramLabel = "EXTRACT.csv",
      description = "The CSV file (header row first).")
  Path file;

  @Option(
      names = "--schema",
      paramLabel = "S.json",
      description = "JSON schema with types, labels and value labels.")
  Path schema;

  @Option(
      names = "--delimiter",
      paramLabel = "C",
      description =
          "Field delimiter: ',', ';', 'tab' or '\\t' (default: detected from the header).")
  String delimiter;

  @Option(
      names = "--encoding",
      paramLabel = "E",
      description = "File encoding, e.g. windows-1252 (default UTF-8, with or without BOM).")
  String encoding;

  @Override
  public Integer call() {
    ImportRequest request =
        new ImportRequest(
            name,
            file,
            charset(encoding),
            delimiter(delimiter),
            schema == null ? null : ImportSchema.fromJson(schema));
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    DatasetInfo info;
    try (Workspace ws = CliWorkspace.open(db)) {
      ProgressListener progress =
          System.console() == null
              ? ProgressListener.NONE
              : new TerminalProgress(spec.commandLine().getErr(), name);
      try {
        info = ws.importCsv(request, progress, CancellationToken.NONE);
      } finally {
        if (progress instanceof TerminalProgress t) {
          t.done();
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "Imported %s: %d rows, %d variables in %.1f s%n",
        info.name(),
        info.rows(),
        info.variables().size(),
        seconds);
    out.flush();
    return StatBenchCommand.EXIT_OK;
  }

  /** Parses the --delimiter option; null when not given. */
  static Character delimiter(String d) {
    if (d == null) {
      return null;
    }
    switch (d.toLowerCase(Locale.ROOT)) {
      case "tab":
      case "\\t":
      case "\t":
        return '\t';
      case ",":
      case "comma":
        return ',';
      case ";":
      case "semicolon":
        return ';';
      default:
        if (d.length() == 1 && d.charAt(0) < 128 && d.charAt(0) != '"') {
          return d.charAt(0);
        }
        throw new InputException(
            null, -1, null, "Unknown delimiter '" + d + "' (use ',', ';', 'tab' or '\\t')");
    }
  }

  /** Parses the --encoding option; null when not given. */
  static Charset charset(String e) {
    if (e == null) {
      return null;
    }
    try {
      return Charset.forName(e);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
      throw new InputException(
          null, -1, null, "Unknown encoding '" + e + "' (e.g. UTF-8 or windows-1252)");
    }
  }

  /** A single progress line on a terminal, rewritten in place at most a few times a second. */
  private static final class TerminalProgress implements ProgressListener {
    private final PrintWriter err;
    private final String name;
    private long last;
    private boolean printed;

    TerminalProgress(PrintWriter err, String name) {
      this.err = err;
      this.name = name;
    }

    @Override
    public void progress(long done, long total, String message) {
      long now = System.nanoTime();
      if (now - last < 200_000_000L) {
        return;
      }
      last = now;
      String pct = total > 0 ? String.format(Locale.ROOT, "%3d%% ", done * 100 / total) : "";
      err.print("\rImporting " + name + ": " + pct + message + "   ");
      err.flush();
      printed = true;
    }

    void done() {
      if (printed) {
        err.print("\r" + " ".repeat(70) + "\r");
        err.flush();
      }
    }
  }
}
