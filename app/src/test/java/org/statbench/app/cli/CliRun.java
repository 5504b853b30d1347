package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code statbench} commands in the test's JVM as a shell would, and keeps what they said: the
 * exit code, standard output and standard error. The one place command tests run commands, make
 * input files and fill a workspace; each run builds the command line afresh, as a new process
 * would.
 */
public final class CliRun {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final boolean accumulate;

  /** Each run starts with empty out and err. */
  public CliRun() {
    this(false);
  }

  private CliRun(boolean accumulate) {
    this.accumulate = accumulate;
  }

  /** Out and err keep the text of every run (for tests that read several runs together). */
  public static CliRun accumulating() {
    return new CliRun(true);
  }

  /** Runs {@code statbench ARGS...}; returns the exit code. */
  public int run(String... args) {
    if (!accumulate) {
      clear();
    }
    CommandLine cl = StatBenchCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  /** What the commands wrote to standard output. */
  public String out() {
    return out.toString();
  }

  /** What the commands wrote to standard error. */
  public String err() {
    return err.toString();
  }

  /** Forgets what was written so far. */
  public void clear() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  /**
   * Imports {@code file} as dataset {@code name} into the workspace {@code db}; fails the test on a
   * non-zero exit.
   */
  public void importCsv(String db, String name, Path file) {
    assertThat(run("import", "--db", db, "--name", name, "--file", file.toString()))
        .as("import %s: %s", name, err())
        .isZero();
  }

  /** Writes {@code content} (UTF-8) to {@code dir/name} and returns the file. */
  public static Path file(Path dir, String name, String content) {
    Path p = dir.resolve(name);
    try {
      Files.writeString(p, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /**
   * Every sub-command's path ({@code "bench disclosure"}), parents before children, help left out.
   */
  public static List<String> subcommandPaths() {
    List<String> names = new ArrayList<>();
    collect(StatBenchCommand.commandLine(), List.of(), names);
    return names;
  }

  private static void collect(CommandLine cl, List<String> path, List<String> names) {
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      List<String> p = new ArrayList<>(path);
      p.add(e.getKey());
      names.add(String.join(" ", p));
      collect(e.getValue(), p, names);
    }
  }
}
