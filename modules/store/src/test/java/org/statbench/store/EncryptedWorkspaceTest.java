package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;

class EncryptedWorkspaceTest {
  /** A value that appears nowhere but in the extract: it must never reach a workspace file. */
  static final String SECRET = "Zqxjvwk-Unique-4711";

  @TempDir Path tmp;

  private static final char[] PASS = "a long passphrase".toCharArray();

  private Path extract() {
    return Fixtures.csv(
        tmp, "people.csv", "name,sex,age\n" + SECRET + ",F,31\nBob Smith,M,44\nCarol Jones,F,29\n");
  }

  private static void importPeople(Workspace ws, Path csv) {
    ws.importCsv(ImportRequest.of("people", csv), ProgressListener.NONE, CancellationToken.NONE);
  }

  @Test
  void encryptedWorkspaceHoldsNoPlaintextAndReopensWithItsPassphrase() {
    Path dir = tmp.resolve("ws");
    try (Workspace ws = Workspace.createEncrypted(dir, PASS, 1_000)) {
      importPeople(ws, extract());
      assertThat(ws.files().encrypted()).isTrue();
      ws.auditLog().append("check", "ann", "h", "{\"label\":\"" + SECRET + "\"}");
    }
    assertNoPlaintext(dir);
    try (Workspace ws = Workspace.open(dir, PASS)) {
      assertThat(ws.columns("people", List.of("name")).column("name").text(0)).isEqualTo(SECRET);
      assertThat(ws.auditLog().verify().ok()).isTrue();
    }
  }

  @Test
  void wrongOrMissingPassphraseIsRefusedAndChangesNothing() throws Exception {
    Path dir = tmp.resolve("ws");
    Workspace.createEncrypted(dir, PASS, 1_000).close();
    long before = Files.getLastModifiedTime(dir.resolve("catalogue.mv.db")).toMillis();
    assertThatThrownBy(() -> Workspace.open(dir, "wrong".toCharArray()))
        .isInstanceOf(Crypto.WrongPassphraseException.class)
        .hasMessageContaining("Wrong passphrase");
    assertThatThrownBy(() -> Workspace.open(dir))
        .isInstanceOf(Crypto.WrongPassphraseException.class)
        .hasMessageContaining("encrypted");
    assertThat(Files.getLastModifiedTime(dir.resolve("catalogue.mv.db")).toMillis())
        .isEqualTo(before);
    Workspace.open(dir, PASS).close(); // and it is still usable
  }

  @Test
  void passphraseForAnUnencryptedWorkspaceIsNotAnError() {
    Path dir = tmp.resolve("plain");
    Workspace.open(dir).close();
    Workspace.open(dir, PASS).close();
    assertThat(Workspace.isEncrypted(dir)).isFalse();
  }

  @Test
  void convertingAWorkspaceEncryptsDataAndSmallFiles() throws Exception {
    Path dir = tmp.resolve("ws");
    try (Workspace ws = Workspace.open(dir)) {
      importPeople(ws, extract());
    }
    Files.createDirectories(dir.resolve("clearance"));
    Files.writeString(dir.resolve("clearance/CR-0001.json"), "{\"code\":\"" + SECRET + "\"}");
    Workspace.encrypt(dir, PASS, 1_000);
    assertThat(Workspace.isEncrypted(dir)).isTrue();
    assertNoPlaintext(dir);
    try (Workspace ws = Workspace.open(dir, PASS)) {
      assertThat(ws.columns("people", List.of("name")).column("name").text(0)).isEqualTo(SECRET);
      assertThat(
              new String(
                  ws.files().read(dir.resolve("clearance/CR-0001.json")), StandardCharsets.UTF_8))
          .contains(SECRET);
    }
    assertThatThrownBy(() -> Workspace.encrypt(dir, PASS, 1_000))
        .hasMessageContaining("already encrypted");
  }

  @Test
  void interruptedConversionBeforeTheHeaderIsUndoneAtOpen() throws Exception {
    Path dir = tmp.resolve("ws");
    try (Workspace ws = Workspace.open(dir)) {
      importPeople(ws, extract());
    }
    // a crash after the header was prepared but before the database was re-encrypted
    WorkspaceKey.create(dir.resolve(WorkspaceKey.HEADER + ".new"), PASS, 1_000);
    try (Workspace ws = Workspace.open(dir)) {
      assertThat(ws.columns("people", List.of("name")).column("name").text(0)).isEqualTo(SECRET);
    }
    assertThat(dir.resolve(WorkspaceKey.HEADER + ".new")).doesNotExist();
  }

  @Test
  void spillFilesOfAnEncryptedWorkspaceAreWrittenEncrypted() throws Exception {
    Path dir = tmp.resolve("ws");
    try (Workspace ws = Workspace.createEncrypted(dir, PASS, 1_000)) {
      Path spill = Files.createTempFile(dir, "import", ".spill");
      try (var out = ws.files().newOutputStream(spill)) {
        out.write(("row," + SECRET + "\n").repeat(1000).getBytes(StandardCharsets.UTF_8));
      }
      assertThat(indexOf(Files.readAllBytes(spill), SECRET.getBytes(StandardCharsets.UTF_8)))
          .isEqualTo(-1);
      try (var in = ws.files().newInputStream(spill)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .startsWith("row," + SECRET + "\n")
            .hasSize(1000 * (SECRET.length() + 5));
      }
    }
  }

  @Test
  void theCatalogueSnapshotOfAnEncryptedWorkspaceIsSealedAndReadWithoutH2() throws Exception {
    Path dir = tmp.resolve("ws");
    String variable = "vqzxk_unique_income"; // a variable name is data too
    Path csv = Fixtures.csv(tmp, "v.csv", "name," + variable + "\n" + SECRET + ",12\nBob,7\n");
    try (Workspace ws = Workspace.open(dir)) {
      importPeople(ws, csv);
    }
    assertThat(dir.resolve(CatalogueSnapshot.FILE)).exists(); // the plain one, in clear
    Workspace.encrypt(dir, PASS, 1_000);
    assertNoBytes(dir, variable);
    try (Workspace ws = Workspace.open(dir, PASS)) {
      assertThat(ws.datasets()).hasSize(1); // H2 opened; closing writes the sealed snapshot
    }
    assertThat(WorkspaceFiles.isSealed(Files.readAllBytes(dir.resolve(CatalogueSnapshot.FILE))))
        .isTrue();
    assertNoBytes(dir, variable);
    assertNoPlaintext(dir);
    try (Workspace ws = Workspace.openForQueries(dir, PASS)) {
      assertThat(ws.readsSnapshot()).isTrue();
      assertThat(ws.columns("people", List.of("name", variable)).column(variable).text(1))
          .isEqualTo("7");
    }
    // a snapshot in clear is not trusted in an encrypted workspace
    try (Workspace ws = Workspace.open(dir, PASS)) {
      assertThat(ws.datasets()).hasSize(1);
    }
    byte[] sealed = Files.readAllBytes(dir.resolve(CatalogueSnapshot.FILE));
    assertThat(CatalogueSnapshot.read(dir, WorkspaceFiles.PLAIN)).isNull();
    assertThat(CatalogueSnapshot.read(dir, WorkspaceFiles.of(dir, PASS))).isNotNull();
    Files.write(dir.resolve(CatalogueSnapshot.FILE), Arrays.copyOf(sealed, sealed.length - 1));
    assertThat(CatalogueSnapshot.read(dir, WorkspaceFiles.of(dir, PASS))).isNull();
  }

  private static void assertNoBytes(Path dir, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(indexOf(Files.readAllBytes(f), needle))
            .as(text + " in clear in " + dir.relativize(f))
            .isEqualTo(-1);
      }
    }
  }

  @Test
  void aSealedTemporaryExtractImportsWithNothingInClearWhileTheImportRuns() throws Exception {
    Path dir = tmp.resolve("ws");
    java.util.concurrent.atomic.AtomicInteger scans =
        new java.util.concurrent.atomic.AtomicInteger();
    try (Workspace ws = Workspace.createEncrypted(dir, PASS, 1_000)) {
      // what a linkage "save as linked dataset" or a pseudonymisation writes before importing it
      Path temp = dir.resolve(".linked-1.csv");
      try (var out = ws.files().newOutputStream(temp)) {
        out.write(("name,sex\n" + (SECRET + ",F\n").repeat(2000)).getBytes(StandardCharsets.UTF_8));
      }
      ProgressListener scanning =
          (done, total, message) -> {
            assertNoPlaintext(dir); // the temporary file and the new column file exist now
            scans.incrementAndGet();
          };
      ws.importCsv(ImportRequest.of("linked", temp), scanning, CancellationToken.NONE);
      Files.delete(temp);
      assertThat(scans.get()).isPositive();
      assertThat(ws.columns("linked", List.of("name")).column("name").text(1999)).isEqualTo(SECRET);
    }
    assertNoPlaintext(dir);
  }

  @Test
  void aPlainWorkspaceCannotReadAnotherWorkspacesSealedTemporaryFile() throws Exception {
    Path temp;
    try (Workspace ws = Workspace.createEncrypted(tmp.resolve("ws"), PASS, 1_000)) {
      temp = tmp.resolve("sealed.csv");
      try (var out = ws.files().newOutputStream(temp)) {
        out.write(("name\n" + SECRET + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    try (Workspace plain = Workspace.open(tmp.resolve("plain"))) {
      assertThatThrownBy(() -> importPeople(plain, temp))
          .isInstanceOf(Crypto.WrongPassphraseException.class)
          .hasMessageContaining("sealed.csv is encrypted");
    }
  }

  @Test
  void spilledDictionaryCodesOfAnEncryptedWorkspaceAreEncryptedAndReadBack() throws Exception {
    Path file = Files.createDirectories(tmp.resolve("cols")).resolve("c.mv");
    byte[] codes = (SECRET + "-0123").repeat(64).getBytes(StandardCharsets.UTF_8); // 4-byte codes
    try (ColumnFile.Writer w = ColumnFile.create(file, new ChunkCipher(Crypto.random(32)))) {
      w.spill(0, 0, 4, codes);
      w.spill(0, 1, 4, codes);
      Path spill = tmp.resolve("cols/c.mv.0.spill");
      byte[] raw = Files.readAllBytes(spill);
      assertThat(indexOf(raw, SECRET.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
      assertThat(w.unspill(0, 1, 4, codes.length)).isEqualTo(codes);
      assertThat(w.unspill(0, 0, 4, codes.length)).isEqualTo(codes);
    }
    assertThat(tmp.resolve("cols/c.mv.0.spill")).doesNotExist();
  }

  /** Scans every file under {@code dir} for the secret as UTF-8 and UTF-16 bytes. */
  static void assertNoPlaintext(Path dir) {
    byte[][] needles = {
      SECRET.getBytes(StandardCharsets.UTF_8),
      SECRET.getBytes(StandardCharsets.UTF_16BE),
      SECRET.getBytes(StandardCharsets.UTF_16LE)
    };
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] b;
        try {
          b = Files.readAllBytes(f);
        } catch (java.nio.file.NoSuchFileException gone) {
          continue; // removed while an import runs
        }
        for (byte[] n : needles) {
          assertThat(indexOf(b, n)).as("plaintext in " + dir.relativize(f)).isEqualTo(-1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int indexOf(byte[] hay, byte[] needle) {
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
