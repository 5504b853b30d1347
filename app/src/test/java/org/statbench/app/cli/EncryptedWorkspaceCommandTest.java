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
