package org.statbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.statbench.core.StatBenchException;
import org.statbench.core.format.Digests;
import org.statbench.core.table.Table;
import org.statbench.store.AuditEntry;
import org.statbench.store.AuditLog;
import org.statbench.store.Workspace;

/**
 * The workspace's clearance requests and decisions. Each request and each decision is an immutable
 * JSON file under {@code DIR/clearance/} ({@code CR-0001.json}, {@code CR-0001.decision.json}), and
 * each is announced by an audit-log entry ({@code request}, {@code approve}, {@code reject}) that
 * carries the SHA-256 of the file. A file whose content no longer matches its audit entry is
 * reported as tampered and never counts as a clearance, so editing a request or forging an approval
 * on disk does not release anything.
 *
 * <p>Thread-safe: submissions and decisions are serialised on the instance.
 */
public final class ClearanceBook {
  /** Audit entry types written by the book. */
  public static final String REQUEST = "request";

  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";

  private static final Pattern ID = Pattern.compile("CR-(\\d{4,})");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path folder;
  private final AuditLog log;
  private final String user;
  private final Clock clock;

  /**
   * @param folder where the JSON files live (created when missing)
   * @param log the workspace audit log
   * @param user the OS user acting through this book (requester or statistician)
   * @param clock time source
   */
  ClearanceBook(Path folder, AuditLog log, String user, Clock clock) {
    this.folder = Objects.requireNonNull(folder);
    this.log = Objects.requireNonNull(log);
    this.user = Objects.requireNonNull(user);
    this.clock = Objects.requireNonNull(clock);
  }

  /** The book of a workspace, acting as the current OS user. */
  public static ClearanceBook of(Workspace workspace) {
    return of(workspace, System.getProperty("user.name", "unknown"));
  }

  /** The book of a workspace, acting as {@code user}. */
  public static ClearanceBook of(Workspace workspace, String user) {
    return new ClearanceBook(
        workspace.directory().resolve("clearance"), workspace.auditLog(), user, Clock.systemUTC());
  }

  /**
   * The book kept in {@code folder} and announced in {@code log}, acting as {@code user} (e.g. a
   * statistician other than the OS user in a shared workspace, or a test).
   */
  public static ClearanceBook open(Path folder, AuditLog log, String user) {
    return new ClearanceBook(folder, log, user, Clock.systemUTC());
  }

  /** The user this book acts as. */
  public String user() {
    return user;
  }

  /**
   * Submits an exception request for a table that failed the automatic checks.
   *
   * @throws StatBenchException when the justification is blank, the report is stale (computed on
   *     another table) or the report passed (no clearance needed)
   */
  public synchronized ClearanceRequest submit(
      Table table, ReportSnapshot report, String justification) {
    if (justification == null || justification.isBlank()) {
      throw new StatBenchException("A clearance request needs a written justification.");
    }
    if (!report.tableHash().equals(table.hash())) {
      throw new StatBenchException(
          "The disclosure report is stale: it was computed on another table. Check the table"
              + " again before requesting clearance.");
    }
    if (report.passed()) {
      throw new StatBenchException(
          "This table passes the disclosure check; export it directly, no clearance is needed.");
    }
    try {
      Files.createDirectories(folder);
      for (int attempt = 0; ; attempt++) {
        String id = String.format("CR-%04d", nextNumber() + attempt);
        ClearanceRequest request =
            new ClearanceRequest(id, clock.instant(), user, justification.strip(), table, report);
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("created", request.created().toString());
        o.put("requester", user);
        o.put("justification", request.justification());
        o.put("tableHash", table.hash());
        o.set("report", SnapshotJson.write(report));
        o.set("table", TableJson.write(table));
        byte[] bytes = JSON.writeValueAsBytes(o);
        try {
          Files.write(requestFile(id), bytes, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
          continue;
        }
        ObjectNode details = JSON.createObjectNode();
        details.put("tableHash", table.hash());
        details.put("file", sha256(bytes));
        details.put("failing", report.failing().size());
        details.put("justification", request.justification());
        log.append(REQUEST, user, id, details.toString());
        return request;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the clearance request in " + folder, e);
    }
  }

  /**
   * Approves a request with a mandatory comment; the approval clears exactly the request's table.
   *
   * @throws StatBenchException when the comment is blank, the request is unknown, tampered or
   *     already decided
   */
  public ClearanceDecision approve(String requestId, String comment) {
    return decide(requestId, ClearanceOutcome.APPROVED, comment);
  }

  /**
   * Rejects a request with a mandatory comment.
   *
   * @throws StatBenchException when the comment is blank, the request is unknown, tampered or
   *     already decided
   */
  public ClearanceDecision reject(String requestId, String comment) {
    return decide(requestId, ClearanceOutcome.REJECTED, comment);
  }

  private synchronized ClearanceDecision decide(
      String requestId, ClearanceOutcome outcome, String comment) {
    if (comment == null || comment.isBlank()) {
      throw new StatBenchException(
          "A comment is required to "
              + (outcome == ClearanceOutcome.APPROVED ? "approve" : "reject")
              + " a clearance request.");
    }
    ClearanceRequest request = request(requestId);
    if (decision(requestId).isPresent() || Files.exists(decisionFile(requestId))) {
      throw new StatBenchException("Clearance request " + requestId + " is already decided.");
    }
    ClearanceDecision d =
        new ClearanceDecision(
            requestId, request.tableHash(), outcome, user, comment.strip(), clock.instant());
    ObjectNode o = JSON.createObjectNode();
    o.put("requestId", requestId);
    o.put("tableHash", d.tableHash());
    o.put("outcome", outcome.name());
    o.put("statistician", user);
    o.put("comment", d.comment());
    o.put("decided", d.decided().toString());
    try {
      byte[] bytes = JSON.writeValueAsBytes(o);
      Files.write(decisionFile(requestId), bytes, StandardOpenOption.CREATE_NEW);
      ObjectNode details = JSON.createObjectNode();
      details.put("tableHash", d.tableHash());
      details.put("file", sha256(bytes));
      details.put("requester", request.requester());
      details.put("comment", d.comment());
      log.append(
          outcome == ClearanceOutcome.APPROVED ? APPROVE : REJECT,
          user,
          requestId,
          details.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the clearance decision in " + folder, e);
    }
    return d;
  }

  /**
   * A request by id, verified against its audit entry.
   *
   * @throws StatBenchException when unknown or tampered with
   */
  public ClearanceRequest request(String id) {
    Path file = requestFile(id);
    if (!ID.matcher(id).matches() || !Files.isRegularFile(file)) {
      throw new StatBenchException("No clearance request " + id + " in this workspace.");
    }
    byte[] bytes = readVerified(file, REQUEST, id);
    try {
      JsonNode o = JSON.readTree(bytes);
      Table table = TableJson.read(o.get("table"));
      ReportSnapshot report = SnapshotJson.read(o.get("report"));
      if (!table.hash().equals(o.get("tableHash").asText())) {
        throw new StatBenchException(
            "Clearance request " + id + " has been tampered with: its table does not match.");
      }
      return new ClearanceRequest(
          id,
          Instant.parse(o.get("created").asText()),
          o.get("requester").asText(),
          o.get("justification").asText(),
          table,
          report);
    } catch (IOException | RuntimeException e) {
      if (e instanceof StatBenchException se) {
        throw se;
      }
      throw new StatBenchException("Clearance request " + id + " cannot be read: " + e, e);
    }
  }

  /**
   * The decision on a request, verified against its audit entry, or empty while pending.
   *
   * @throws StatBenchException when the decision file was tampered with
   */
  public Optional<ClearanceDecision> decision(String requestId) {
    Path file = decisionFile(requestId);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    byte[] bytes = readVerified(file, null, requestId);
    try {
      JsonNode o = JSON.readTree(bytes);
      return Optional.of(
          new ClearanceDecision(
              o.get("requestId").asText(),
              o.get("tableHash").asText(),
              ClearanceOutcome.valueOf(o.get("outcome").asText()),
              o.get("statistician").asText(),
              o.get("comment").asText(),
              Instant.parse(o.get("decided").asText())));
    } catch (IOException | RuntimeException e) {
      throw new StatBenchException(
          "Clearance decision on " + requestId + " cannot be read: " + e, e);
    }
  }

  /** Every request id in the workspace, oldest first. */
  public List<String> ids() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.endsWith(".decision.json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .filter(n -> ID.matcher(n).matches())
          .sorted(Comparator.comparingInt(ClearanceBook::number))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  /** Every entry of the book with its state, oldest first; tampered files are listed as such. */
  public List<ClearanceItem> items() {
    List<ClearanceItem> out = new ArrayList<>();
    for (String id : ids()) {
      try {
        ClearanceRequest r = request(id);
        out.add(new ClearanceItem(id, r, decision(id).orElse(null), null));
      } catch (StatBenchException e) {
        out.add(new ClearanceItem(id, null, null, e.getMessage()));
      }
    }
    return out;
  }

  /** Requests without a decision, oldest first (tampered requests are left out). */
  public List<ClearanceRequest> pending() {
    return items().stream()
        .filter(i -> i.problem() == null && i.decision() == null)
        .map(ClearanceItem::request)
        .toList();
  }

  /**
   * The verified approval that clears the table with this hash, if any. Decisions that do not match
   * their audit entry are ignored.
   */
  public Optional<ClearanceDecision> approvalFor(String tableHash) {
    return approvedItem(tableHash).map(ClearanceItem::decision);
  }

  /** The request and verified approval that clear the table with this hash, if any. */
  Optional<ClearanceItem> approvedItem(String tableHash) {
    for (ClearanceItem i : items()) {
      if (i.decision() != null
          && i.decision().approved()
          && i.decision().tableHash().equals(tableHash)
          && i.request().tableHash().equals(tableHash)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** True when {@code d} is an approval recorded (and intact) in this workspace. */
  public boolean isRecorded(ClearanceDecision d) {
    try {
      return decision(d.requestId()).filter(d::equals).isPresent();
    } catch (StatBenchException e) {
      return false;
    }
  }

  private byte[] readVerified(Path file, String type, String subject) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    String hash = sha256(bytes);
    for (AuditEntry e : log.entries()) {
      boolean typeOk =
          type == null
              ? e.type().equals(APPROVE) || e.type().equals(REJECT)
              : e.type().equals(type);
      if (typeOk && e.subject().equals(subject)) {
        String recorded;
        try {
          recorded = JSON.readTree(e.details()).path("file").asText("");
        } catch (IOException ex) {
          recorded = "";
        }
        if (recorded.equals(hash)) {
          return bytes;
        }
        throw new StatBenchException(
            file.getFileName() + " has been tampered with: it differs from audit entry " + e.seq());
      }
    }
    throw new StatBenchException(
        file.getFileName() + " is not recorded in the audit log; it does not count.");
  }

  private int nextNumber() {
    return ids().stream().mapToInt(ClearanceBook::number).max().orElse(0) + 1;
  }

  private static int number(String id) {
    Matcher m = ID.matcher(id);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  private Path requestFile(String id) {
    return folder.resolve(id + ".json");
  }

  private Path decisionFile(String id) {
    return folder.resolve(id + ".decision.json");
  }

  static String sha256(byte[] bytes) {
    return Digests.sha256Hex(bytes);
  }
}
