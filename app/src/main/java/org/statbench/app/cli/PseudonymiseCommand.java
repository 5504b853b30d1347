package org.statbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.DatasetInfo;
import org.statbench.link.Pseudonymiser;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pseudonymise --db DIR --dataset NAME --key-file K --columns V[,V...] [--match-key
 * NAME=EXPR]... --name NEW}: keyed-hash pseudonymisation for linkage on hashes.
 */
@Command(
    name = "pseudonymise",
    mixinStandardHelpOptions = true,
    description = {
      "Copy a dataset with identifier columns replaced by V_hash columns holding the HMAC-SHA256"
          + " of their standardised values under a secret key (read from --key-file, at least 32"
          + " bytes, never stored), plus optional hashed match keys such as"
          + " k1=soundex(surname)+dob. Datasets pseudonymised with the same key link on the hashes."
    })
public final class PseudonymiseCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--db", required = true, paramLabel = "DIR", description = "Workspace folder.")
  Path db;

  @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "Dataset.")
  String dataset;

  @Option(
      names = "--key-file",
      required = true,
      paramLabel = "K",
      description = "Secret key file (at least 32 bytes).")
  Path keyFile;

  @Option(
      names = "--columns",
      required = true,
      split = ",",
      paramLabel = "V",
      description = "Identifier columns to replace by keyed hashes.")
  List<String> columns = new ArrayList<>();

  @Option(
      names = "--match-key",
      paramLabel = "NAME=EXPR",
      description =
          "Hashed match key: EXPR is V[+V...] with fn(V) in soundex, initial, year, district,"
              + " sector (repeatable).")
  List<String> matchKeys = new ArrayList<>();

  @Option(names = "--name", required = true, paramLabel = "NEW", description = "New dataset.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Pseudonymiser.MatchKeyExpr> keys =
        matchKeys.stream().map(Pseudonymiser.MatchKeyExpr::parse).toList();
    Pseudonymiser p = new Pseudonymiser(Pseudonymiser.readKey(keyFile));
    try (Workspace ws = CliWorkspace.open(db)) {
      if (name.equals(dataset)) {
        throw new InputException("--name must differ from --dataset (the source is kept)");
      }
      DatasetInfo info =
          p.pseudonymise(
              ws, dataset, columns, keys, name, ProgressListener.NONE, CancellationToken.NONE);
      out.printf(
          Locale.ROOT,
          "pseudonymised %s into %s: %,d records; hashed %s%s%n",
          dataset,
          name,
          info.rows(),
          String.join(", ", columns),
          keys.isEmpty()
              ? ""
              : "; match keys "
                  + String.join(
                      ", ", keys.stream().map(Pseudonymiser.MatchKeyExpr::name).toList()));
    }
    out.flush();
    return StatBenchCommand.EXIT_OK;
  }
}
