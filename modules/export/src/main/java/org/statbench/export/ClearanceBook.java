package org.statbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.statbench.core.RefusedException;
import org.statbench.core.StatBenchException;
import org.statbench.core.format.Digests;
import org.statbench.core.table.Table;
import org.statbench.store.AuditEntry;
import org.statbench.store.AuditLog;
import org.statbench.store.AuditVerification;
import org.statbench.store.Workspace;
import org.statbench.store.WorkspaceFiles;

/**
 * The workspace's clearance requests and decisions. Each request and each decision is an immutable
 * JSON file under {@code DIR/clearance/} ({@code CR-0001.json}, {@code CR-0001.decision.json};
 * {@code RL-0001.json} for record-level requests), and each is announced by an audit-log entry
 * ({@code request}, {@code request-records}, {@code approve}, {@code reject}) that carries the
 * SHA-256 of the file. A file whose content no longer matches its audit entry is reported as
 * tampered and never counts as a clearance.
 *
 * <p>Decisions are signed: a statistician decides with their {@link SigningKey}, and the Ed25519
 * signature covers the request id, the table hash (for a record-level request, its {@link
 * RecordRequest#contentHash()}), the outcome, the comment, the time, the request file's hash and
 * the hash of the last audit entry before the decision (so a rewritten chain no longer matches a
 * signature). A decision counts only when its signature verifies against a key in the {@link
 * TrustFile} and that key (and its name) is not the requester's. The book refuses to record
 * self-approvals, decisions with untrusted keys, second decisions and decisions on tampered
 * requests ({@link RefusedException}).
 *
 * <p>Thread-safe: submissions and decisions are serialised on the instance.
 */
// Size (over 500 lines): the clearance queue's one owner of its files and audit entries (table and
// record-level requests, signed decisions, verification); splitting the writers from the
// verification would let one change without the other, which is what must not happen.
public final class ClearanceBook {
  /** Audit entry types written by the book. */
  public static final String REQUEST = "request";

  public static final String REQUEST_RECORDS = "request-records";
  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";

  /** How a verification text starts when the decision holds. */
  public static final String VERIFIED = "verified";

  private static final String PAYLOAD_VERSION = "statbench-clearance-decision-1";
  private static final Pattern ID = Pattern.compile("(CR|RL)-(\\d{4,})");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path folder;
  private final AuditLog log;
  private final String user;
  private final Clock clock;
  private final TrustFile trust;
  private final WorkspaceFiles files;

  /**
   * @param folder where the JSON files live (created when missing)
   * @param log the workspace audit log
   * @param user the user acting through this book (requester; a decider is named by their key)
   * @param clock time source
   * @param trust the statisticians whose decisions count
   * @param files how the workspace stores files (encrypted or not)
   */
  ClearanceBook(
      Path folder, AuditLog log, String user, Clock clock, TrustFile trust, WorkspaceFiles files) {
    this.folder = Objects.requireNonNull(folder);
    this.log = Objects.requireNonNull(log);
    this.user = Objects.requireNonNull(user);
    this.clock = Objects.requireNonNull(clock);
    this.trust = Objects.requireNonNull(trust);
    this.files = Objects.requireNonNull(files);
  }

  ClearanceBook(Path folder, AuditLog log, String user, Clock clock, TrustFile trust) {
    this(folder, log, user, clock, trust, WorkspaceFiles.PLAIN);
  }

  /** The book of a workspace, acting as the current OS user, trusting the home's trust file. */
  public static ClearanceBook of(Workspace workspace) {
    return of(workspace, System.getProperty("user.name", "unknown"));
  }

  /** The book of a workspace, acting as {@code user}, trusting the home's trust file. */
  public static ClearanceBook of(Workspace workspace, String user) {
    return new ClearanceBook(
        workspace.directory().resolve("clearance"),
        workspace.auditLog(),
        user,
        Clock.systemUTC(),
        TrustFile.inHome(),
        workspace.files());
  }

  /** The book kept in {@code folder} and announced in {@code log}, trusting the home's file. */
  public static ClearanceBook open(Path folder, AuditLog log, String user) {
    return open(folder, log, user, TrustFile.inHome());
  }

  /** The book kept in {@code folder}, announced in {@code log}, trusting {@code trust}. */
  public static ClearanceBook open(Path folder, AuditLog log, String user, TrustFile trust) {
    return new ClearanceBook(folder, log, user, Clock.systemUTC(), trust);
  }

  /** The user this book acts as. */
  public String user() {
    return user;
  }

  /** The trust file the book checks decisions against. */
  public TrustFile trust() {
    return trust;
  }

  /**
   * Submits an exception request for a table that failed the automatic checks, under the user name.
   *
   * @throws StatBenchException when the justification is blank, the report is stale (computed on
   *     another table) or the report passed (no clearance needed)
   */
  public ClearanceRequest submit(Table table, ReportSnapshot report, String justification) {
    return submit(table, report, justification, null);
  }

  /**
   * Submits an exception request, recording the requester's key (which then cannot approve it).
   *
   * @param requesterKey the requester's public key, or null to record the user name only
   * @throws StatBenchException as {@link #submit(Table, ReportSnapshot, String)}
   */
  public synchronized ClearanceRequest submit(
      Table table, ReportSnapshot report, String justification, PublicSigningKey requesterKey) {
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
    for (int attempt = 0; ; attempt++) {
      String id = String.format("CR-%04d", nextNumber("CR") + attempt);
      ClearanceRequest request =
          new ClearanceRequest(
              id, clock.instant(), user, justification.strip(), table, report, requesterKey);
      ObjectNode o = JSON.createObjectNode();
      o.put("id", id);
      o.put("kind", "table");
      o.put("created", request.created().toString());
      o.put("requester", user);
      putKey(o, "requesterKey", requesterKey);
      o.put("justification", request.justification());
      o.put("tableHash", table.hash());
      o.set("report", SnapshotJson.write(report));
      o.set("table", TableJson.write(table));
      byte[] bytes = bytes(o);
      if (!create(requestFile(id), bytes)) {
        continue;
      }
      ObjectNode details = JSON.createObjectNode();
      details.put("tableHash", table.hash());
      details.put("file", sha256(bytes));
      details.put("failing", report.failing().size());
      details.put("justification", request.justification());
      if (requesterKey != null) {
        details.put("requesterKey", requesterKey.fingerprint());
      }
      log.append(REQUEST, user, id, details.toString());
      return request;
    }
  }

  /**
   * Submits a record-level release request (what, how many rows at most, to whom, why).
   *
   * @param requesterKey the requester's public key, or null to record the user name only
   * @throws IllegalArgumentException when a field is blank or rows is negative
   */
  public synchronized RecordRequest submitRecords(
      String what, long rows, String recipient, String purpose, PublicSigningKey requesterKey) {
    for (int attempt = 0; ; attempt++) {
      String id = String.format("RL-%04d", nextNumber("RL") + attempt);
      RecordRequest r =
          new RecordRequest(
              id,
              clock.instant(),
              user,
              requesterKey,
              what == null ? null : what.strip(),
              rows,
              recipient == null ? null : recipient.strip(),
              purpose == null ? null : purpose.strip());
      ObjectNode o = JSON.createObjectNode();
      o.put("id", id);
      o.put("kind", "records");
      o.put("created", r.created().toString());
      o.put("requester", user);
      putKey(o, "requesterKey", requesterKey);
      o.put("what", r.what());
      o.put("rows", rows);
      o.put("recipient", r.recipient());
      o.put("purpose", r.purpose());
      o.put("contentHash", r.contentHash());
      byte[] bytes = bytes(o);
      if (!create(requestFile(id), bytes)) {
        continue;
      }
      ObjectNode details = JSON.createObjectNode();
      details.put("contentHash", r.contentHash());
      details.put("file", sha256(bytes));
      details.put("rows", rows);
      details.put("what", r.what());
      details.put("recipient", r.recipient());
      if (requesterKey != null) {
        details.put("requesterKey", requesterKey.fingerprint());
      }
      log.append(REQUEST_RECORDS, user, id, details.toString());
      return r;
    }
  }

  /**
   * Approves a request (table or record-level) with a mandatory comment, signed with the
   * statistician's key; the approval clears exactly the request's table (or records).
   *
   * @throws StatBenchException when the comment is blank or the request is unknown
   * @throws RefusedException when the key is not trusted, belongs to the requester, the request is
   *     already decided or was tampered with
   */
  public ClearanceDecision approve(String requestId, String comment, SigningKey key) {
    return decide(requestId, ClearanceOutcome.APPROVED, comment, key);
  }

  /**
   * Rejects a request with a mandatory comment, signed with the statistician's key.
   *
   * @throws StatBenchException as {@link #approve}
   * @throws RefusedException as {@link #approve}
   */
  public ClearanceDecision reject(String requestId, String comment, SigningKey key) {
    return decide(requestId, ClearanceOutcome.REJECTED, comment, key);
  }

  /** What a request being decided says about itself. */
  private record Subject(
      String id, String hash, String requester, PublicSigningKey requesterKey, String fileHash) {}

  private Subject subject(String requestId) {
    if (!ID.matcher(requestId).matches() || !files.exists(requestFile(requestId))) {
      throw new StatBenchException("No clearance request " + requestId + " in this workspace.");
    }
    String fileHash = sha256(read(requestFile(requestId)));
    if (requestId.startsWith("RL")) {
      RecordRequest r = recordRequest(requestId);
      return new Subject(requestId, r.contentHash(), r.requester(), r.requesterKey(), fileHash);
    }
    ClearanceRequest r = request(requestId);
    return new Subject(requestId, r.tableHash(), r.requester(), r.requesterKey(), fileHash);
  }

  private synchronized ClearanceDecision decide(
      String requestId, ClearanceOutcome outcome, String comment, SigningKey key) {
    String verb = outcome == ClearanceOutcome.APPROVED ? "approve" : "reject";
    if (comment == null || comment.isBlank()) {
      throw new StatBenchException("A comment is required to " + verb + " a clearance request.");
    }
    Objects.requireNonNull(key, "a decision is signed with the statistician's key");
    Subject s;
    try {
      s = subject(requestId);
    } catch (StatBenchException e) {
      if (e.getMessage().contains("tampered") || e.getMessage().contains("not recorded")) {
        throw new RefusedException("cannot " + verb + ": " + e.getMessage());
      }
      throw e;
    }
    if (files.exists(decisionFile(requestId))) {
      throw new RefusedException("clearance request " + requestId + " is already decided");
    }
    PublicSigningKey pub = key.publicKey();
    if (!trust.trusts(pub)) {
      throw new RefusedException(
          "the key "
              + pub.describe()
              + " is not a trusted statistician's key (not in "
              + trust.file()
              + "); a request from it can be made but not approved by it");
    }
    String self = selfApproval(pub, s);
    if (self != null) {
      throw new RefusedException(self);
    }
    Instant decided = clock.instant();
    List<AuditEntry> entries = log.entries();
    String head = entries.isEmpty() ? "0".repeat(64) : entries.get(entries.size() - 1).hash();
    String kind = requestId.startsWith("RL") ? "records" : "table";
    byte[] payload =
        decisionPayload(
            kind, requestId, s.hash(), outcome, comment.strip(), decided, s.fileHash(), head);
    String signature = key.sign(payload);
    ClearanceDecision d =
        new ClearanceDecision(
            requestId, s.hash(), outcome, pub.name(), comment.strip(), decided, pub, signature);
    ObjectNode o = JSON.createObjectNode();
    o.put("requestId", requestId);
    o.put("kind", kind);
    o.put("tableHash", d.tableHash());
    o.put("outcome", outcome.name());
    o.put("statistician", pub.name());
    o.put("comment", d.comment());
    o.put("decided", decided.toString());
    o.put("requestFile", s.fileHash());
    o.put("chainHead", head);
    o.put("publicKey", pub.base64());
    o.put("signature", signature);
    byte[] bytes = bytes(o);
    if (!create(decisionFile(requestId), bytes)) {
      throw new RefusedException("clearance request " + requestId + " is already decided");
    }
    ObjectNode details = o.deepCopy();
    details.remove("requestId");
    details.put("file", sha256(bytes));
    details.put("requester", s.requester());
    log.append(
        outcome == ClearanceOutcome.APPROVED ? APPROVE : REJECT,
        pub.name(),
        requestId,
        details.toString());
    return d;
  }

  /** Why {@code decider} may not decide on {@code s}, or null. */
  private static String selfApproval(PublicSigningKey decider, Subject s) {
    if (decider.sameKey(s.requesterKey())) {
      return "self-approval refused: clearance request "
          + s.id()
          + " was made with the same key "
          + decider.fingerprint()
          + "; another statistician must decide";
    }
    if (decider.name().equalsIgnoreCase(s.requester())
        || (s.requesterKey() != null && decider.name().equalsIgnoreCase(s.requesterKey().name()))) {
      return "self-approval refused: clearance request "
          + s.id()
          + " was made by "
          + s.requester()
          + ", the same name as the key "
          + decider.describe()
          + "; another statistician must decide";
    }
    return null;
  }

  /**
   * The bytes a decision's signature covers: each field as a length-prefixed UTF-8 string, so no
   * two different decisions share a payload.
   */
  static byte[] decisionPayload(
      String kind,
      String requestId,
      String subjectHash,
      ClearanceOutcome outcome,
      String comment,
      Instant decided,
      String requestFileHash,
      String chainHead) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String f :
        new String[] {
          PAYLOAD_VERSION,
          kind,
          requestId,
          subjectHash,
          outcome.name(),
          comment,
          decided.toString(),
          requestFileHash,
          chainHead
        }) {
      byte[] b = f.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
      out.writeBytes(b);
    }
    return out.toByteArray();
  }

  /**
   * Checks a decision as stored (file JSON or audit details): the signature over its fields, the
   * signer trusted and not the requester, the request file it names, and (when {@code
   * earlierHashes} is given) the chain head it was signed over.
   *
   * @return null when it holds, else what is wrong
   */
  private String checkDecision(
      String requestId, JsonNode d, String outcomeName, Subject s, Set<String> earlierHashes) {
    String sig = d.path("signature").asText("");
    String keyB64 = d.path("publicKey").asText("");
    if (sig.isEmpty() || keyB64.isEmpty()) {
      return "the decision on " + requestId + " is not signed";
    }
    PublicSigningKey key;
    try {
      key = PublicSigningKey.fromBase64(d.path("statistician").asText("?"), keyB64);
    } catch (IllegalArgumentException e) {
      return "the decision on " + requestId + " names an unreadable key";
    }
    ClearanceOutcome outcome;
    Instant decided;
    try {
      outcome = ClearanceOutcome.valueOf(outcomeName);
      decided = Instant.parse(d.path("decided").asText());
    } catch (RuntimeException e) {
      return "the decision on " + requestId + " is unreadable";
    }
    byte[] payload =
        decisionPayload(
            d.path("kind").asText(),
            requestId,
            d.path("tableHash").asText(),
            outcome,
            d.path("comment").asText(),
            decided,
            d.path("requestFile").asText(),
            d.path("chainHead").asText());
    if (!key.verifies(payload, sig)) {
      return "the signature on the decision on "
          + requestId
          + " does not verify (forged or edited after signing)";
    }
    if (!trust.trusts(key)) {
      return "the decision on " + requestId + " is signed by an untrusted key " + key.describe();
    }
    if (s != null) {
      if (!d.path("requestFile").asText().equals(s.fileHash())
          || !d.path("tableHash").asText().equals(s.hash())) {
        return "the decision on " + requestId + " was signed over another request";
      }
      String self = selfApproval(key, s);
      if (self != null) {
        return self;
      }
    }
    if (earlierHashes != null && !earlierHashes.contains(d.path("chainHead").asText())) {
      return "the decision on "
          + requestId
          + " was signed over an audit log that is no longer there (the chain was rewritten)";
    }
    return null;
  }

  /**
   * A table request by id, verified against its audit entry.
   *
   * @throws StatBenchException when unknown or tampered with
   */
  public ClearanceRequest request(String id) {
    JsonNode o = requestJson(id, REQUEST);
    try {
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
          report,
          readKey(o.get("requesterKey")));
    } catch (RuntimeException e) {
      if (e instanceof StatBenchException se) {
        throw se;
      }
      throw new StatBenchException("Clearance request " + id + " cannot be read: " + e, e);
    }
  }

  /**
   * A record-level request by id, verified against its audit entry.
   *
   * @throws StatBenchException when unknown or tampered with
   */
  public RecordRequest recordRequest(String id) {
    JsonNode o = requestJson(id, REQUEST_RECORDS);
    try {
      RecordRequest r =
          new RecordRequest(
              id,
              Instant.parse(o.get("created").asText()),
              o.get("requester").asText(),
              readKey(o.get("requesterKey")),
              o.get("what").asText(),
              o.get("rows").asLong(),
              o.get("recipient").asText(),
              o.get("purpose").asText());
      if (!r.contentHash().equals(o.path("contentHash").asText())) {
        throw new StatBenchException("Record-level request " + id + " has been tampered with.");
      }
      return r;
    } catch (RuntimeException e) {
      if (e instanceof StatBenchException se) {
        throw se;
      }
      throw new StatBenchException("Record-level request " + id + " cannot be read: " + e, e);
    }
  }

  private JsonNode requestJson(String id, String type) {
    Path file = requestFile(id);
    if (!ID.matcher(id).matches() || !files.exists(file)) {
      throw new StatBenchException("No clearance request " + id + " in this workspace.");
    }
    byte[] bytes = readVerified(file, type, id);
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new StatBenchException("Clearance request " + id + " cannot be read: " + e, e);
    }
  }

  /**
   * The decision on a request, verified against its audit entry, or empty while pending. The
   * decision's signature is checked separately ({@link #items()}, {@link #verification}).
   *
   * @throws StatBenchException when the decision file was tampered with
   */
  public Optional<ClearanceDecision> decision(String requestId) {
    Path file = decisionFile(requestId);
    if (!files.exists(file)) {
      return Optional.empty();
    }
    byte[] bytes = readVerified(file, null, requestId);
    try {
      JsonNode o = JSON.readTree(bytes);
      String keyB64 = o.path("publicKey").asText("");
      return Optional.of(
          new ClearanceDecision(
              o.get("requestId").asText(),
              o.get("tableHash").asText(),
              ClearanceOutcome.valueOf(o.get("outcome").asText()),
              o.get("statistician").asText(),
              o.get("comment").asText(),
              Instant.parse(o.get("decided").asText()),
              keyB64.isEmpty()
                  ? null
                  : PublicSigningKey.fromBase64(o.get("statistician").asText(), keyB64),
              o.path("signature").asText(null)));
    } catch (IOException | RuntimeException e) {
      throw new StatBenchException(
          "Clearance decision on " + requestId + " cannot be read: " + e, e);
    }
  }

  /**
   * Whether the decision on a request holds: {@code verified: signed by NAME (fingerprint), a
   * trusted statistician} or what is wrong; null while pending.
   */
  public String verification(String requestId) {
    Path file = decisionFile(requestId);
    if (!files.exists(file)) {
      return null;
    }
    try {
      Subject s = subject(requestId);
      byte[] bytes = readVerified(file, null, requestId);
      JsonNode o = JSON.readTree(bytes);
      Set<String> earlier = new HashSet<>();
      earlier.add("0".repeat(64));
      for (AuditEntry e : log.entries()) {
        if (isDecision(e) && e.subject().equals(requestId)) {
          break;
        }
        earlier.add(e.hash());
      }
      String problem = checkDecision(requestId, o, o.path("outcome").asText(), s, earlier);
      if (problem != null) {
        return problem;
      }
      PublicSigningKey k =
          PublicSigningKey.fromBase64(o.get("statistician").asText(), o.get("publicKey").asText());
      return VERIFIED + ": signed by " + k.describe() + ", a trusted statistician";
    } catch (StatBenchException | IOException e) {
      return e.getMessage();
    }
  }

  private static boolean isDecision(AuditEntry e) {
    return e.type().equals(APPROVE) || e.type().equals(REJECT);
  }

  /** Every table request id in the workspace, oldest first. */
  public List<String> ids() {
    return ids("CR");
  }

  /** Every record-level request id in the workspace, oldest first. */
  public List<String> recordIds() {
    return ids("RL");
  }

  private List<String> ids(String prefix) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.endsWith(".decision.json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .filter(n -> ID.matcher(n).matches() && n.startsWith(prefix))
          .sorted(Comparator.comparingInt(ClearanceBook::number))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  /**
   * Every table request with its state and the verification of its decision, oldest first; tampered
   * files are listed as such.
   */
  public List<ClearanceItem> items() {
    List<ClearanceItem> out = new ArrayList<>();
    for (String id : ids()) {
      try {
        ClearanceRequest r = request(id);
        ClearanceDecision d = decision(id).orElse(null);
        out.add(new ClearanceItem(id, r, d, null, d == null ? null : verification(id)));
      } catch (StatBenchException e) {
        out.add(new ClearanceItem(id, null, null, e.getMessage(), null));
      }
    }
    return out;
  }

  /** Every record-level request with its state, oldest first. */
  public List<RecordClearance> recordItems() {
    List<RecordClearance> out = new ArrayList<>();
    for (String id : recordIds()) {
      try {
        RecordRequest r = recordRequest(id);
        ClearanceDecision d = decision(id).orElse(null);
        out.add(new RecordClearance(id, r, d, null, d == null ? null : verification(id)));
      } catch (StatBenchException e) {
        out.add(new RecordClearance(id, null, null, e.getMessage(), null));
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
   * their audit entry, or whose signature does not verify against a trusted key other than the
   * requester's, are ignored.
   */
  public Optional<ClearanceDecision> approvalFor(String tableHash) {
    return approvedItem(tableHash).map(ClearanceItem::decision);
  }

  /** The request and verified approval that clear the table with this hash, if any. */
  Optional<ClearanceItem> approvedItem(String tableHash) {
    for (ClearanceItem i : items()) {
      if (i.verified()
          && i.decision().approved()
          && i.decision().tableHash().equals(tableHash)
          && i.request().tableHash().equals(tableHash)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** True when {@code d} is an approval recorded intact in this workspace and it verifies. */
  public boolean isRecorded(ClearanceDecision d) {
    try {
      String v = verification(d.requestId());
      return decision(d.requestId()).filter(d::equals).isPresent()
          && v != null
          && v.startsWith(VERIFIED);
    } catch (StatBenchException e) {
      return false;
    }
  }

  /**
   * Checks the audit log: the hash chain ({@link AuditLog#verify()}), then every request and
   * decision entry against its file, and every decision's signature, signer (trusted, not the
   * requester) and the chain head it was signed over. Reports the first bad entry.
   */
  public AuditVerification verifyLog() {
    AuditVerification chain = log.verify();
    if (!chain.ok()) {
      return chain;
    }
    List<AuditEntry> entries = log.entries();
    Set<String> earlier = new HashSet<>();
    earlier.add("0".repeat(64));
    int decisions = 0;
    for (AuditEntry e : entries) {
      String problem = null;
      try {
        problem = checkEntry(e, earlier);
      } catch (StatBenchException | IOException ex) {
        problem = ex.getMessage();
      }
      if (problem != null) {
        return new AuditVerification(
            false,
            entries.size(),
            e.seq(),
            "Audit log bad at entry "
                + e.seq()
                + " ("
                + e.type()
                + " "
                + e.subject()
                + "): "
                + problem);
      }
      decisions += isDecision(e) ? 1 : 0;
      earlier.add(e.hash());
    }
    return new AuditVerification(
        true,
        entries.size(),
        -1,
        "Audit log intact: "
            + entries.size()
            + " entries, "
            + decisions
            + " signed decision"
            + (decisions == 1 ? "" : "s")
            + " verified");
  }

  private String checkEntry(AuditEntry e, Set<String> earlier) throws IOException {
    boolean request = e.type().equals(REQUEST) || e.type().equals(REQUEST_RECORDS);
    if (!request && !isDecision(e)) {
      return null;
    }
    JsonNode details = JSON.readTree(e.details() == null ? "{}" : e.details());
    Path file = request ? requestFile(e.subject()) : decisionFile(e.subject());
    if (!files.exists(file)) {
      return "its file " + file.getFileName() + " is missing (deleted)";
    }
    if (!sha256(read(file)).equals(details.path("file").asText())) {
      return "its file " + file.getFileName() + " differs from what was recorded (edited)";
    }
    if (request) {
      return null;
    }
    String outcome = e.type().equals(APPROVE) ? "APPROVED" : "REJECTED";
    if (!outcome.equals(details.path("outcome").asText())) {
      return "the entry's type does not match the signed outcome";
    }
    return checkDecision(e.subject(), details, outcome, subject(e.subject()), earlier);
  }

  private byte[] readVerified(Path file, String type, String subject) {
    byte[] bytes = read(file);
    String hash = sha256(bytes);
    for (AuditEntry e : log.entries()) {
      boolean typeOk = type == null ? isDecision(e) : e.type().equals(type);
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

  private static void putKey(ObjectNode o, String field, PublicSigningKey key) {
    if (key != null) {
      ObjectNode k = o.putObject(field);
      k.put("name", key.name());
      k.put("publicKey", key.base64());
    }
  }

  private static PublicSigningKey readKey(JsonNode k) {
    if (k == null || k.isNull() || k.isMissingNode()) {
      return null;
    }
    return PublicSigningKey.fromBase64(k.get("name").asText(), k.get("publicKey").asText());
  }

  private static byte[] bytes(ObjectNode o) {
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a new file; false when it already exists. */
  private boolean create(Path file, byte[] plain) {
    try {
      Files.createDirectories(folder);
      files.createNew(file, plain);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the clearance file " + file, e);
    }
  }

  /** The plain content of a book file (whose hash the audit log records). */
  private byte[] read(Path file) {
    try {
      return files.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private int nextNumber(String prefix) {
    return ids(prefix).stream().mapToInt(ClearanceBook::number).max().orElse(0) + 1;
  }

  private static int number(String id) {
    Matcher m = ID.matcher(id);
    return m.matches() ? Integer.parseInt(m.group(2)) : 0;
  }

  private Path requestFile(String id) {
    return folder.resolve(id + ".json");
  }

  private Path decisionFile(String id) {
    return folder.resolve(id + ".decision.json");
  }

  /** Lower-case hex SHA-256. */
  static String sha256(byte[] bytes) {
    return Digests.sha256Hex(bytes);
  }

  static String lower(ClearanceOutcome o) {
    return o.name().toLowerCase(Locale.ROOT);
  }
}
