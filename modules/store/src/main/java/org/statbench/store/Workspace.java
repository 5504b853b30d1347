package org.statbench.store;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;

/**
 * A workspace: a folder holding one H2 database with the catalogue and the column data of every
 * dataset. Thread-safe; one instance per folder per process.
 */
public final class Workspace implements AutoCloseable {

  private Workspace() {}

  /**
   * Opens (creating when missing) the workspace in {@code dir}. Removes column data that no
   * catalogue row points at (left over by a killed import).
   *
   * @throws org.statbench.core.StatBenchException when the folder is not usable or is locked
   */
  public static Workspace open(Path dir) {
    throw new UnsupportedOperationException("store not implemented yet");
  }

  /** The workspace folder. */
  public Path directory() {
    throw new UnsupportedOperationException();
  }

  /** All datasets, ordered by name. */
  public List<DatasetInfo> datasets() {
    throw new UnsupportedOperationException();
  }

  /**
   * The catalogue entry of a dataset.
   *
   * @throws InputException naming the dataset when it does not exist
   */
  public DatasetInfo dataset(String name) {
    throw new UnsupportedOperationException();
  }

  /** True when a dataset of that name exists. */
  public boolean hasDataset(String name) {
    throw new UnsupportedOperationException();
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
    throw new UnsupportedOperationException();
  }

  /**
   * Loads the named variables (imported or derived) of a dataset into memory. Results are cached
   * per workspace; the returned columns are immutable and may be shared between threads.
   *
   * @throws InputException naming the variable or dataset when unknown
   */
  public DatasetColumns columns(String dataset, Collection<String> variables) {
    throw new UnsupportedOperationException();
  }

  /**
   * Per-record keys for cell-key perturbation, uniform in [0, 1), assigned once at import and kept
   * with the dataset (the same record always has the same key).
   */
  public double[] recordKeys(String dataset) {
    throw new UnsupportedOperationException();
  }

  /** Marks a dataset as an extract or a lookup with an edition (e.g. "2011"), or null. */
  public DatasetInfo setKind(String dataset, DatasetKind kind, String edition) {
    throw new UnsupportedOperationException();
  }

  /** The edition of a lookup dataset, or null. */
  public String edition(String dataset) {
    throw new UnsupportedOperationException();
  }

  /**
   * Adds (or replaces, by name) derived variables on a dataset, in one transaction.
   *
   * @throws InputException when a name clashes with an imported variable or the source is unknown
   */
  public DatasetInfo addDerivedVariables(String dataset, List<DerivedVariable> variables) {
    throw new UnsupportedOperationException();
  }

  /** Removes a dataset and its data. */
  public void drop(String dataset) {
    throw new UnsupportedOperationException();
  }

  /** The workspace's append-only, hash-chained audit log. */
  public AuditLog auditLog() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
