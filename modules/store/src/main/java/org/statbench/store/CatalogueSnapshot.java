package org.statbench.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.statbench.core.data.DatasetKind;
import org.statbench.core.data.VariableType;

/**
 * A copy of the catalogue's storage records ({@link Catalogue.DatasetRecord}: dataset names, row
 * counts, column files, variable names and storage; no codes, labels or data) in {@code
 * DIR/catalogue.snapshot}, so that a process that only reads can load columns without starting H2's
 * SQL engine (about 600 classes and a third of a short command's time). In an encrypted workspace
 * the snapshot is sealed with the workspace's small-file key ({@link WorkspaceFiles}), so it holds
 * nothing in clear and an encrypted workspace is read without H2 (and its file cipher) too.
 *
 * <p>H2 stays the store of record; the snapshot is a cache of it that must never disagree with it:
 *
 * <ul>
 *   <li>it is written only when a workspace that opened H2 closes, from what H2 holds at that
 *       moment, under a shared lock on {@code catalogue.mv.db} (so no other process can have H2
 *       open), into a temporary file that is then moved into place atomically;
 *   <li>it carries the size, modification time and file key of {@code catalogue.mv.db} as they are
 *       after H2 closed: any later change to the database (by any program, including versions that
 *       know nothing of the snapshot) makes it stale, and a stale, missing, truncated or damaged
 *       snapshot is ignored and the catalogue read from H2;
 *   <li>a process that opens H2 deletes it first, so it is absent while H2 may be changing;
 *   <li>a reader holds a shared lock on {@code catalogue.mv.db} for as long as it uses the
 *       snapshot, so no process can open H2 (and change the catalogue or delete column files)
 *       meanwhile; H2 itself takes an exclusive lock, so an open H2 keeps readers on the H2 path.
 * </ul>
 */
final class CatalogueSnapshot {
  static final String FILE = "catalogue.snapshot";
  static final String DATABASE = "catalogue.mv.db";
  private static final int MAGIC = 0x53424353; // "SBCS"
  private static final int FORMAT = 1;

  private CatalogueSnapshot() {}

  /** What identifies one state of the H2 database file. */
  record Stamp(long size, long modifiedNanos, String fileKey) {
    /**
     * Field by field: a record's generated {@code equals} bootstraps method handles on first use,
     * tens of milliseconds in a new JVM, which is what the snapshot is there to save.
     */
    boolean sameAs(Stamp o) {
      return size == o.size && modifiedNanos == o.modifiedNanos && fileKey.equals(o.fileKey);
    }

    static Stamp of(Path database) throws IOException {
      BasicFileAttributes a = Files.readAttributes(database, BasicFileAttributes.class);
      Object key = a.fileKey();
      return new Stamp(
          a.size(),
          a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
          key == null ? "" : key.toString());
    }
  }

  /**
   * A shared lock on the workspace's H2 file, or null when H2 holds it (this or another process),
   * the file is missing or cannot be locked. Closing the returned channel releases it.
   */
  static FileChannel lockShared(Path dir) {
    FileChannel ch = null;
    try {
      ch = FileChannel.open(dir.resolve(DATABASE), StandardOpenOption.READ);
      FileLock lock = ch.tryLock(0, Long.MAX_VALUE, true);
      if (lock != null) {
        return ch;
      }
    } catch (IOException | OverlappingFileLockException e) {
      // no lock: the caller takes the H2 path
    }
    closeQuietly(ch);
    return null;
  }

  static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // a read-only channel
      }
    }
  }

  /**
   * The records by dataset name, or null when the snapshot is missing, stale or unreadable. The
   * caller holds {@link #lockShared}.
   */
  static Map<String, Catalogue.DatasetRecord> read(Path dir) {
    return read(dir, WorkspaceFiles.PLAIN);
  }

  /**
   * As {@link #read(Path)}, for a workspace whose small files {@code files} seals: an encrypted
   * workspace's snapshot is sealed under its key (it names datasets and variables), and one in
   * clear is not trusted there.
   */
  static Map<String, Catalogue.DatasetRecord> read(Path dir, WorkspaceFiles files) {
    try {
      byte[] stored = Files.readAllBytes(dir.resolve(FILE));
      if (files.encrypted() != WorkspaceFiles.isSealed(stored)) {
        return null;
      }
      byte[] all = files.decode(dir.resolve(FILE), stored);
      if (all.length < 12) {
        return null;
      }
      CRC32 crc = new CRC32();
      crc.update(all, 0, all.length - 8);
      if (crc.getValue() != ByteBuffer.wrap(all, all.length - 8, 8).getLong()) {
        return null;
      }
      DataInputStream in =
          new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - 8));
      if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
        return null;
      }
      Stamp written = new Stamp(in.readLong(), in.readLong(), string(in));
      if (!written.sameAs(Stamp.of(dir.resolve(DATABASE)))) {
        return null;
      }
      int datasets = in.readInt();
      Map<String, Catalogue.DatasetRecord> out = new HashMap<>();
      for (int d = 0; d < datasets; d++) {
        long id = in.readLong();
        String name = string(in);
        int rows = in.readInt();
        String columnFile = string(in);
        DatasetKind kind = DatasetKind.valueOf(string(in));
        String edition = string(in);
        int n = in.readInt();
        List<Catalogue.VariableRecord> vars = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
          vars.add(
              new Catalogue.VariableRecord(
                  in.readInt(),
                  string(in),
                  VariableType.valueOf(string(in)),
                  Storage.valueOf(string(in)),
                  in.readInt(),
                  string(in)));
        }
        out.put(name, new Catalogue.DatasetRecord(id, name, rows, columnFile, kind, edition, vars));
      }
      return in.available() == 0 ? out : null;
    } catch (IOException | RuntimeException e) {
      // NoSuchFileException, a truncated file, an unknown enum name: read the catalogue from H2
      return null;
    }
  }

  /**
   * Writes the snapshot of {@code records}, which H2 holds now, if no process has H2 open; H2 must
   * be closed in this process. Quietly leaves no snapshot when that cannot be done.
   */
  static void write(Path dir, List<Catalogue.DatasetRecord> records) {
    write(dir, records, WorkspaceFiles.PLAIN);
  }

  /** As {@link #write(Path, List)}, sealed with {@code files} in an encrypted workspace. */
  static void write(Path dir, List<Catalogue.DatasetRecord> records, WorkspaceFiles files) {
    FileChannel lock = lockShared(dir);
    if (lock == null) {
      return;
    }
    Path tmp = dir.resolve(FILE + ".tmp");
    try {
      Stamp stamp = Stamp.of(dir.resolve(DATABASE));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      out.writeLong(stamp.size());
      out.writeLong(stamp.modifiedNanos());
      string(out, stamp.fileKey());
      out.writeInt(records.size());
      for (Catalogue.DatasetRecord r : records) {
        out.writeLong(r.id());
        string(out, r.name());
        out.writeInt(r.rows());
        string(out, r.columnFile());
        string(out, r.kind().name());
        string(out, r.edition());
        out.writeInt(r.variables().size());
        for (Catalogue.VariableRecord v : r.variables()) {
          out.writeInt(v.ord());
          string(out, v.name());
          string(out, v.type().name());
          string(out, v.storage().name());
          out.writeInt(v.dictionarySize());
          string(out, v.source());
        }
      }
      CRC32 crc = new CRC32();
      byte[] body = bytes.toByteArray();
      crc.update(body);
      out.writeLong(crc.getValue());
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(files.encode(dir.resolve(FILE), bytes.toByteArray()));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.deleteIfExists(tmp); // never a half-written snapshot: readers take the H2 path
      }
    } catch (IOException | RuntimeException e) {
      delete(dir);
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // removed by the next write
      }
    } finally {
      closeQuietly(lock);
    }
  }

  /** Removes the snapshot (before this process may change the catalogue through H2). */
  static void delete(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve(FILE));
    } catch (NoSuchFileException ignored) {
      // gone already
    } catch (IOException ignored) {
      // the stamp still tells readers it is stale once H2 writes
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
