package org.statbench.app.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.statbench.core.InputException;
import org.statbench.store.Crypto;
import org.statbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workspace encrypt --db DIR [--passphrase-file F]}: encryption at rest. */
@Command(
    name = "workspace",
    mixinStandardHelpOptions = true,
    description = "Workspace administration: encrypt.",
    subcommands = {WorkspaceCommand.Encrypt.class})
public final class WorkspaceCommand extends GroupCommand {

  /** {@code workspace encrypt --db DIR}. */
  @Command(
      name = "encrypt",
      mixinStandardHelpOptions = true,
      description = {
        "Encrypt a workspace with a passphrase (a missing folder becomes a new encrypted"
            + " workspace): the database (H2 AES), every column chunk (AES-GCM) and the clearance"
            + " and saved-definition files.",
        "The passphrase comes from --passphrase-file F or $STATBENCH_PASSPHRASE (or a prompt),"
            + " never from an argument; every later command needs it."
      })
  static final class Encrypt extends WorkspaceSubcommand {
    @Option(
        names = "--kdf-iterations",
        paramLabel = "N",
        defaultValue = "" + Crypto.WORKSPACE_ITERATIONS,
        description =
            "PBKDF2-HMAC-SHA256 iterations (default ${DEFAULT-VALUE}); more makes guessing the"
                + " passphrase slower, and every open slower.")
    int iterations;

    @Override
    public Integer call() {
      if (Workspace.isEncrypted(db)) {
        throw new InputException(db.toString(), -1, null, "the workspace is already encrypted");
      }
      char[] pass =
          Passphrases.forKey(null, CliWorkspace.passphraseFile(), "New workspace passphrase");
      try {
        Workspace.encrypt(db, pass, iterations);
      } finally {
        Arrays.fill(pass, '\0');
      }
      PrintWriter out = out();
      out.println(
          "Encrypted "
              + db
              + ". Keep the passphrase safe: without it the workspace cannot be opened. Copies"
              + " made before encryption are still in clear.");
      out.flush();
      return StatBenchCommand.EXIT_OK;
    }
  }
}
