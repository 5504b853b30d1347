package org.statbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.h2.tools.ChangeFileEncryption;
import org.statbench.core.StatBenchException;

/**
 * Converts an unencrypted workspace to an encrypted one ({@code workspace encrypt}), in an order
 * that a crash cannot turn into an unreadable workspace: (1) every column file is rewritten with
 * sealed chunks beside the original ({@code ID.mv.sealing}); (2) a new header is written as {@code
 * HEADER.new}; (3) H2 re-encrypts the catalogue in place; (4) the header is renamed into place —
 * from here the workspace is encrypted; (5) the sealed column files replace the originals and the
 * small files are sealed. {@link #recover} finishes or undoes an interrupted conversion at the next
 * open.
 */
final class WorkspaceEncryption {
  private static final String SEALING = ".sealing";
  private static final String NEW = ".new";

  private WorkspaceEncryption() {}

  static void convert(Path dir, char[] passphrase, int iterations) {
    // open once unencrypted: fails clearly when the workspace is in use or damaged
    Workspace.open(dir).close();
    Path columns = dir.resolve("columns");
    Path headerNew = dir.resolve(WorkspaceKey.HEADER + NEW);
    WorkspaceKey key = WorkspaceKey.create(headerNew, passphrase, iterations);
    ChunkCipher cipher = new ChunkCipher(key.columnKey());
    try {
      for (Path f : list(columns, ".mv")) {
        ColumnFile.reseal(f, f.resolveSibling(f.getFileName() + SEALING), cipher);
      }
      ChangeFileEncryption.execute(
          dir.toString(), "catalogue", "AES", null, key.databasePassword().toCharArray(), true);
      Files.move(headerNew, dir.resolve(WorkspaceKey.HEADER), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | SQLException | RuntimeException e) {
      undo(dir);
      throw new StatBenchException(
          "Cannot encrypt the workspace " + dir + ": " + e.getMessage(), e);
    }
    finish(dir, new WorkspaceFiles(key.filesKey()));
  }

  /** Completes (header in place) or undoes (header not yet in place) an interrupted conversion. */
  static void recover(Path dir) {
    if (Files.isRegularFile(dir.resolve(WorkspaceKey.HEADER + NEW))
        && !Files.isRegularFile(dir.resolve(WorkspaceKey.HEADER))) {
      if (catalogueInClear(dir)) {
        undo(dir);
      } else {
        try {
          Files.move(
              dir.resolve(WorkspaceKey.HEADER + NEW),
              dir.resolve(WorkspaceKey.HEADER),
              StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new StatBenchException("Cannot finish encrypting " + dir + ": " + e, e);
        }
      }
    }
    if (Files.isRegularFile(dir.resolve(WorkspaceKey.HEADER))) {
      finishColumns(dir);
    }
  }

  private static boolean catalogueInClear(Path dir) {
    Path db = dir.resolve("catalogue.mv.db");
    if (!Files.isRegularFile(db)) {
      return true;
    }
    try (InputStream in = Files.newInputStream(db)) {
      byte[] head = in.readNBytes(3);
      return new String(head, StandardCharsets.ISO_8859_1).equals("H:2");
    } catch (IOException e) {
      return true;
    }
  }

  private static void undo(Path dir) {
    try {
      for (Path f : list(dir.resolve("columns"), SEALING)) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir.resolve(WorkspaceKey.HEADER + NEW));
    } catch (IOException ignored) {
      // best effort; recover() tries again at the next open
    }
  }

  private static void finishColumns(Path dir) {
    try {
      for (Path f : list(dir.resolve("columns"), SEALING)) {
        String n = f.getFileName().toString();
        Files.move(
            f,
            f.resolveSibling(n.substring(0, n.length() - SEALING.length())),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new StatBenchException("Cannot finish encrypting " + dir + ": " + e, e);
    }
  }

  private static void finish(Path dir, WorkspaceFiles files) {
    finishColumns(dir);
    try {
      // the trace file can quote SQL and values: it has no place in an encrypted workspace
      Files.deleteIfExists(dir.resolve("catalogue.trace.db"));
      // nor the snapshot in clear that the unencrypted open above left (dataset and variable names)
      CatalogueSnapshot.delete(dir);
      for (String sub : new String[] {"clearance", "tables", "cohorts"}) {
        Path d = dir.resolve(sub);
        if (!Files.isDirectory(d)) {
          continue;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(d)) {
          all = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : all) {
          byte[] stored = Files.readAllBytes(f);
          if (!WorkspaceFiles.isSealed(stored)) {
            files.write(f, stored);
          }
        }
      }
    } catch (IOException e) {
      throw new StatBenchException("Cannot encrypt the files of " + dir + ": " + e, e);
    }
  }

  private static List<Path> list(Path dir, String suffix) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (p.getFileName().toString().endsWith(suffix)) {
          out.add(p);
        }
      }
    }
    return out;
  }
}
