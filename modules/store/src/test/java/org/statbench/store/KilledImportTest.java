package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.statbench.core.data.DatasetInfo;

/** Process-level guarantees: a killed import loses nothing, and a workspace has one owner. */
class KilledImportTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "killed while {0}")
  @ValueSource(strings = {"Reading", "Writing"})
  void killedImportLeavesEarlierDatasetsIntactAndNoOrphans(String stage) throws Exception {
    Path ws = tmp.resolve("ws");
    Path small = Fixtures.resource(tmp, "referrals.csv");
    DatasetInfo keep;
    DatasetInfo other;
    try (Workspace w = Workspace.open(ws)) {
      keep = w.importCsv(ImportRequest.of("keep", small), null, null);
      other = w.importCsv(ImportRequest.of("other", small), null, null);
    }
    Path big = bigFile();

    // the child re-imports "keep" from the big file and is killed half-way
    Process child = startChild("import", ws.toString(), big.toString(), "keep", stage);
    try {
      String line = readLine(child);
      assertThat(line).isEqualTo(stage.toUpperCase(java.util.Locale.ROOT));
      if (stage.equals("Writing")) {
        assertThat(columnFiles(ws)).hasSize(3); // two datasets + the one being written
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }

    try (Workspace w = Workspace.open(ws)) {
      assertThat(w.datasets()).containsExactly(keep, other);
      assertThat(w.columns("keep", List.of("sex")).column("sex").text(3)).isEqualTo("M");
      assertThat(columnFiles(ws)).hasSize(2);
    }
  }

  @Test
  void secondProcessIsToldTheWorkspaceIsInUse() throws Exception {
    Path ws = tmp.resolve("ws");
    try (Workspace w = Workspace.open(ws)) {
      Process child = startChild("open", ws.toString());
      String line = readLine(child);
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isEqualTo(2);
      assertThat(line).startsWith("ERROR The workspace ").contains("is in use by another program");
    }
    Process child = startChild("open", ws.toString());
    assertThat(readLine(child)).isEqualTo("OPENED");
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  private Path bigFile() throws IOException {
    Path big = tmp.resolve("big.csv");
    StringBuilder sb = new StringBuilder("person_id,region,sex,age,amount\n");
    for (int i = 0; i < 200_000; i++) {
      sb.append('P')
          .append(i)
          .append(",R")
          .append(i % 9)
          .append(',')
          .append(i % 3 == 0 ? 'F' : 'M')
          .append(',')
          .append(i % 90)
          .append(',')
          .append(i % 1000)
          .append(".5\n");
    }
    Files.writeString(big, sb, StandardCharsets.UTF_8);
    return big;
  }

  private static Process startChild(String... args) throws IOException {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ImportChild.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  /** The first line the child prints that is not JVM noise, within a minute. */
  private static String readLine(Process child) throws Exception {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    java.util.concurrent.CompletableFuture<String> f =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                String line;
                while ((line = r.readLine()) != null) {
                  if (!line.startsWith("WARNING") && !line.startsWith("SLF4J")) {
                    return line;
                  }
                }
                return null;
              } catch (IOException e) {
                return "IO " + e;
              }
            });
    return f.get(60, TimeUnit.SECONDS);
  }

  private static List<Path> columnFiles(Path ws) throws IOException {
    try (Stream<Path> s = Files.list(ws.resolve("columns"))) {
      return s.toList();
    }
  }
}
