package org.statbench.app.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.statbench.core.InputException;

/**
 * Where the command line gets passphrases: a file named with {@code --passphrase-file F} (its first
 * line), else the {@code STATBENCH_PASSPHRASE} environment variable, else (for key files only) a
 * prompt on the console. Never from an argument, so a passphrase does not show in the process list
 * or the shell history.
 */
final class Passphrases {
  /** The environment variable read when no file is given. */
  static final String ENV = "STATBENCH_PASSPHRASE";

  private Passphrases() {}

  /** The passphrase from the file or the environment, or null when neither gives one. */
  static char[] fromFileOrEnv(Path file) {
    if (file != null) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        if (line.endsWith("\r")) {
          line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
          throw new InputException(file.toString(), 1, null, "the passphrase file is empty");
        }
        return line.toCharArray();
      } catch (IOException e) {
        throw new InputException(file.toString(), -1, null, "cannot read the passphrase file");
      }
    }
    String env = System.getenv(ENV);
    return env == null || env.isEmpty() ? null : env.toCharArray();
  }

  /**
   * The passphrase of a key file: {@code --key-passphrase-file}, else {@code --passphrase-file},
   * else the environment, else a console prompt.
   *
   * @throws InputException when none is available
   */
  static char[] forKey(Path keyPassphraseFile, Path passphraseFile, String prompt) {
    char[] p = fromFileOrEnv(keyPassphraseFile != null ? keyPassphraseFile : passphraseFile);
    if (p != null) {
      return p;
    }
    Console c = System.console();
    if (c != null) {
      char[] typed = c.readPassword("%s: ", prompt);
      if (typed != null && typed.length > 0) {
        return typed;
      }
    }
    throw new InputException(
        null,
        -1,
        null,
        "no passphrase for the key file: give --passphrase-file F (or --key-passphrase-file F)"
            + " or set "
            + ENV);
  }
}
