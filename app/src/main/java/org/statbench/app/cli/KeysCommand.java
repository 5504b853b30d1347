package org.statbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.statbench.core.InputException;
import org.statbench.export.PublicSigningKey;
import org.statbench.export.SigningKey;
import org.statbench.export.TrustFile;
import org.statbench.store.Crypto;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keys create|trust}: statisticians' personal signing keys and the trust file in the
 * StatBench home (docs/clearance-guide.md).
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Statisticians' signing keys (create) and the trust file (trust).",
    subcommands = {KeysCommand.Create.class, KeysCommand.Trust.class})
public final class KeysCommand extends GroupCommand {

  /** {@code keys create --name NAME --out NAME.key [--passphrase-file F]}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a personal Ed25519 signing key: NAME.key (private key sealed under your"
            + " passphrase) and NAME.pub (give it to whoever installs the trust file).",
        "Prints the key's fingerprint. Keep NAME.key outside every workspace."
      })
  static final class Create implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Your name.")
    String name;

    @Option(names = "--out", required = true, paramLabel = "NAME.key", description = "Key file.")
    Path out;

    @Option(names = "--kdf-iterations", hidden = true, defaultValue = "" + Crypto.ITERATIONS)
    int iterations;

    @Override
    public Integer call() {
      if (Files.exists(out)) {
        throw new InputException(
            out.toString(), -1, null, "a key file is already there; choose another --out");
      }
      if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
        throw new InputException(null, -1, "--name", "a key name must be printable text");
      }
      char[] pass =
          Passphrases.forKey(null, CliWorkspace.passphraseFile(), "Passphrase for the new key");
      try {
        SigningKey key = SigningKey.create(name.strip());
        Path pub = key.write(out, pass, iterations);
        PrintWriter pw = spec.commandLine().getOut();
        pw.println("fingerprint: " + key.publicKey().fingerprint());
        pw.println("Wrote " + out + " (keep it private) and " + pub + " (for the trust file)");
        pw.flush();
      } finally {
        Arrays.fill(pass, '\0');
      }
      return StatBenchCommand.EXIT_OK;
    }
  }

  /** {@code keys trust --public-key NAME.pub}. */
  @Command(
      name = "trust",
      mixinStandardHelpOptions = true,
      description = {
        "Add a statistician's public key to the trust file (trusted-statisticians in the"
            + " StatBench home: -Dstatbench.home, else ~/.statbench).",
        "Only decisions signed by keys in that file release anything."
      })
  static final class Trust implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--public-key",
        required = true,
        paramLabel = "NAME.pub",
        description = "The public key file written by keys create.")
    Path publicKey;

    @Override
    public Integer call() {
      PublicSigningKey k = SigningKey.readPublic(publicKey);
      TrustFile trust = TrustFile.inHome();
      boolean added = trust.add(k);
      PrintWriter pw = spec.commandLine().getOut();
      pw.println((added ? "Trusted " : "Already trusted: ") + k.describe() + " in " + trust.file());
      pw.flush();
      return StatBenchCommand.EXIT_OK;
    }
  }
}
