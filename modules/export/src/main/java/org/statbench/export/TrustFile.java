package org.statbench.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.statbench.core.InputException;
import org.statbench.core.StatBenchException;

/**
 * The statisticians whose decisions count: {@code trusted-statisticians} in the StatBench home
 * ({@link StatBenchHome}), one public key line per statistician ({@link PublicSigningKey#line()};
 * blank lines and lines starting with {@code #} are ignored). It lives outside every workspace and
 * is installed by whoever administers the workstation; nothing in a workspace can add to it. Read
 * afresh on every use, so a key removed from the file stops counting at once. Thread-safe.
 */
public final class TrustFile {
  /** The file name in the StatBench home. */
  public static final String FILE_NAME = "trusted-statisticians";

  private final Path file;

  private TrustFile(Path file) {
    this.file = file;
  }

  /** The trust file in the user's StatBench home. */
  public static TrustFile inHome() {
    return at(StatBenchHome.directory().resolve(FILE_NAME));
  }

  /** The trust file at {@code file} (tests, or an administrator's own location). */
  public static TrustFile at(Path file) {
    return new TrustFile(file);
  }

  /** Where the file is. */
  public Path file() {
    return file;
  }

  /**
   * The trusted keys, in file order; empty when the file does not exist.
   *
   * @throws InputException naming the line when a line is not a public key
   */
  public List<PublicSigningKey> keys() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the trust file " + file, e);
    }
    List<PublicSigningKey> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      try {
        out.add(PublicSigningKey.parse(l));
      } catch (StatBenchException e) {
        throw new InputException(file.toString(), i + 1, null, e.getMessage());
      }
    }
    return out;
  }

  /** The trusted entry with the same key material, if any. */
  public Optional<PublicSigningKey> find(PublicSigningKey key) {
    return keys().stream().filter(k -> k.sameKey(key)).findFirst();
  }

  /** True when the key is in the file. */
  public boolean trusts(PublicSigningKey key) {
    return find(key).isPresent();
  }

  /**
   * Appends a key (no-op when it is already there).
   *
   * @return true when the key was added
   */
  public boolean add(PublicSigningKey key) {
    if (trusts(key)) {
      return false;
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Files.writeString(
          file,
          key.line() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the trust file " + file, e);
    }
  }
}
