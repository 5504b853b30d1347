package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption at rest through the command line: nothing of the data in clear in the workspace. */
class EncryptedWorkspaceCommandTest {
  /** Appears only in the extract (a town name): it must never reach a workspace file in clear. */
  private static final String SECRET = "Qzwxylmn-Unique-0815";

  @TempDir Path tmp;

  private final CliRun cli = new CliRun();

  @Test
  void importSavedTableCohortProtectAndClearanceLeaveNoPlaintext() throws Exception {
    FileTime start = FileTime.fromMillis(System.currentTimeMillis() - 1000);
    Path pass = tmp.resolve("pass.txt");
    Files.writeString(pass, "correct horse battery\n");
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    StringBuilder csv = new StringBuilder("town,sex,referral_date,outcome_date\n");
    for (int i = 0; i < 30; i++) {
      csv.append(i % 3 == 0 ? SECRET : "Leeds")
          .append(',')
          .append(i % 2 == 0 ? "F" : "M")
          .append(",2020-01-1")
          .append(i % 9)
          .append(',')
          .append(i % 4 == 0 ? "2020-03-01" : "")
          .append('\n');
    }
    Path extract = Files.writeString(outside.resolve("people.csv"), csv.toString());
    String ws = tmp.resolve("ws").toString();
    String p = pass.toString();

    assertThat(
            cli.run(
                "workspace",
                "encrypt",
                "--db",
                ws,
                "--passphrase-file",
                p,
                "--kdf-iterations",
                "1000"))
        .as(cli.err())
        .isZero();
    assertThat(
            cli.run(
                "import",
                "--db",
                ws,
                "--name",
                "people",
                "--file",
                extract.toString(),
                "--passphrase-file",
                p))
        .as(cli.err())
        .isZero();
    Path t = outside.resolve("t.csv");
    Path spec = tmp.resolve("ws/tables/by-town.table.json");
    Files.createDirectories(spec.getParent());
    assertThat(
            cli.run(
                "tabulate",
                "--db",
                ws,
                "--dataset",
                "people",
                "--rows",
                "town",
                "--cols",
                "sex",
                "--filter",
                "town=" + SECRET + ",Leeds",
                "--save-spec",
                spec.toString(),
                "--out",
                t.toString(),
                "--passphrase-file",
                p))
        .as(cli.err())
        .isZero();
    assertThat(Files.readString(t)).contains(SECRET);
    assertThat(cli.run("tabulate", "--db", ws, "--spec", spec.toString(), "--passphrase-file", p))
        .as(cli.err())
        .isZero();
    assertThat(cli.out()).contains(SECRET);
    assertThat(
            cli.run(
                "cohort",
                "--db",
                ws,
                "--dataset",
                "people",
                "--entry",
                "referral_date",
                "--event",
                "outcome_date",
                "--by",
                "town",
                "--horizon",
                "3",
                "--as-of",
                "2020-06-30",
                "--out",
                outside.resolve("c.csv").toString(),
                "--passphrase-file",
                p))
        .as(cli.err())
        .isZero();
    cli.run(
        "protect",
        "--table",
        t.toString(),
        "--out",
        outside.resolve("p.csv").toString(),
        "--db",
        ws,
        "--passphrase-file",
        p);
    assertThat(
            cli.run(
                "clearance",
                "request",
                "--db",
                ws,
                "--table",
                t.toString(),
                "--reason",
                "about " + SECRET,
                "--passphrase-file",
                p))
        .as(cli.err())
        .isZero();
    assertThat(cli.run("audit", "verify", "--db", ws, "--passphrase-file", p)).isZero();

    assertNoPlaintext(tmp.resolve("ws"), null, null);
    // nor in the system temp folder (files written during this test, outside this test's folder
    // where the extract and the released outputs are on purpose)
    assertNoPlaintext(Path.of(System.getProperty("java.io.tmpdir")), start, tmp);
  }

  @Test
  void aLinkageSaveLeavesNoPlaintextInTheWorkspaceNorTheSystemTempFolder() throws Exception {
    Path sysTmp = Files.createDirectories(tmp.resolve("system-tmp"));
    Path pass = Files.writeString(tmp.resolve("pass.txt"), "correct horse battery\n");
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    org.statbench.sampledata.people.SyntheticPeople.Job job =
        org.statbench.sampledata.people.SyntheticPeople.generate(5, 600, 200);
    Path left = outside.resolve("customers.csv");
    Path right = outside.resolve("recipients.csv");
    try (java.io.Writer w = Files.newBufferedWriter(left, StandardCharsets.UTF_8)) {
      org.statbench.sampledata.people.SyntheticPeople.writeCsv(job.left(), w);
    }
    try (java.io.Writer w = Files.newBufferedWriter(right, StandardCharsets.UTF_8)) {
      org.statbench.sampledata.people.SyntheticPeople.writeCsv(job.right(), w);
    }
    // one customer's surname becomes the unique value (a plain line: no quoted fields)
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(left));
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).contains("\"")) {
        String[] f = lines.get(i).split(",", -1);
        f[2] = SECRET;
        lines.set(i, String.join(",", f));
        break;
      }
    }
    Files.write(left, lines);
    Path ws = tmp.resolve("ws");
    String p = "--passphrase-file=" + pass;
    assertThat(
            child(
                sysTmp,
                "workspace",
                "encrypt",
                "--db",
                ws.toString(),
                p,
                "--kdf-iterations",
                "1000"))
        .isZero();
    assertThat(
            child(
                sysTmp,
                "import",
                "--db",
                ws.toString(),
                "--name",
                "customers",
                "--file",
                left.toString(),
                p))
        .isZero();
    assertThat(
            child(
                sysTmp,
                "import",
                "--db",
                ws.toString(),
                "--name",
                "recipients",
                "--file",
                right.toString(),
                p))
        .isZero();
    // while the link runs, look at every temporary file that appears in the workspace folder
    java.util.concurrent.atomic.AtomicBoolean running =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.atomic.AtomicInteger seen =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.List<String> leaks = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread watcher =
        new Thread(
            () -> {
              while (running.get()) {
                try (Stream<Path> files = Files.list(ws)) {
                  files
                      .filter(f -> f.getFileName().toString().startsWith(".linked-"))
                      .forEach(
                          f -> {
                            try {
                              byte[] b = Files.readAllBytes(f);
                              seen.incrementAndGet();
                              if (indexOf(b, SECRET.getBytes(StandardCharsets.UTF_8)) >= 0) {
                                leaks.add(f.getFileName().toString());
                              }
                            } catch (IOException gone) {
                              // removed meanwhile
                            }
                          });
                } catch (IOException | UncheckedIOException e) {
                  // a file removed meanwhile
                }
              }
            });
    watcher.start();
    int code;
    try {
      code =
          child(
              sysTmp,
              "link",
              "--db",
              ws.toString(),
              "--left",
              "customers",
              "--right",
              "recipients",
              "--out",
              outside.resolve("links.csv").toString(),
              "--save",
              "linked",
              "--save-vars",
              "nino",
              p);
    } finally {
      running.set(false);
      watcher.join();
    }
    assertThat(code).isZero();
    assertThat(leaks).as("temporary files holding the value in clear").isEmpty();
    assertThat(child(sysTmp, "datasets", "--db", ws.toString(), p)).isZero();
    assertNoPlaintext(ws, null, null);
    assertNoPlaintext(sysTmp, null, null);
  }

  /** Runs {@code statbench ARGS} in a child JVM whose {@code java.io.tmpdir} is {@code sysTmp}. */
  private static int child(Path sysTmp, String... args) throws Exception {
    java.util.List<String> cmd =
        new java.util.ArrayList<>(
            java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + sysTmp,
                "-cp",
                System.getProperty("java.class.path"),
                "org.statbench.app.Main"));
    cmd.addAll(java.util.List.of(args));
    Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    proc.waitFor();
    if (proc.exitValue() != 0) {
      System.err.println(String.join(" ", args) + ": " + output);
    }
    return proc.exitValue();
  }

  @Test
  void missingOrWrongPassphraseExitsTwoWithAClearMessage() throws Exception {
    Path pass = Files.writeString(tmp.resolve("pass.txt"), "right one\n");
    Path wrong = Files.writeString(tmp.resolve("wrong.txt"), "wrong one\n");
    String ws = tmp.resolve("ws").toString();
    assertThat(
            cli.run(
                "workspace",
                "encrypt",
                "--db",
                ws,
                "--passphrase-file",
                pass.toString(),
                "--kdf-iterations",
                "1000"))
        .isZero();
    assertThat(cli.run("datasets", "--db", ws)).isEqualTo(2);
    assertThat(cli.err()).contains("is encrypted").contains("--passphrase-file");
    assertThat(cli.run("datasets", "--db", ws, "--passphrase-file", wrong.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("Wrong passphrase").doesNotContain("Exception");
    assertThat(cli.run("datasets", "--db", ws, "--passphrase-file", pass.toString())).isZero();
  }

  @Test
  void passphraseForAnUnencryptedWorkspaceIsNotAnError() throws Exception {
    Path pass = Files.writeString(tmp.resolve("pass.txt"), "any\n");
    String ws = tmp.resolve("plain").toString();
    assertThat(cli.run("datasets", "--db", ws)).isZero();
    assertThat(cli.run("datasets", "--db", ws, "--passphrase-file", pass.toString())).isZero();
  }

  private static void assertNoPlaintext(Path dir, FileTime since, Path except) {
    byte[] needle = SECRET.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(Files::isRegularFile)
          .filter(f -> except == null || !f.startsWith(except))
          .filter(f -> since == null || modifiedAfter(f, since))
          .forEach(
              f -> {
                byte[] b;
                try {
                  b = Files.readAllBytes(f);
                } catch (IOException e) {
                  return; // a file of another process, gone or unreadable
                }
                assertThat(indexOf(b, needle)).as("plaintext in " + f).isEqualTo(-1);
              });
    } catch (IOException | UncheckedIOException e) {
      if (since == null) {
        throw new AssertionError(e);
      }
    }
  }

  private static boolean modifiedAfter(Path f, FileTime since) {
    try {
      return Files.getLastModifiedTime(f).compareTo(since) >= 0 && Files.size(f) < (64 << 20);
    } catch (IOException e) {
      return false;
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
