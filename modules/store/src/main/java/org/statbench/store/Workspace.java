package org.statbench.store;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.statbench.core.CancellationToken;
import org.statbench.core.FreeHeap;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.ResourceException;
import org.statbench.core.StatBenchException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Code;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;

// Size (over 500 lines): the store's one public facade (open, import, catalogue, columns, derived
// variables, audit log); each part delegates to its own class (Catalogue, CsvImporter, ColumnFile,
// SqlAuditLog). Encryption is already outside it (WorkspaceKey, Pbkdf2, WorkspaceEncryption,
// WorkspaceFiles, ChunkCipher, CatalogueSnapshot's sealing): here it only picks the ciphers at
// open.

/**
 * A workspace: a folder holding one H2 database with the catalogue and the column data of every
 * dataset. Thread-safe; one instance per folder per process.
 *
 * <p>Layout: {@code DIR/catalogue.mv.db} (H2: datasets, variables, codelists, derived variables,
 * audit log) and {@code DIR/columns/<uuid>.mv} (H2 MVStore: one immutable file of column chunks per
 * dataset version, see {@link ColumnFile}). An import writes its column file completely, then one
 * SQL transaction points the catalogue at it; that commit is the switch from the old version to the
 * new one. Column files that no catalogue row references are deleted at {@link #open}.
 *
 * <p>A workspace opened with {@link #openForQueries} reads the catalogue's storage records from
 * {@code DIR/catalogue.snapshot} when that is current (see {@link CatalogueSnapshot}) and starts H2
 * only when something needs it; H2 stays the store of record.
 */
public final class Workspace implements AutoCloseable {
  private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
  private static final String COLUMNS = "columns";

  private final Path dir;
  private final Path columnsDir;
  private final WorkspaceKey key;
  private final WorkspaceFiles smallFiles;
  private final ChunkCipher chunkCipher;
  private SourceCatalogue sources; // with the H2 connection; guarded by lock
  private final Object lock = new Object();
  // H2, opened at open() or, after openForQueries(), on first need; guarded by lock
  private Connection conn;
  private Catalogue catalogue;
  private SqlAuditLog auditLog;

  /**
   * The catalogue's storage records read from the snapshot, or null once H2 is open; while set,
   * {@link #snapshotLock} holds a shared lock on the H2 file. Guarded by lock.
   */
  private Map<String, Catalogue.DatasetRecord> snapshot;

  private java.nio.channels.FileChannel snapshotLock;

  private final ReentrantReadWriteLock filesLock = new ReentrantReadWriteLock();
  private final Map<String, ColumnFile> files = new ConcurrentHashMap<>();
  private final Map<String, SoftReference<Object>> cache = new ConcurrentHashMap<>();

  /**
   * Catalogue entries and storage records by dataset name, read once and dropped when that dataset
   * changes (import, join, kind, drop; always under {@link #lock}, after the commit). Reading a big
   * dataset's codelists and variables from H2 costs hundreds of milliseconds, and a join reads them
   * several times.
   */
  private final Map<String, DatasetInfo> infos = new ConcurrentHashMap<>();

  private final Map<String, Loaded> records = new ConcurrentHashMap<>();
  private long loads; // guarded by lock
  private volatile boolean closed;

  /**
   * A storage record as loaded, numbered so that columns derived from one version of a dataset's
   * definitions are never served for a later one.
   */
  private record Loaded(Catalogue.DatasetRecord rec, long load) {}

  private Workspace(Path dir, WorkspaceKey key) {
    this.key = key;
    this.dir = dir;
    this.chunkCipher = key == null ? ChunkCipher.NONE : new ChunkCipher(key.columnKey());
    this.smallFiles = key == null ? WorkspaceFiles.PLAIN : new WorkspaceFiles(key.filesKey());
    this.columnsDir = dir.resolve(COLUMNS);
  }

  /**
   * Opens (creating when missing) the unencrypted workspace in {@code dir}. Removes column data
   * that no catalogue row points at (left over by a killed import).
   *
   * @throws org.statbench.core.StatBenchException when the folder is not usable or is locked, or
   *     the workspace is encrypted ({@link Crypto.WrongPassphraseException})
   */
  public static Workspace open(Path dir) {
    return open(dir, null, false);
  }

  /**
   * Opens (creating an unencrypted one when missing) the workspace in {@code dir}; an encrypted
   * workspace is unlocked with {@code passphrase}, which is ignored for an unencrypted one.
   *
   * @param passphrase the passphrase, or null; not cleared or kept
   * @throws Crypto.WrongPassphraseException when the workspace is encrypted and the passphrase is
   *     missing or wrong (nothing is changed)
   * @throws org.statbench.core.StatBenchException when the folder is not usable or is locked
   */
  public static Workspace open(Path dir, char[] passphrase) {
    return open(dir, passphrase, false);
  }

  /**
   * Opens the workspace for a process that mostly reads (e.g. {@code tabulate}): when the catalogue
   * snapshot is current, columns are loaded without starting H2's SQL engine, and H2 is opened only
   * when something needs it (an import, a codelist, a derived variable's mapping, the audit log).
   * Otherwise exactly {@link #open}. Results never differ from {@link #open}'s; while it reads from
   * the snapshot, no other program can open the workspace, as with {@link #open}. An encrypted
   * workspace's snapshot is sealed under its key (it names datasets and variables).
   *
   * @param passphrase as for {@link #open(Path, char[])}
   * @throws org.statbench.core.StatBenchException when the folder is not usable or is locked
   */
  public static Workspace openForQueries(Path dir, char[] passphrase) {
    return open(dir, passphrase, true);
  }

  /** {@link #openForQueries(Path, char[])} of an unencrypted workspace. */
  public static Workspace openForQueries(Path dir) {
    return open(dir, null, true);
  }

  private static Workspace open(Path dir, char[] passphrase, boolean snapshotFirst) {
    Path abs = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(abs.resolve(COLUMNS));
    } catch (IOException e) {
      throw new StatBenchException("Cannot create the workspace folder " + abs + ": " + e, e);
    }
    WorkspaceEncryption.recover(abs);
    WorkspaceKey key = WorkspaceKey.load(abs, passphrase);
    if (!OPEN.add(abs)) {
      throw new StatBenchException("The workspace " + abs + " is already open in this program");
    }
    Workspace ws = new Workspace(abs, key);
    try {
      synchronized (ws.lock) {
        if (!(snapshotFirst && ws.readSnapshot())) {
          ws.connect();
        }
      }
      return ws;
    } catch (RuntimeException e) {
      OPEN.remove(abs);
      throw e;
    }
  }

  /** Uses the catalogue snapshot when it is current; caller holds the lock. */
  private boolean readSnapshot() {
    java.nio.channels.FileChannel held = CatalogueSnapshot.lockShared(dir);
    if (held == null) {
      return false;
    }
    Map<String, Catalogue.DatasetRecord> read = CatalogueSnapshot.read(dir, smallFiles);
    if (read == null) {
      CatalogueSnapshot.closeQuietly(held);
      return false;
    }
    snapshot = read;
    snapshotLock = held;
    return true;
  }

  /**
   * Opens H2 unless it is open: leaves the snapshot (and forgets what was read from it) and removes
   * the snapshot file, which is stale from now on until {@link #close} writes it again. Caller
   * holds the lock.
   */
  private void h2() {
    if (conn != null) {
      return;
    }
    if (snapshot != null) {
      snapshot = null;
      infos.clear();
      records.clear();
      CatalogueSnapshot.closeQuietly(snapshotLock);
      snapshotLock = null;
    }
    connect();
  }

  private void connect() {
    Connection c = null;
    try {
      c =
          key == null
              ? DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("catalogue"), "sa", "")
              : DriverManager.getConnection(
                  "jdbc:h2:file:" + dir.resolve("catalogue") + ";CIPHER=AES",
                  "sa",
                  key.databasePassword() + " ");
      c.setAutoCommit(false);
      catalogue = new Catalogue(c);
      auditLog = new SqlAuditLog(c, lock);
      sources = new SourceCatalogue(c);
      conn = c;
      CatalogueSnapshot.delete(dir);
      removeOrphans();
    } catch (SQLException e) {
      forgetConnection(c);
      if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
        throw new StatBenchException(
            "The workspace "
                + dir
                + " is in use by another program (is StatBench already running on it?)",
            e);
      }
      throw new StatBenchException("Cannot open the workspace " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      forgetConnection(c);
      throw e;
    }
  }

  private void forgetConnection(Connection c) {
    conn = null;
    catalogue = null;
    auditLog = null;
    sources = null;
    closeQuietly(c);
  }

  /**
   * Starts deriving the key of the encrypted workspace in {@code dir} in the background, so that a
   * command's start-up and the slow key derivation overlap; the {@link #open} that follows uses it
   * (each key is derived once per process). Does nothing for an unencrypted workspace.
   */
  public static void prefetchKey(Path dir, char[] passphrase) {
    WorkspaceKey.prefetch(dir.toAbsolutePath().normalize(), passphrase);
  }

  /**
   * True when this process has derived, or is deriving, the key {@code passphrase} gives the
   * encrypted workspace in {@code dir} (so an open will not derive it again).
   */
  public static boolean keyDerivedOrDeriving(Path dir, char[] passphrase) {
    return WorkspaceKey.derivedOrDeriving(dir.toAbsolutePath().normalize(), passphrase);
  }

  /** Forgets the workspace keys derived in this process; a later open derives again. */
  public static void forgetDerivedKeys() {
    WorkspaceKey.forgetDerived();
  }

  /** True when the folder holds an encrypted workspace (a passphrase is needed to open it). */
  public static boolean isEncrypted(Path dir) {
    return WorkspaceKey.isEncrypted(dir.toAbsolutePath().normalize());
  }

  /**
   * Creates a new, empty encrypted workspace in {@code dir} (which must not hold a workspace yet).
   *
   * @param iterations PBKDF2 iterations ({@link Crypto#ITERATIONS} unless testing)
   */
  public static Workspace createEncrypted(Path dir, char[] passphrase, int iterations) {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.exists(abs.resolve("catalogue.mv.db"))) {
      throw new StatBenchException(
          "There is already a workspace in " + abs + "; use workspace encrypt to convert it");
    }
    try {
      Files.createDirectories(abs.resolve(COLUMNS));
    } catch (IOException e) {
      throw new StatBenchException("Cannot create the workspace folder " + abs + ": " + e, e);
    }
    WorkspaceKey.create(abs.resolve(WorkspaceKey.HEADER), passphrase, iterations);
    return open(abs, passphrase);
  }

  /**
   * Converts the (closed, unencrypted) workspace in {@code dir} to an encrypted one: the database
   * gets H2 file encryption, every column file is rewritten with sealed chunks, and the small files
   * (clearance, saved definitions) are sealed. A missing or empty folder becomes a new encrypted
   * workspace.
   *
   * @throws StatBenchException when it is already encrypted or cannot be converted
   */
  public static void encrypt(Path dir, char[] passphrase, int iterations) {
    Path abs = dir.toAbsolutePath().normalize();
    if (WorkspaceKey.isEncrypted(abs)) {
      throw new StatBenchException("The workspace " + abs + " is already encrypted");
    }
    if (!Files.exists(abs.resolve("catalogue.mv.db"))) {
      createEncrypted(abs, passphrase, iterations).close();
      return;
    }
    WorkspaceEncryption.convert(abs, passphrase, iterations);
  }

  private static void closeQuietly(Connection conn) {
    if (conn != null) {
      try {
        conn.close();
      } catch (SQLException ignored) {
        // already failing
      }
    }
  }

  private void removeOrphans() throws SQLException {
    Set<String> referenced = catalogue.columnFiles();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(columnsDir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        String id = name.endsWith(".mv") ? name.substring(0, name.length() - 3) : name;
        if (!referenced.contains(id) && !files.containsKey(id)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new StatBenchException("Cannot clean the workspace folder " + columnsDir + ": " + e, e);
    }
  }

  /** The workspace folder. */
  public Path directory() {
    return dir;
  }

  /** All datasets, ordered by name. */
  public List<DatasetInfo> datasets() {
    return sql(
        () -> {
          List<DatasetInfo> out = new ArrayList<>();
          for (String name : catalogue.names()) {
            out.add(info(name));
          }
          return out;
        });
  }

  /** The catalogue entry of a dataset, or null; caller holds the lock. */
  private DatasetInfo info(String name) throws SQLException {
    DatasetInfo info = infos.get(name);
    if (info == null) {
      long id = catalogue.id(name);
      if (id < 0) {
        return null;
      }
      info = catalogue.info(id);
      infos.put(name, info);
    }
    return info;
  }

  /** Forgets what was read of a dataset's catalogue entry; caller holds the lock. */
  private void changed(String name) {
    infos.remove(name);
    records.remove(name);
  }

  /**
   * The catalogue entry of a dataset.
   *
   * @throws InputException naming the dataset when it does not exist
   */
  public DatasetInfo dataset(String name) {
    return sql(
        () -> {
          DatasetInfo info = info(name);
          if (info == null) {
            throw unknownDataset(name);
          }
          return info;
        });
  }

  private static InputException unknownDataset(String name) {
    return new InputException("Unknown dataset '" + CsvImporter.abbreviate(name) + "'");
  }

  /** True when a dataset of that name exists. */
  public boolean hasDataset(String name) {
    synchronized (lock) {
      checkOpen();
      if (snapshot != null) {
        return snapshot.containsKey(name);
      }
    }
    return sql(() -> infos.containsKey(name) || catalogue.id(name) >= 0);
  }

  /**
   * Imports a CSV extract atomically: on success the dataset (replacing one of the same name) is in
   * the catalogue; on any failure, cancellation or crash the workspace is exactly as before.
   *
   * @param progress receives bytes read of the file size
   * @throws InputException for bad input, naming file, line and column
   * @throws org.statbench.core.CancelledException when cancelled
   */
  public DatasetInfo importCsv(
      ImportRequest request, ProgressListener progress, CancellationToken cancel) {
    checkOpen();
    if (request.name().isBlank()) {
      throw new InputException("The dataset name must not be empty");
    }
    ProgressListener p = progress == null ? ProgressListener.NONE : progress;
    CancellationToken c = cancel == null ? CancellationToken.NONE : cancel;
    sql(() -> null); // H2 now: an import always writes the catalogue, so say early when it cannot
    String id = UUID.randomUUID().toString();
    Path file = columnsDir.resolve(id + ".mv");
    String doing =
        "importing "
            + request.file().getFileName()
            + " as dataset '"
            + CsvImporter.abbreviate(request.name())
            + "'";
    String old;
    CsvImporter.Parsed parsed;
    ColumnFile.Writer writer = null;
    CsvImporter importer = null;
    try {
      checkFits(request, doing);
      // Chunks go to the new column file while the extract is read, so the heap holds a few
      // chunks per column whatever the number of rows; the catalogue commit below is the switch.
      writer = ColumnFile.create(file, chunkCipher);
      importer = new CsvImporter(request, p, c, writer).readingWith(smallFiles);
      parsed = importer.parse();
      c.throwIfCancelled();
      writer.finish(parsed.rows(), keySeed(parsed.sha256()));
      c.throwIfCancelled();
      synchronized (lock) {
        checkOpen();
        h2();
        try {
          old =
              catalogue.replace(
                  request.name(),
                  request.file().toString(),
                  parsed.sha256(),
                  parsed.rows(),
                  id,
                  parsed.columns());
        } finally {
          changed(request.name());
        }
      }
    } catch (InputException | org.statbench.core.CancelledException e) {
      abandon(writer, file);
      throw e;
    } catch (SQLException | RuntimeException | Error e) {
      // what the import had written when it failed, scaled to the whole extract
      long needed =
          writer == null || importer == null || importer.fractionRead() < 0.01
              ? -1
              : (long) (writer.bytesStaged() / importer.fractionRead());
      abandon(writer, file);
      ResourceException r = resourceFailure(e, doing, request, needed);
      if (r != null) {
        throw r;
      }
      if (e instanceof SQLException) {
        throw new StatBenchException("Cannot update the workspace catalogue: " + e.getMessage(), e);
      }
      if (e instanceof Error err) {
        throw err;
      }
      throw (RuntimeException) e;
    }
    if (old != null) {
      release(old);
    }
    return dataset(request.name());
  }

  /**
   * Refuses an import that, judged from the file size and a sample of its rows, needs more disk
   * space in the workspace folder or more heap than is free, before any work is done.
   */
  private void checkFits(ImportRequest request, String doing) {
    if (!Files.isRegularFile(request.file())) {
      return; // the importer says what is wrong with it
    }
    ImportEstimate e = ImportEstimate.of(request, smallFiles);
    long freeDisk = ResourceException.freeSpace(dir);
    if (freeDisk >= 0 && e.diskBytes() > freeDisk) {
      throw ResourceException.beforeStart(
          ResourceException.Kind.DISK_FULL,
          "Not enough disk space for "
              + doing
              + " in "
              + dir
              + ": "
              + e.describe()
              + ", and "
              + ResourceException.megabytes(freeDisk)
              + " are free. Free some space or use a workspace folder on another disk.");
    }
    long freeHeap = FreeHeap.forWork(e.heapBytes());
    if (e.heapBytes() > freeHeap) {
      throw ResourceException.beforeStart(
          ResourceException.Kind.OUT_OF_MEMORY,
          ResourceException.outOfMemory(doing, null)
              .getMessage()
              .replace(" Nothing was changed.", "")
              .replaceFirst(
                  "^Out of memory while [^:]*:",
                  "Not enough memory for "
                      + doing
                      + ": "
                      + e.describe()
                      + ", and "
                      + ResourceException.megabytes(freeHeap)
                      + " of heap are free;"));
    }
  }

  /**
   * A failed import as the resource failure it is (out of memory, disk full, read-only folder),
   * with the space the import needs estimated from the extract; null for other failures. Called
   * after the partial column file is deleted, so the free space is what the user has.
   */
  private ResourceException resourceFailure(
      Throwable e, String doing, ImportRequest request, long written) {
    if (e instanceof ResourceException said) {
      return said; // refused before starting, or the extract went away: already has its figures
    }
    ResourceException r = ResourceException.classify(e, doing, dir);
    if (r != null && r.kind() == ResourceException.Kind.DISK_FULL) {
      long needed = Math.max(written, ImportEstimate.of(request, smallFiles).diskBytes());
      return ResourceException.diskFull(doing, dir, needed, ResourceException.freeSpace(dir), e);
    }
    return r;
  }

  /** Closes and deletes an unfinished column file and its spill files. */
  private static void abandon(ColumnFile.Writer writer, Path file) {
    if (writer != null) {
      try {
        writer.close();
      } catch (RuntimeException ignored) {
        // removed at the next open
      }
    }
    deleteQuietly(file);
  }

  private static long keySeed(String sha256) {
    return Long.parseUnsignedLong(sha256.substring(0, 16), 16);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // removed at the next open
    }
  }

  /** Closes and deletes a column file no catalogue row points at any more. */
  private void release(String columnFile) {
    filesLock.writeLock().lock();
    try {
      ColumnFile f = files.remove(columnFile);
      if (f != null) {
        f.close();
      }
      cache.keySet().removeIf(k -> k.startsWith(columnFile + "/"));
      deleteQuietly(columnsDir.resolve(columnFile + ".mv"));
    } finally {
      filesLock.writeLock().unlock();
    }
  }

  /**
   * Loads the named variables (imported or derived) of a dataset into memory. Results are cached
   * per workspace; the returned columns are immutable and may be shared between threads.
   *
   * @throws InputException naming the variable or dataset when unknown
   */
  public DatasetColumns columns(String dataset, Collection<String> variables) {
    Loaded loaded = loadedFor(dataset, variables);
    Catalogue.DatasetRecord rec = loaded.rec();
    List<Catalogue.VariableRecord> wanted = wanted(rec, dataset, variables);
    Map<String, Column> out = new LinkedHashMap<>();
    Map<String, Column> got = new ConcurrentHashMap<>();
    String doing = loadingWhat(dataset, rec.rows(), wanted);
    // Distinct by name, not by the record's equals: that bootstraps method handles on first use,
    // tens of milliseconds of a short command's start-up.
    Map<String, Catalogue.VariableRecord> distinct = new LinkedHashMap<>();
    for (Catalogue.VariableRecord vr : wanted) {
      distinct.putIfAbsent(vr.name(), vr);
    }
    // Two columns at a time: reading and copying chunks is memory-bound, and the machine is small.
    try {
      new ArrayList<>(distinct.values())
          .parallelStream().forEach(vr -> got.put(vr.name(), column(loaded, vr)));
    } catch (OutOfMemoryError e) {
      throw ResourceException.outOfMemory(doing, e);
    }
    for (Catalogue.VariableRecord vr : wanted) {
      out.put(vr.name(), got.get(vr.name()));
    }
    return new DatasetColumns(rec.name(), rec.rows(), out);
  }

  /**
   * The named variables of a dataset read one slice of records at a time, for work over columns
   * larger than the heap (see {@link ColumnSlices}). Nothing is loaded until a slice is asked for.
   *
   * @throws InputException naming the variable or dataset when unknown
   */
  public ColumnSlices columnSlices(String dataset, Collection<String> variables) {
    Loaded loaded = loadedFor(dataset, variables);
    Catalogue.DatasetRecord rec = loaded.rec();
    return new ColumnSlices(
        rec,
        wanted(rec, dataset, variables),
        vr -> withFile(rec, f -> f.dictionary(vr.ord(), vr.dictionarySize())),
        vr -> sql(() -> catalogue.mapping(rec.id(), vr.ord())),
        (ord, chunk) -> withFile(rec, f -> f.chunkOf(ord, chunk)),
        chunk -> withFile(rec, f -> f.recordKeyChunk(chunk)));
  }

  /**
   * Heap bytes the named variables of a dataset take when loaded whole by {@link #columns} (rows
   * times bytes per value; dictionaries not counted); 0 for a database source.
   *
   * @throws InputException naming the variable or dataset when unknown
   */
  public long columnBytes(String dataset, Collection<String> variables) {
    Catalogue.DatasetRecord rec = record(dataset).rec();
    if (rec.kind() == DatasetKind.SOURCE) {
      return 0;
    }
    return bytesInMemory(rec.rows(), wanted(rec, dataset, variables));
  }

  private Loaded loadedFor(String dataset, Collection<String> variables) {
    Loaded first = record(dataset);
    if (readsSnapshot() && derivedAmong(first.rec(), variables)) {
      sql(() -> null); // a derived variable's mapping is in H2: open it, and read the record there
      first = record(dataset);
    }
    Loaded loaded = first;
    if (loaded.rec().kind() == DatasetKind.SOURCE) {
      throw new InputException(
          "Dataset '"
              + CsvImporter.abbreviate(dataset)
              + "' is a database source: its records stay in the database (tables and cohorts"
              + " are computed there)");
    }
    return loaded;
  }

  private static List<Catalogue.VariableRecord> wanted(
      Catalogue.DatasetRecord rec, String dataset, Collection<String> variables) {
    List<Catalogue.VariableRecord> wanted = new ArrayList<>();
    for (String v : variables) {
      Catalogue.VariableRecord vr = rec.variable(v);
      if (vr == null) {
        throw new InputException(
            "Unknown variable '"
                + CsvImporter.abbreviate(v)
                + "' in dataset '"
                + CsvImporter.abbreviate(dataset)
                + "'");
      }
      wanted.add(vr);
    }
    return wanted;
  }

  private static boolean derivedAmong(Catalogue.DatasetRecord rec, Collection<String> variables) {
    for (String v : variables) {
      Catalogue.VariableRecord vr = rec.variable(v);
      if (vr != null && vr.storage() == Storage.DERIVED) {
        return true;
      }
    }
    return false;
  }

  /** Heap the variables' values take in memory: {@code rows} x bytes per value, each name once. */
  private static long bytesInMemory(int rows, List<Catalogue.VariableRecord> wanted) {
    long bytes = 0;
    Set<String> seen = new java.util.HashSet<>();
    for (Catalogue.VariableRecord vr : wanted) {
      if (seen.add(vr.name())) {
        bytes +=
            (long) rows
                * switch (vr.storage()) {
                  case BYTE_CODES, DERIVED -> 1;
                  case INT_CODES, EPOCH_DAYS -> 4;
                  case DOUBLES -> 8;
                };
      }
    }
    return bytes;
  }

  /**
   * What loading columns means, with the heap they take ({@code rows} x bytes per value), for
   * messages; refuses at once when they could never fit in the maximum heap.
   */
  private static String loadingWhat(
      String dataset, int rows, List<Catalogue.VariableRecord> wanted) {
    long bytes = bytesInMemory(rows, wanted);
    List<String> names = new ArrayList<>();
    for (Catalogue.VariableRecord vr : wanted) {
      names.add(CsvImporter.abbreviate(vr.name()));
    }
    String doing =
        String.format(
            java.util.Locale.ROOT,
            "loading %s of dataset '%s' (%,d rows: about %s in memory)",
            String.join(", ", names),
            CsvImporter.abbreviate(dataset),
            rows,
            ResourceException.megabytes(bytes));
    if (bytes > Runtime.getRuntime().maxMemory()) {
      throw ResourceException.outOfMemory(doing, null);
    }
    return doing;
  }

  private Loaded record(String dataset) {
    Loaded l = records.get(dataset);
    if (l != null) {
      return l;
    }
    l =
        catalogueRead(
            () -> {
              Catalogue.DatasetRecord rec =
                  snapshot != null ? snapshot.get(dataset) : catalogue.record(dataset);
              if (rec == null) {
                return null;
              }
              Loaded fresh = new Loaded(rec, ++loads);
              records.put(dataset, fresh);
              return fresh;
            });
    if (l == null) {
      throw unknownDataset(dataset);
    }
    return l;
  }

  private Column column(Loaded loaded, Catalogue.VariableRecord vr) {
    Catalogue.DatasetRecord rec = loaded.rec();
    String key =
        rec.columnFile()
            + (vr.storage() == Storage.DERIVED
                ? "/d/" + vr.name() + "@" + loaded.load()
                : "/" + vr.ord());
    Object cached = get(key);
    if (cached != null) {
      return (Column) cached;
    }
    Column c;
    if (vr.storage() == Storage.DERIVED) {
      Catalogue.VariableRecord src = rec.variable(vr.source());
      if (src == null) {
        throw new StatBenchException(
            "The workspace is damaged: source variable of " + vr.name() + " is missing");
      }
      CategoricalColumn source = (CategoricalColumn) column(loaded, src);
      byte[] stored = sql(() -> catalogue.mapping(rec.id(), vr.ord()));
      if (stored == null) {
        throw new StatBenchException(
            "The workspace is damaged: the mapping of " + vr.name() + " is missing");
      }
      c = derive(vr.name(), source, CodeMapping.decode(stored, source.dictionary(), vr.name()));
    } else {
      c = withFile(rec, f -> load(f, rec.rows(), vr));
    }
    cache.put(key, new SoftReference<>(c));
    return c;
  }

  private Object get(String key) {
    SoftReference<Object> ref = cache.get(key);
    return ref == null ? null : ref.get();
  }

  private <T> T withFile(
      Catalogue.DatasetRecord rec, java.util.function.Function<ColumnFile, T> f) {
    filesLock.readLock().lock();
    try {
      checkOpen();
      ColumnFile file =
          files.computeIfAbsent(
              rec.columnFile(), id -> ColumnFile.open(columnsDir.resolve(id + ".mv"), chunkCipher));
      return f.apply(file);
    } finally {
      filesLock.readLock().unlock();
    }
  }

  private static Column load(ColumnFile f, int rows, Catalogue.VariableRecord vr) {
    return switch (vr.storage()) {
      case BYTE_CODES ->
          CategoricalColumn.ofBytes(
              vr.name(),
              vr.type(),
              f.dictionary(vr.ord(), vr.dictionarySize()),
              f.bytes(vr.ord(), rows));
      case INT_CODES ->
          CategoricalColumn.ofInts(
              vr.name(),
              vr.type(),
              f.dictionary(vr.ord(), vr.dictionarySize()),
              f.ints(vr.ord(), rows));
      case DOUBLES -> new NumericColumn(vr.name(), vr.type(), f.doubles(vr.ord(), rows));
      case EPOCH_DAYS -> new DateColumn(vr.name(), f.ints(vr.ord(), rows));
      case DERIVED -> throw new IllegalStateException("derived variables are not stored");
    };
  }

  /** Maps a categorical column's codes through a code mapping: one pass over primitive codes. */
  static CategoricalColumn derive(
      String name, CategoricalColumn source, Map<String, String> mapping) {
    return derive(name, source, CodeMapping.of(source.dictionary(), mapping));
  }

  /** Maps a categorical column's codes through a resolved mapping: one look-up per record. */
  static CategoricalColumn derive(String name, CategoricalColumn source, CodeMapping mapping) {
    List<String> dict = mapping.targets();
    int[] map = mapping.lut();
    int n = source.size();
    if (source.isByteEncoded()) {
      byte[] src = source.byteCodes();
      byte[] lut = new byte[256];
      java.util.Arrays.fill(lut, (byte) -1);
      for (int i = 0; i < map.length; i++) {
        lut[i] = (byte) map[i];
      }
      if (dict.size() <= CategoricalColumn.MAX_BYTE_CODES) {
        byte[] out = new byte[n];
        for (int r = 0; r < n; r++) {
          out[r] = lut[src[r] & 0xFF];
        }
        return CategoricalColumn.ofBytes(name, VariableType.CATEGORICAL, dict, out);
      }
      int[] out = new int[n];
      for (int r = 0; r < n; r++) {
        int c = src[r] & 0xFF;
        out[r] = c == 0xFF ? -1 : map[c];
      }
      return CategoricalColumn.ofInts(name, VariableType.CATEGORICAL, dict, out);
    }
    int[] src = source.intCodes();
    if (dict.size() <= CategoricalColumn.MAX_BYTE_CODES) {
      byte[] out = new byte[n];
      for (int r = 0; r < n; r++) {
        int c = src[r];
        out[r] = (byte) (c < 0 ? -1 : map[c]);
      }
      return CategoricalColumn.ofBytes(name, VariableType.CATEGORICAL, dict, out);
    }
    int[] out = new int[n];
    for (int r = 0; r < n; r++) {
      int c = src[r];
      out[r] = c < 0 ? -1 : map[c];
    }
    return CategoricalColumn.ofInts(name, VariableType.CATEGORICAL, dict, out);
  }

  /** Records per source dictionary code; the last element counts missing values. */
  private static long[] histogram(CategoricalColumn source) {
    int n = source.dictionary().size();
    long[] out = new long[n + 1];
    if (source.isByteEncoded()) {
      long[] h = new long[256];
      for (byte b : source.byteCodes()) {
        h[b & 0xFF]++;
      }
      System.arraycopy(h, 0, out, 0, n);
      out[n] = h[0xFF];
    } else {
      for (int c : source.intCodes()) {
        out[c < 0 ? n : c]++;
      }
    }
    return out;
  }

  /**
   * Per-record keys for cell-key perturbation, uniform in [0, 1), assigned once at import and kept
   * with the dataset (the same record always has the same key). Returns a fresh copy.
   */
  public double[] recordKeys(String dataset) {
    Catalogue.DatasetRecord rec = record(dataset).rec();
    String key = rec.columnFile() + "/keys";
    double[] keys = (double[]) get(key);
    if (keys == null) {
      keys = withFile(rec, f -> f.recordKeys(rec.rows()));
      cache.put(key, new SoftReference<>(keys));
    }
    return keys.clone();
  }

  /** Marks a dataset as an extract or a lookup with an edition (e.g. "2011"), or null. */
  public DatasetInfo setKind(String dataset, DatasetKind kind, String edition) {
    java.util.Objects.requireNonNull(kind, "kind");
    return sql(
        () -> {
          long id = catalogue.id(dataset);
          if (id < 0) {
            throw unknownDataset(dataset);
          }
          try {
            catalogue.setKind(id, kind, edition);
          } finally {
            changed(dataset);
          }
          return info(dataset);
        });
  }

  /**
   * A named text property kept with a dataset (e.g. {@code survey.design}), or null. Properties
   * survive a re-import of the dataset and go when it is dropped.
   *
   * @throws InputException when the dataset is unknown
   */
  public String property(String dataset, String name) {
    return sql(
        () -> {
          if (catalogue.id(dataset) < 0) {
            throw unknownDataset(dataset);
          }
          return catalogue.property(dataset, name);
        });
  }

  /**
   * Sets a named text property of a dataset, or removes it when {@code value} is null.
   *
   * @throws InputException when the dataset is unknown
   */
  public void setProperty(String dataset, String name, String value) {
    java.util.Objects.requireNonNull(name, "name");
    sql(
        () -> {
          if (catalogue.id(dataset) < 0) {
            throw unknownDataset(dataset);
          }
          catalogue.setProperty(dataset, name, value);
          return null;
        });
  }

  /** The edition of a lookup dataset, or null. */
  public String edition(String dataset) {
    return record(dataset).rec().edition();
  }

  /**
   * Adds (or replaces, by name) derived variables on a dataset, in one transaction.
   *
   * @throws InputException when a name clashes with an imported variable or the source is unknown
   */
  public DatasetInfo addDerivedVariables(String dataset, List<DerivedVariable> variables) {
    return addDerivedVariables(dataset, variables, CancellationToken.NONE);
  }

  /**
   * Adds (or replaces, by name) derived variables on a dataset, in one transaction: on failure or
   * cancellation (polled until the commit) the dataset is unchanged. Each mapping is resolved
   * against its source's dictionary and stored compactly (see {@link CodeMapping}); the derived
   * columns themselves are not materialised here, only when loaded.
   *
   * @throws InputException when a name clashes with an imported variable or the source is unknown
   * @throws org.statbench.core.CancelledException when cancelled before the commit
   */
  public DatasetInfo addDerivedVariables(
      String dataset, List<DerivedVariable> variables, CancellationToken cancel) {
    CancellationToken c = cancel == null ? CancellationToken.NONE : cancel;
    sql(() -> null); // H2 now: this writes the catalogue
    Loaded loaded = record(dataset);
    Catalogue.DatasetRecord rec = loaded.rec();
    Map<String, DerivedVariable> byName = new LinkedHashMap<>();
    for (DerivedVariable d : variables) {
      byName.put(d.name(), d);
    }
    List<Catalogue.DerivedRow> rows = new ArrayList<>();
    Map<String, long[]> histograms = new HashMap<>();
    for (DerivedVariable d : byName.values()) {
      c.throwIfCancelled();
      Catalogue.VariableRecord existing = rec.variable(d.name());
      if (existing != null && existing.storage() != Storage.DERIVED) {
        throw new InputException(
            "Cannot add the variable '"
                + CsvImporter.abbreviate(d.name())
                + "' to dataset '"
                + CsvImporter.abbreviate(dataset)
                + "': it already has an imported variable of that name");
      }
      Catalogue.VariableRecord src = rec.variable(d.source());
      if (src == null || src.storage() == Storage.DERIVED) {
        throw new InputException(
            "Cannot derive '"
                + CsvImporter.abbreviate(d.name())
                + "': dataset '"
                + CsvImporter.abbreviate(dataset)
                + "' has no imported variable '"
                + CsvImporter.abbreviate(d.source())
                + "'");
      }
      if (src.type() != VariableType.CATEGORICAL && src.type() != VariableType.TEXT) {
        throw new InputException(
            "Cannot derive '"
                + CsvImporter.abbreviate(d.name())
                + "' from '"
                + CsvImporter.abbreviate(d.source())
                + "': it is "
                + src.type().key()
                + ", not categorical or text");
      }
      CategoricalColumn source = (CategoricalColumn) column(loaded, src);
      // One pass over the records per source, however many variables map it.
      long[] hist = histograms.computeIfAbsent(src.name(), k -> histogram(source));
      CodeMapping mapping = CodeMapping.of(source.dictionary(), d.mapping());
      int[] lut = mapping.lut();
      long[] counts = new long[mapping.targets().size()];
      long missing = hist[lut.length];
      for (int i = 0; i < lut.length; i++) {
        if (lut[i] < 0) {
          missing += hist[i];
        } else {
          counts[lut[i]] += hist[i];
        }
      }
      List<Code> codes = new ArrayList<>(counts.length);
      for (int i = 0; i < counts.length; i++) {
        codes.add(new Code(mapping.targets().get(i), null, counts[i]));
      }
      rows.add(new Catalogue.DerivedRow(d, codes, missing, mapping.encode(counts)));
    }
    c.throwIfCancelled();
    synchronized (lock) {
      checkOpen();
      c.throwIfCancelled();
      Catalogue.DatasetRecord now = sql(() -> catalogue.record(dataset));
      if (now == null || !now.columnFile().equals(rec.columnFile())) {
        throw new StatBenchException(
            "Dataset '" + CsvImporter.abbreviate(dataset) + "' changed meanwhile; try again");
      }
      DatasetInfo before = infos.get(dataset);
      try {
        sql(
            () -> {
              catalogue.putDerived(now, rows);
              return null;
            });
        if (before != null) {
          // What reading the entry back would give, without re-reading every codelist.
          infos.put(dataset, withDerived(before, rows));
        }
      } catch (RuntimeException | Error e) {
        changed(dataset);
        throw e;
      } finally {
        records.remove(dataset);
        String prefix = rec.columnFile() + "/d/";
        cache.keySet().removeIf(k -> k.startsWith(prefix));
      }
    }
    return dataset(dataset);
  }

  /** A catalogue entry with derived variables replaced by name (in place) or appended. */
  private static DatasetInfo withDerived(DatasetInfo before, List<Catalogue.DerivedRow> rows) {
    List<VariableInfo> vars = new ArrayList<>(before.variables());
    for (Catalogue.DerivedRow row : rows) {
      DerivedVariable d = row.definition();
      VariableInfo v =
          new VariableInfo(
              d.name(),
              d.label(),
              VariableType.CATEGORICAL,
              row.missing(),
              row.codes(),
              Catalogue.derivedFrom(d));
      int at = -1;
      for (int i = 0; i < vars.size(); i++) {
        if (vars.get(i).name().equals(d.name())) {
          at = i;
        }
      }
      if (at >= 0) {
        vars.set(at, v);
      } else {
        vars.add(v);
      }
    }
    return new DatasetInfo(
        before.name(),
        before.sourceFile(),
        before.sha256(),
        before.importedAt(),
        before.rows(),
        vars,
        before.kind());
  }

  /** Removes a dataset and its data (for a database source: only its catalogue entry). */
  public void drop(String dataset) {
    String file =
        sql(
            () -> {
              try {
                String f = catalogue.drop(dataset);
                if (f != null) {
                  catalogue.setProperty(dataset, null, null);
                }
                sources.removeOrphans();
                return f;
              } finally {
                changed(dataset);
              }
            });
    if (file == null) {
      throw unknownDataset(dataset);
    }
    if (!file.isEmpty()) {
      release(file);
    }
  }

  /**
   * Adds (or replaces) a database source: a catalogue entry of kind {@link DatasetKind#SOURCE} with
   * the variables and codelists read from the database. Nothing of the records is copied, and no
   * password is stored.
   *
   * @param rows the number of records when it was added
   * @throws InputException when an imported dataset already has that name
   */
  public DatasetInfo addSource(DatabaseSource source, long rows, List<VariableInfo> variables) {
    return sql(
        () -> {
          try {
            sources.put(source, rows, variables);
          } finally {
            changed(source.name());
          }
          return info(source.name());
        });
  }

  /** The connection details of a database source, or null when the dataset is not a source. */
  public DatabaseSource source(String dataset) {
    synchronized (lock) {
      // read from the catalogue snapshot: an imported dataset is no source, and asking must not
      // start H2's SQL engine on a short read-only command (tabulate asks before every table)
      Catalogue.DatasetRecord rec = snapshot != null ? snapshot.get(dataset) : null;
      if (rec != null && rec.kind() != DatasetKind.SOURCE) {
        return null;
      }
    }
    return sql(() -> sources.get(dataset));
  }

  /**
   * How this workspace stores its small files (definitions, clearance files): encrypted when the
   * workspace is.
   */
  public WorkspaceFiles files() {
    return smallFiles;
  }

  /** The workspace's append-only, hash-chained audit log. */
  public AuditLog auditLog() {
    return sql(() -> auditLog);
  }

  /** The catalogue connection, for tests that need raw SQL (e.g. tampering with the audit log). */
  Connection connection() {
    return sql(() -> conn);
  }

  /** Whether the catalogue is read from the snapshot now (H2 not started), for tests. */
  boolean readsSnapshot() {
    synchronized (lock) {
      return snapshot != null;
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      filesLock.writeLock().lock();
      try {
        closed = true;
        for (ColumnFile f : files.values()) {
          f.close();
        }
        files.clear();
        cache.clear();
        infos.clear();
        records.clear();
        CatalogueSnapshot.closeQuietly(snapshotLock);
        snapshotLock = null;
        snapshot = null;
        if (conn != null) {
          List<Catalogue.DatasetRecord> current;
          try {
            conn.rollback();
            current = catalogue.records();
          } catch (SQLException | RuntimeException e) {
            current = null; // no snapshot: the next reader reads H2
          }
          try {
            conn.close();
          } catch (SQLException e) {
            throw new StatBenchException("Cannot close the workspace: " + e.getMessage(), e);
          }
          if (current != null) { // sealed in an encrypted workspace: names are data
            CatalogueSnapshot.write(dir, current, smallFiles);
          }
        }
      } finally {
        filesLock.writeLock().unlock();
        OPEN.remove(dir);
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("workspace closed: " + dir);
    }
  }

  /** Runs work that reads the catalogue from the snapshot when there is one, else from H2. */
  private <T> T catalogueRead(SqlWork<T> work) {
    synchronized (lock) {
      checkOpen();
      if (snapshot == null) {
        h2();
      }
      try {
        return work.run();
      } catch (SQLException e) {
        throw new StatBenchException("Workspace database error: " + e.getMessage(), e);
      }
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /** Runs SQL work on the catalogue, opening H2 first when it is not open yet. */
  private <T> T sql(SqlWork<T> work) {
    synchronized (lock) {
      checkOpen();
      h2();
      try {
        return work.run();
      } catch (SQLException e) {
        throw new StatBenchException("Workspace database error: " + e.getMessage(), e);
      }
    }
  }
}
