package org.statbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.statbench.core.InputException;
import org.statbench.export.CellVerdict;
import org.statbench.export.ClearanceBook;
import org.statbench.export.ClearanceDecision;
import org.statbench.export.ClearanceItem;
import org.statbench.export.ClearanceRequest;
import org.statbench.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clearance list|show|approve|reject --db DIR}: the clearance queue without the GUI (every
 * GUI action is also a batch command). Decisions are taken as the OS user and need a comment.
 */
@Command(
    name = "clearance",
    mixinStandardHelpOptions = true,
    description = "List, show and decide exception requests (the clearance queue).",
    subcommands = {
      ClearanceCommand.ListRequests.class,
      ClearanceCommand.Show.class,
      ClearanceCommand.Approve.class,
      ClearanceCommand.Reject.class
    })
public final class ClearanceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing sub-command: list, show, approve or reject");
  }

  static Workspace open(Path db) {
    if (!Files.isDirectory(db)) {
      throw new InputException(db.toString(), -1, null, "no workspace folder here");
    }
    return Workspace.open(db);
  }

  /** {@code clearance list --db DIR [--all]}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per request.")
  static final class ListRequests implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "DIR", description = "Workspace folder.")
    Path db;

    @Option(names = "--all", description = "Also list decided requests.")
    boolean all;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Workspace ws = open(db)) {
        for (ClearanceItem i : ClearanceBook.of(ws).items()) {
          if (i.problem() != null) {
            out.println(i.id() + "\tTAMPERED\t" + i.problem());
          } else if (all || i.pending()) {
            ClearanceRequest r = i.request();
            out.println(
                i.id()
                    + "\t"
                    + (i.decision() == null
                        ? "pending"
                        : i.decision().outcome().name().toLowerCase(Locale.ROOT))
                    + "\t"
                    + r.requester()
                    + "\t"
                    + r.created()
                    + "\t"
                    + r.table().measure().label()
                    + " by "
                    + String.join(
                        ", ", r.table().dimensions().stream().map(d -> d.variable()).toList())
                    + "\t"
                    + r.report().failing().size()
                    + " failing");
          }
        }
      }
      out.flush();
      return StatBenchCommand.EXIT_OK;
    }
  }

  /** {@code clearance show --db DIR --id CR-0001}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "A request: justification, failing cells and rules, audit intervals.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "DIR", description = "Workspace folder.")
    Path db;

    @Option(names = "--id", required = true, paramLabel = "CR-NNNN", description = "Request id.")
    String id;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Workspace ws = open(db)) {
        ClearanceBook book = ClearanceBook.of(ws);
        ClearanceRequest r = book.request(id);
        out.println(r.id() + " requested by " + r.requester() + " on " + r.created());
        out.println("table: " + r.table() + " from " + r.table().dataset());
        out.println("justification: " + r.justification());
        out.println("policy: " + r.report().policy());
        out.println("protection: " + r.report().protection());
        r.report().ruleLines().forEach(l -> out.println("failing " + l));
        for (CellVerdict c : r.report().cells()) {
          if (!c.status().equals("ok")) {
            out.println(
                "  ("
                    + String.join(", ", r.table().codes(c.index()))
                    + ") "
                    + c.status()
                    + " value "
                    + org.statbench.core.data.NumericColumn.formatNumber(r.table().value(c.index()))
                    + (c.suppressed() ? " interval [" + c.lower() + ", " + c.upper() + "]" : "")
                    + (c.reason().isEmpty() ? "" : " — " + c.reason()));
          }
        }
        book.decision(id).ifPresent(d -> out.println(d.summary()));
      }
      out.flush();
      return StatBenchCommand.EXIT_OK;
    }
  }

  /** Shared by approve and reject. */
  abstract static class Decide implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "DIR", description = "Workspace folder.")
    Path db;

    @Option(names = "--id", required = true, paramLabel = "CR-NNNN", description = "Request id.")
    String id;

    @Option(
        names = "--comment",
        required = true,
        paramLabel = "TEXT",
        description = "The reason for the decision (mandatory, not blank).")
    String comment;

    abstract ClearanceDecision decide(ClearanceBook book);

    @Override
    public Integer call() {
      try (Workspace ws = open(db)) {
        ClearanceDecision d = decide(ClearanceBook.of(ws));
        spec.commandLine().getOut().println(d.summary());
        spec.commandLine().getOut().flush();
      }
      return StatBenchCommand.EXIT_OK;
    }
  }

  /** {@code clearance approve --db DIR --id CR-0001 --comment TEXT}. */
  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = "Approve a request: the gate then releases exactly that table.")
  static final class Approve extends Decide {
    @Override
    ClearanceDecision decide(ClearanceBook book) {
      return book.approve(id, comment);
    }
  }

  /** {@code clearance reject --db DIR --id CR-0001 --comment TEXT}. */
  @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a request.")
  static final class Reject extends Decide {
    @Override
    ClearanceDecision decide(ClearanceBook book) {
      return book.reject(id, comment);
    }
  }
}
