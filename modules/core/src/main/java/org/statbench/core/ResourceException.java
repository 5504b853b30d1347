package org.statbench.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * The machine ran out of something the work needs — heap, disk space, a writable folder — or a file
 * went away while it was being read. Not a bug and not bad input: the message says what was being
 * done, the figures, and what the user can change. The command line prints it and exits with code
 * 2; the GUI shows it in a dialog. Whatever failed left the workspace as it was.
 */
public final class ResourceException extends StatBenchException {
  private static final long serialVersionUID = 1L;

  /** What ran out. */
  public enum Kind {
    OUT_OF_MEMORY,
    DISK_FULL,
    READ_ONLY,
    FILE_REMOVED
  }

  private final Kind kind;

  private ResourceException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The Java heap was too small.
   *
   * @param doing what was being done, e.g. {@code importing extract.csv}
   */
  public static ResourceException outOfMemory(String doing, Throwable cause) {
    long max = Runtime.getRuntime().maxMemory();
    long suggestGb = Math.max(2, (max >> 30) * 2 + 1);
    return new ResourceException(
        Kind.OUT_OF_MEMORY,
        "Out of memory while "
            + doing
            + ": Java may use at most "
            + megabytes(max)
            + " of heap here. Give it more, e.g. "
            + suggestGb
            + " GB: set the environment variable JAVA_TOOL_OPTIONS=-Xmx"
            + suggestGb
            + "g before starting StatBench, or add the line java-options=-Xmx"
            + suggestGb
            + "g under [JavaOptions] in the launcher's configuration (lib/app/StatBench.cfg in the"
            + " installation folder). Nothing was changed.",
        cause);
  }

  /**
   * Not enough disk space.
   *
   * @param folder the folder being written
   * @param needed bytes the work needs in total, or a negative number when unknown
   * @param free bytes free now in that folder's file system
   */
  public static ResourceException diskFull(
      String doing, Path folder, long needed, long free, Throwable cause) {
    String figures =
        needed >= 0
            ? "it needs about " + megabytes(needed) + " and " + megabytes(free) + " are free"
            : megabytes(free) + " are free";
    return new ResourceException(
        Kind.DISK_FULL,
        "Not enough disk space while "
            + doing
            + " in "
            + folder
            + ": "
            + figures
            + ". Free some space or use a workspace folder on another disk. Nothing was changed.",
        cause);
  }

  /** The folder cannot be written. */
  public static ResourceException readOnly(String doing, Path folder, Throwable cause) {
    return new ResourceException(
        Kind.READ_ONLY,
        "Cannot write to the workspace folder "
            + folder
            + " while "
            + doing
            + ": it is read-only or you may not change it. Choose a folder you can write to."
            + " Nothing was changed.",
        cause);
  }

  /** A file being read was removed, moved or became unreadable. */
  public static ResourceException fileRemoved(Path file, Throwable cause) {
    return new ResourceException(
        Kind.FILE_REMOVED,
        "The file "
            + file
            + " was removed, moved or became unreadable while it was being imported. Nothing was"
            + " changed; import it again once it is back.",
        cause);
  }

  /**
   * Work refused before it starts because the estimate of what it needs exceeds what is free.
   *
   * @param message what would not fit, with the figures
   */
  public static ResourceException beforeStart(Kind kind, String message) {
    return new ResourceException(kind, message + " Nothing was changed.", null);
  }

  /**
   * The resource failure a throwable (or one of its causes) is, or null when it is something else.
   * An existing {@code ResourceException} in the chain is returned as it is.
   *
   * @param doing what was being done, for a new message
   * @param folder the folder being written, or null when unknown (disk-full and read-only messages
   *     then name the file system's folder from the error, when it names one)
   */
  public static ResourceException classify(Throwable error, String doing, Path folder) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ResourceException r) {
        return r;
      }
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return outOfMemory(doing, error);
      }
      if (isDiskFull(t)) {
        Path where = folder != null ? folder : pathIn(t);
        return diskFull(doing, where, -1, freeSpace(where), error);
      }
      if (t instanceof ReadOnlyFileSystemException
          || (t instanceof AccessDeniedException && folder != null)
          || messageHas(t, "read-only file system")) {
        Path where = folder != null ? folder : pathIn(t);
        return readOnly(doing, where, error);
      }
    }
    return null;
  }

  /** True for the errors operating systems give when a disk or quota is full. */
  public static boolean isDiskFull(Throwable t) {
    return t instanceof IOException
        && (messageHas(t, "no space left")
            || messageHas(t, "not enough space")
            || messageHas(t, "disk quota exceeded")
            || messageHas(t, "disk full"));
  }

  private static boolean messageHas(Throwable t, String text) {
    String m = t.getMessage();
    return m != null && m.toLowerCase(Locale.ROOT).contains(text);
  }

  private static Path pathIn(Throwable t) {
    if (t instanceof FileSystemException f && f.getFile() != null) {
      Path p = Path.of(f.getFile()).toAbsolutePath().getParent();
      return p == null ? Path.of(f.getFile()) : p;
    }
    return Path.of("").toAbsolutePath();
  }

  /** Usable bytes in the file system holding {@code folder} (or its nearest existing parent). */
  public static long freeSpace(Path folder) {
    Path p = folder.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    try {
      return p == null ? -1 : Files.getFileStore(p).getUsableSpace();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Bytes as MB (or GB past 10 GB) for messages. */
  public static String megabytes(long bytes) {
    if (bytes < 0) {
      return "an unknown amount";
    }
    if (bytes >= 10L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%,d MB", (bytes + (1 << 20) - 1) >> 20);
  }
}
