package org.statbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.statbench.core.InputException;
import org.statbench.core.table.Table;
import org.statbench.disclosure.DisclosureChecker;
import org.statbench.disclosure.DisclosureReport;
import org.statbench.export.CellVerdict;
import org.statbench.export.ClearanceBook;
import org.statbench.export.ClearanceDecision;
import org.statbench.export.ClearanceItem;
import org.statbench.export.ClearanceRequest;
import org.statbench.export.PublicSigningKey;
import org.statbench.export.RecordClearance;
import org.statbench.export.RecordRequest;
import org.statbench.export.Reports;
import org.statbench.export.SigningKey;
import org.statbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clearance request|request-records|list|show|approve|reject --db DIR}: the clearance queue
 * without the GUI (every GUI action is also a batch command). Decisions need a comment and are
 * signed with the statistician's key file ({@code --key K.key}); refusals (self-approval, an
 * untrusted key, a decided or tampered request) exit 3.
 */
@Command(
    name = "clearance",
    mixinStandardHelpOptions = true,
    description = "Request, list, show and decide exception requests (the clearance queue).",
    subcommands = {
      ClearanceCommand.Request.class,
      ClearanceCommand.RequestRecords.class,
      ClearanceReleaseRecords.class,
      ClearanceCommand.ListRequests.class,
      ClearanceCommand.Show.class,
      ClearanceCommand.Approve.class,
      ClearanceCommand.Reject.class
    })
public final class ClearanceCommand extends GroupCommand {
  /** {@code clearance list --db DIR [--all]}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per request.")
  static final class ListRequests extends WorkspaceSubcommand {
    @Option(names = "--all", description = "Also list decided requests.")
    boolean all;

    @Override
    public Integer call() {
      PrintWriter out = out();
      try (Workspace ws = openExisting()) {
        ClearanceBook book = ClearanceBook.of(ws);
        for (ClearanceItem i : book.items()) {
          if (i.problem() != null) {
            out.println(i.id() + "\tTAMPERED\t" + i.problem());
          } else if (all || i.pending()) {
            ClearanceRequest r = i.request();
            out.println(
                head(i.id(), i.decision(), r.requester(), r.created())
                    + "\t"
                    + r.table().measure().label()
                    + " by "
                    + String.join(
                        ", ", r.table().dimensions().stream().map(d -> d.variable()).toList())
                    + "\t"
                    + r.report().failing().size()
                    + " failing"
                    + decided(i.decision(), i.verification()));
          }
        }
        for (RecordClearance i : book.recordItems()) {
          if (i.problem() != null) {
            out.println(i.id() + "\tTAMPERED\t" + i.problem());
          } else if (all || i.pending()) {
            RecordRequest r = i.request();
            out.println(
                head(i.id(), i.decision(), r.requester(), r.created())
                    + "\trecords: "
                    + r.what()
                    + " ("
                    + r.rows()
                    + " rows to "
                    + r.recipient()
                    + ")"
                    + decided(i.decision(), i.verification()));
          }
        }
      }
      out.flush();
      return StatBenchCommand.EXIT_OK;
    }
  }

  /** The start of a list line: id, state (pending or the outcome), requester, time of request. */
  private static String head(
      String id, ClearanceDecision decision, String requester, Object created) {
    return id
        + "\t"
        + (decision == null ? "pending" : decision.outcome().name().toLowerCase(Locale.ROOT))
        + "\t"
        + requester
        + "\t"
        + created;
  }

  private static String decided(ClearanceDecision d, String verification) {
    return d == null
        ? ""
        : "\tdecided by "
            + d.statistician()
            + (d.deciderKey() == null ? "" : " (" + d.deciderKey().fingerprint() + ")")
            + "\t"
            + verification;
  }

  /** {@code clearance request --db DIR --table T.csv --reason TEXT [--key K.key]}. */
  @Command(
      name = "request",
      mixinStandardHelpOptions = true,
      description = {
        "Ask for clearance of a long CSV of counts that fails the disclosure check.",
        "Prints the new request's id on the first line. With --key the request records your key"
            + " (which then cannot approve it); else your user name."
      })
  static final class Request extends WorkspaceSubcommand {
    @Option(
        names = "--table",
        required = true,
        paramLabel = "T.csv",
        description = "Long CSV of counts (as written by tabulate --out).")
    Path table;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String reason;

    @Option(names = "--rules", paramLabel = "P.json", description = "Disclosure policy.")
    Path rules;

    @Option(
        names = "--key",
        paramLabel = "K.key",
        description = "Your key file or public key (no passphrase needed).")
    Path key;

    @Override
    public Integer call() {
      Table t = DisclosureCli.readCounts(table);
      DisclosureReport r = new DisclosureChecker(DisclosureCli.policy(rules)).check(t);
      PublicSigningKey k = key == null ? null : SigningKey.readPublic(key);
      try (Workspace ws = openExisting()) {
        ClearanceRequest req = ClearanceBook.of(ws).submit(t, Reports.snapshot(r), reason, k);
        PrintWriter out = out();
        out.println(req.id());
        out.println(
            "Requested clearance of "
                + table
                + " ("
                + req.report().failing().size()
                + " failing cells) as "
                + req.requesterDescription());
        out.flush();
      }
      return StatBenchCommand.EXIT_OK;
    }
  }

  /**
   * {@code clearance request-records --db DIR --what TEXT --rows N --to WHOM --reason TEXT [--key
   * K.key]}.
   */
  @Command(
      name = "request-records",
      mixinStandardHelpOptions = true,
      description = {
        "Ask for clearance of a record-level output (linkage links, a dataset as records).",
        "Prints the new request's id (RL-NNNN) on the first line; a statistician approves it"
            + " like a table clearance, and every release under it is logged."
      })
  static final class RequestRecords extends WorkspaceSubcommand {
    @Option(names = "--what", required = true, paramLabel = "TEXT", description = "What output.")
    String what;

    @Option(names = "--rows", required = true, paramLabel = "N", description = "Most records.")
    long rows;

    @Option(names = "--to", required = true, paramLabel = "WHOM", description = "Recipient.")
    String recipient;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String reason;

    @Option(names = "--key", paramLabel = "K.key", description = "Your key file or public key.")
    Path key;

    @Override
    public Integer call() {
      PublicSigningKey k = key == null ? null : SigningKey.readPublic(key);
      try (Workspace ws = openExisting()) {
        RecordRequest req;
        try {
          req = ClearanceBook.of(ws).submitRecords(what, rows, recipient, reason, k);
        } catch (IllegalArgumentException e) {
          throw new InputException(null, -1, null, e.getMessage());
        }
        PrintWriter out = out();
        out.println(req.id());
        out.println(
            "Requested record-level clearance: "
                + req.what()
                + ", "
                + req.rows()
                + " rows to "
                + req.recipient()
                + ", as "
                + req.requesterDescription());
        out.flush();
      }
      return StatBenchCommand.EXIT_OK;
    }
  }

  /** {@code clearance show --db DIR --id CR-0001}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "A request: justification, failing cells and rules, audit intervals.")
  static final class Show extends WorkspaceSubcommand {
    @Option(names = "--id", required = true, paramLabel = "CR-NNNN", description = "Request id.")
    String id;

    @Override
    public Integer call() {
      PrintWriter out = out();
      try (Workspace ws = openExisting()) {
        ClearanceBook book = ClearanceBook.of(ws);
        if (id.startsWith("RL-")) {
          RecordRequest rr = book.recordRequest(id);
          out.println(
              rr.id() + " requested by " + rr.requesterDescription() + " on " + rr.created());
          out.println("record-level: " + rr.what());
          out.println("rows: at most " + rr.rows());
          out.println("to: " + rr.recipient());
          out.println("why: " + rr.purpose());
          book.decision(id).ifPresent(d -> out.println(d.summary()));
          if (book.verification(id) != null) {
            out.println("decision: " + book.verification(id));
          }
          out.flush();
          return StatBenchCommand.EXIT_OK;
        }
        ClearanceRequest r = book.request(id);
        out.println(r.id() + " requested by " + r.requesterDescription() + " on " + r.created());
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
        if (book.verification(id) != null) {
          out.println("decision: " + book.verification(id));
        }
      }
      out.flush();
      return StatBenchCommand.EXIT_OK;
    }
  }

  /** Shared by approve and reject. */
  abstract static class Decide extends WorkspaceSubcommand {
    @Option(names = "--id", required = true, paramLabel = "CR-NNNN", description = "Request id.")
    String id;

    @Option(
        names = "--comment",
        required = true,
        paramLabel = "TEXT",
        description = "The reason for the decision (mandatory, not blank).")
    String comment;

    @Option(
        names = "--key",
        required = true,
        paramLabel = "K.key",
        description = "Your signing key file (keys create); its key must be in the trust file.")
    Path key;

    @Option(
        names = "--key-passphrase-file",
        paramLabel = "F",
        description = "The key file's passphrase when it differs from the workspace's.")
    Path keyPassphraseFile;

    abstract ClearanceDecision decide(ClearanceBook book, SigningKey key);

    @Override
    public Integer call() {
      if (comment == null || comment.isBlank()) {
        throw new InputException(
            null, -1, "--comment", "A comment is required to decide a clearance request.");
      }
      char[] pass =
          Passphrases.forKey(keyPassphraseFile, CliWorkspace.passphraseFile(), "Key passphrase");
      SigningKey k;
      try {
        k = SigningKey.read(key, pass);
      } finally {
        java.util.Arrays.fill(pass, '\0');
      }
      try (Workspace ws = openExisting()) {
        ClearanceDecision d = decide(ClearanceBook.of(ws), k);
        out().println(d.summary());
        out().flush();
      }
      return StatBenchCommand.EXIT_OK;
    }
  }

  /** {@code clearance approve --db DIR --id CR-0001 --comment TEXT --key K.key}. */
  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = "Approve a request: the gate then releases exactly that table.")
  static final class Approve extends Decide {
    @Override
    ClearanceDecision decide(ClearanceBook book, SigningKey key) {
      return book.approve(id, comment, key);
    }
  }

  /** {@code clearance reject --db DIR --id CR-0001 --comment TEXT}. */
  @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a request.")
  static final class Reject extends Decide {
    @Override
    ClearanceDecision decide(ClearanceBook book, SigningKey key) {
      return book.reject(id, comment, key);
    }
  }
}
