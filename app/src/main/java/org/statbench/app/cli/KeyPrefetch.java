package org.statbench.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import org.statbench.store.Workspace;

/**
 * Starts deriving an encrypted workspace's key as soon as the process starts, from the {@code --db}
 * and {@code --passphrase-file} arguments (or {@code STATBENCH_PASSPHRASE}), so that the slow KDF
 * runs while the command line is parsed and the command's classes load. Never fails: whatever is
 * wrong is reported by the command itself.
 */
public final class KeyPrefetch {
  private KeyPrefetch() {}

  /** Looks at the raw arguments and, for an encrypted workspace, starts its key derivation. */
  public static void start(String[] args) {
    try {
      String db = value(args, "--db");
      if (db == null || !Workspace.isEncrypted(Path.of(db))) {
        return;
      }
      String file = value(args, "--passphrase-file");
      char[] pass = Passphrases.fromFileOrEnv(file == null ? null : Path.of(file));
      if (pass != null) {
        Workspace.prefetchKey(Path.of(db), pass);
        Arrays.fill(pass, '\0');
      }
    } catch (RuntimeException e) {
      // the command reports it
    }
  }

  private static String value(String[] args, String option) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(option) && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith(option + "=")) {
        return args[i].substring(option.length() + 1);
      }
    }
    return null;
  }
}
