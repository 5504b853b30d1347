package org.statbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.statbench.core.data.DatasetInfo;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code datasets --db DIR}: one line per dataset, {@code name<TAB>rows<TAB>variables}. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description =
        "List the datasets of a workspace: name, rows and number of variables, tab-separated.")
public final class DatasetsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--db",
      required = true,
      paramLabel = "DIR",
      description = "Workspace folder (created when missing).")
  Path db;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace ws = CliWorkspace.open(db)) {
      for (DatasetInfo d : ws.datasets()) {
        out.println(d.name() + "\t" + d.rows() + "\t" + d.variables().size());
      }
    }
    out.flush();
    return StatBenchCommand.EXIT_OK;
  }
}
