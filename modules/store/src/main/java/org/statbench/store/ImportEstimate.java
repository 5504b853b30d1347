package org.statbench.store;

import java.util.Locale;

/**
 * What an import will need, judged before it starts from the file size and a sample of its first
 * records: the rows, the disk space of the new column file (plus the temporary spill of dictionary
 * codes) and the heap the import holds at once. Rough by nature (the sample may not be typical);
 * used to refuse an import that cannot fit before any work is done, and to say how much space a
 * failed one needed.
 *
 * @param fileBytes size of the extract
 * @param rows estimated records
 * @param diskBytes estimated peak disk space in the workspace folder
 * @param heapBytes estimated heap held by the import at once
 */
public record ImportEstimate(long fileBytes, long rows, long diskBytes, long heapBytes) {
  /** Estimates an import from its extract (reads at most the first few megabytes). */
  public static ImportEstimate of(ImportRequest request) {
    return of(request, WorkspaceFiles.PLAIN);
  }

  /** Estimates an import whose extract may be a workspace's sealed temporary file. */
  static ImportEstimate of(ImportRequest request, WorkspaceFiles files) {
    return new CsvImporter(request, null, null, null).readingWith(files).estimate();
  }

  /** One line with the figures, for messages. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "a %s file of about %,d rows needs about %s of disk and %s of heap",
        org.statbench.core.ResourceException.megabytes(fileBytes),
        rows,
        org.statbench.core.ResourceException.megabytes(diskBytes),
        org.statbench.core.ResourceException.megabytes(heapBytes));
  }
}
