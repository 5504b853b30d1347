package org.statbench.app.clearance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.statbench.core.StatBenchException;
import org.statbench.core.table.Dimension;
import org.statbench.export.CellVerdict;
import org.statbench.export.ClearanceBook;
import org.statbench.export.ClearanceDecision;
import org.statbench.export.ClearanceItem;
import org.statbench.export.ClearanceRequest;
import org.statbench.export.RecordClearance;
import org.statbench.export.RecordRequest;
import org.statbench.export.ReportSnapshot;
import org.statbench.export.SigningKey;

/**
 * The statistician's clearance queue: the workspace's requests (pending first, decided on request),
 * the selected one's table with failing cells marked, its rules, protection and audit intervals,
 * and the approve / reject commands, both of which need a comment and the statistician's signing
 * key (chosen once, unlocked with its passphrase). Every decision is signed and goes to the
 * clearance book, which logs it in the audit log; each decision shows who requested, who decided
 * and whether its signature verifies. FX thread only.
 */
public final class ClearanceQueueViewModel {
  // Properties
  private final ObjectProperty<ClearanceBook> book = new SimpleObjectProperty<>(this, "book");
  private final ObservableList<ClearanceItem> items = FXCollections.observableArrayList();
  private final java.util.Map<String, RecordClearance> records = new java.util.HashMap<>();
  private final BooleanProperty showDecided = new SimpleBooleanProperty(this, "showDecided");
  private final ObjectProperty<ClearanceItem> selected =
      new SimpleObjectProperty<>(this, "selected");
  private final ReadOnlyObjectWrapper<RequestDetails> details =
      new ReadOnlyObjectWrapper<>(this, "details");
  private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final javafx.beans.property.ReadOnlyBooleanWrapper messageIsProblem =
      new javafx.beans.property.ReadOnlyBooleanWrapper(this, "messageIsProblem");
  private Runnable onDecision = () -> {};
  private final ReadOnlyStringWrapper user = new ReadOnlyStringWrapper(this, "user", "");
  private final ObjectProperty<SigningKey> signingKey =
      new SimpleObjectProperty<>(this, "signingKey");
  private final BooleanBinding canDecide;

  public ClearanceQueueViewModel() {
    book.addListener((o, a, b) -> refresh());
    signingKey.addListener((o, a, b) -> refresh());
    showDecided.addListener((o, a, b) -> refresh());
    selected.addListener((o, a, b) -> showDetails(b));
    canDecide =
        Bindings.createBooleanBinding(
            () -> book.get() != null && selected.get() != null && selected.get().pending(),
            book,
            selected);
  }

  /** The workspace's clearance book, or null when no workspace is open. */
  public ObjectProperty<ClearanceBook> bookProperty() {
    return book;
  }

  /** Requests listed: pending ones, or all when {@link #showDecidedProperty()} is set. */
  public ObservableList<ClearanceItem> items() {
    return items;
  }

  public BooleanProperty showDecidedProperty() {
    return showDecided;
  }

  public ObjectProperty<ClearanceItem> selectedProperty() {
    return selected;
  }

  /** Details of the selected request, or null. */
  public ReadOnlyObjectProperty<RequestDetails> detailsProperty() {
    return details.getReadOnlyProperty();
  }

  /** The statistician's comment; mandatory for approve and reject. */
  public StringProperty commentProperty() {
    return comment;
  }

  /** The outcome of the last command, or why it was refused. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** True when the message reports a problem (shown as a warning), false for an outcome. */
  public javafx.beans.property.ReadOnlyBooleanProperty messageIsProblemProperty() {
    return messageIsProblem.getReadOnlyProperty();
  }

  /** Runs after each recorded decision (e.g. so the Disclosure panel shows the clearance). */
  public void setOnDecision(Runnable onDecision) {
    this.onDecision = java.util.Objects.requireNonNull(onDecision);
  }

  /** The statistician's unlocked signing key, or null until chosen. */
  public ObjectProperty<SigningKey> signingKeyProperty() {
    return signingKey;
  }

  /** Who decides: the signing key's holder and fingerprint, or a prompt to choose a key. */
  public ReadOnlyStringProperty userProperty() {
    return user.getReadOnlyProperty();
  }

  /** True when a pending request is selected. */
  public BooleanBinding canDecideBinding() {
    return canDecide;
  }

  // Commands

  /**
   * Unlocks a key file with its passphrase and uses it for every decision from now on.
   *
   * @return false (with a message; nothing changed) when the file or passphrase is wrong
   */
  public boolean useKey(Path keyFile, char[] passphrase) {
    try {
      SigningKey k = SigningKey.read(keyFile, passphrase);
      signingKey.set(k);
      boolean untrusted = book.get() != null && !book.get().trust().trusts(k.publicKey());
      say(
          "Signing as "
              + k.publicKey().describe()
              + (untrusted ? " — this key is not in the trust file, so it cannot approve" : ""),
          untrusted);
      return true;
    } catch (StatBenchException e) {
      say(e.getMessage() + ". Try again.");
      return false;
    } finally {
      java.util.Arrays.fill(passphrase, '\0');
    }
  }

  /**
   * Unlocks a key file, asking for its passphrase again after a wrong one, until it unlocks or the
   * user cancels ({@code askPassphrase} answers empty).
   *
   * @return whether a key was unlocked
   */
  public boolean unlockKey(
      Path keyFile, java.util.function.Supplier<java.util.Optional<char[]>> askPassphrase) {
    while (true) {
      java.util.Optional<char[]> pass = askPassphrase.get();
      if (pass.isEmpty()) {
        return false;
      }
      if (useKey(keyFile, pass.get())) {
        return true;
      }
    }
  }

  /** Reloads the requests from the workspace, keeping the selection when it is still listed. */
  public void refresh() {
    ClearanceBook b = book.get();
    SigningKey k = signingKey.get();
    user.set(b == null ? "" : k == null ? "no signing key chosen" : k.publicKey().describe());
    String keep = selected.get() == null ? null : selected.get().id();
    List<ClearanceItem> all = b == null ? List.of() : b.items();
    List<ClearanceItem> shown = new ArrayList<>();
    for (ClearanceItem i : all) {
      if (i.pending() || showDecided.get() || i.problem() != null) {
        shown.add(i);
      }
    }
    // record-level requests (RL-NNNN) are listed and decided the same way
    records.clear();
    for (RecordClearance rc : b == null ? List.<RecordClearance>of() : b.recordItems()) {
      if (rc.pending() || showDecided.get() || rc.problem() != null) {
        records.put(rc.id(), rc);
        shown.add(new ClearanceItem(rc.id(), null, rc.decision(), rc.problem(), rc.verification()));
      }
    }
    items.setAll(shown);
    selected.set(shown.stream().filter(i -> i.id().equals(keep)).findFirst().orElse(null));
    showDetails(selected.get());
  }

  /**
   * Approves the selected request with the comment; returns false (with a message) when refused.
   */
  public boolean approve() {
    return decide(true);
  }

  /** Rejects the selected request with the comment; returns false (with a message) when refused. */
  public boolean reject() {
    return decide(false);
  }

  private boolean decide(boolean approve) {
    ClearanceItem item = selected.get();
    ClearanceBook b = book.get();
    if (b == null || item == null || !item.pending()) {
      say("Select a pending request first.");
      return false;
    }
    if (comment.get() == null || comment.get().isBlank()) {
      say("A comment is required to " + (approve ? "approve" : "reject") + " a request.");
      return false;
    }
    SigningKey k = signingKey.get();
    if (k == null) {
      say("Choose your signing key first (Choose key…).");
      return false;
    }
    try {
      ClearanceDecision d =
          approve ? b.approve(item.id(), comment.get(), k) : b.reject(item.id(), comment.get(), k);
      say(DecisionText.summary(d), false);
      comment.set("");
      refresh();
      onDecision.run();
      return true;
    } catch (StatBenchException e) {
      say(e.getMessage());
      return false;
    }
  }

  private void say(String text) {
    say(text, true);
  }

  private void say(String text, boolean problem) {
    messageIsProblem.set(problem);
    message.set(text);
  }

  private void showDetails(ClearanceItem item) {
    if (item == null) {
      details.set(null);
      return;
    }
    if (item.problem() != null) {
      details.set(
          new RequestDetails(
              item.id() + " · cannot be used", item.problem(), null, List.of(), "", List.of(), ""));
      return;
    }
    RecordClearance rc = records.get(item.id());
    if (rc != null) {
      details.set(recordDetails(item, rc.request()));
      return;
    }
    ClearanceRequest r = item.request();
    ReportSnapshot rep = r.report();
    String by =
        r.table().dimensions().stream().map(Dimension::variable).collect(Collectors.joining(", "));
    String title =
        r.id()
            + " · "
            + r.table().measure().label()
            + (by.isEmpty() ? "" : " by " + by)
            + (r.table().dataset() == null ? "" : " from " + r.table().dataset())
            + " · requested by "
            + r.requesterDescription()
            + " on "
            + DecisionText.when(r.created());
    List<String> rules = new ArrayList<>();
    rep.failuresByRule()
        .forEach((rule, n) -> rules.add(rule + ": " + n + (n == 1 ? " cell" : " cells")));
    for (CellVerdict c : rep.failing()) {
      rules.add(
          "  ("
              + String.join(", ", r.table().codes(c.index()))
              + ") "
              + c.status()
              + (c.reason().isEmpty() ? "" : " — " + c.reason()));
    }
    rep.notes().forEach(n -> rules.add("note: " + n));
    List<String> intervals = new ArrayList<>();
    for (CellVerdict c : rep.suppressed()) {
      intervals.add(
          "("
              + String.join(", ", r.table().codes(c.index()))
              + ") "
              + c.status()
              + ": value "
              + TableGrid.num(r.table().value(c.index()))
              + ", audit interval ["
              + TableGrid.num(c.lower())
              + ", "
              + TableGrid.num(c.upper())
              + "]");
    }
    String decision = decision(item, r.requesterDescription());
    details.set(
        new RequestDetails(
            title,
            r.justification(),
            TableGrid.of(r.table(), rep),
            rules,
            "Policy: " + rep.policy() + " · protection: " + rep.protection(),
            intervals,
            decision));
  }

  /** Who asked, as a list line shows it (table and record-level requests alike). */
  public String requester(ClearanceItem item) {
    RecordClearance rc = records.get(item.id());
    if (rc != null && rc.request() != null) {
      return rc.request().requester() + " · record-level";
    }
    return item.request() == null ? "" : item.request().requester();
  }

  /** What a record-level request asks for: what, rows, to whom, why, who asked and who decided. */
  private static RequestDetails recordDetails(ClearanceItem item, RecordRequest r) {
    String title =
        r.id()
            + " · record-level: "
            + r.what()
            + " · requested by "
            + r.requesterDescription()
            + " on "
            + DecisionText.when(r.created());
    List<String> lines =
        List.of(
            "What: " + r.what(),
            "Rows (at most): " + r.rows(),
            "To whom: " + r.recipient(),
            "Why: " + r.purpose(),
            "Released with: clearance release-records --id " + r.id());
    return new RequestDetails(
        title,
        r.purpose(),
        null,
        lines,
        "Record-level output: never released by the table gate",
        List.of(),
        decision(item, r.requesterDescription()),
        true);
  }

  private static String decision(ClearanceItem item, String requester) {
    return item.decision() == null
        ? ""
        : DecisionText.summary(item.decision())
            + "\nRequested by "
            + requester
            + "; decided by "
            + (item.decision().deciderKey() == null
                ? item.decision().statistician() + " (unsigned)"
                : item.decision().deciderKey().describe())
            + "\nSignature: "
            + item.verification();
  }
}
