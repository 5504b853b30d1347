package org.statbench.export;

import java.nio.file.Path;

/**
 * The user's StatBench home, outside every workspace: the {@code statbench.home} system property
 * when set, else {@code ~/.statbench}. It holds the trust file of statisticians' public keys.
 */
public final class StatBenchHome {
  private StatBenchHome() {}

  /** The home folder (may not exist yet). */
  public static Path directory() {
    String h = System.getProperty("statbench.home");
    return h != null && !h.isBlank()
        ? Path.of(h)
        : Path.of(System.getProperty("user.home"), ".statbench");
  }
}
