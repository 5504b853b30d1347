package org.statbench.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.RefusedException;
import org.statbench.core.table.Table;
import org.statbench.store.AuditVerification;
import org.statbench.store.Crypto;
import org.statbench.store.Workspace;

/** Clearance with real identities: signed decisions, the trust file, and tamper detection. */
class SignedClearanceTest {
  @TempDir Path dir;

  private static final SigningKey SAM = SigningKey.create("sam");
  private static final SigningKey ANN = SigningKey.create("ann");
  private static final SigningKey MALLORY = SigningKey.create("mallory");

  private final Table table = org.statbench.testsupport.TestData.regionBySex();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  private Workspace ws;
  private TrustFile trust;

  @BeforeEach
  void open() {
    ws = Workspace.open(dir.resolve("ws"));
    trust = TrustFile.at(dir.resolve("home/trusted-statisticians"));
    trust.add(SAM.publicKey());
    trust.add(ANN.publicKey());
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private ClearanceBook as(String user) {
    return new ClearanceBook(
        ws.directory().resolve("clearance"), ws.auditLog(), user, clock, trust);
  }

  private ExportGate gate() {
    return new ExportGate(ws.auditLog(), as("ann"), "ann");
  }

  @Test
  void keyFileRoundTripsOnlyWithItsPassphrase() throws Exception {
    Path key = dir.resolve("keys/sam.key");
    Path pub = SAM.write(key, "correct horse".toCharArray(), 1_000);
    assertThat(pub.getFileName().toString()).isEqualTo("sam.pub");
    SigningKey back = SigningKey.read(key, "correct horse".toCharArray());
    assertThat(back.publicKey()).isEqualTo(SAM.publicKey());
    assertThat(
            PublicSigningKey.parse(
                Files.readString(pub.toFile().toPath(), StandardCharsets.UTF_8).strip()))
        .isEqualTo(SAM.publicKey());
    assertThatThrownBy(() -> SigningKey.read(key, "wrong".toCharArray()))
        .isInstanceOf(Crypto.WrongPassphraseException.class)
        .hasMessageContaining("passphrase");
  }

  @Test
  void keyFileHoldsNoPrivateKeyInClear() throws Exception {
    Path key = dir.resolve("sam.key");
    SAM.write(key, "pw".toCharArray(), 1_000);
    String text = Files.readString(key);
    assertThat(text).contains("PBKDF2WithHmacSHA256").contains("AES-256-GCM");
    // the PKCS#8 header of an Ed25519 private key would show as "MC4CAQAwBQYDK2Vw" in base64
    assertThat(text).doesNotContain("MC4CAQAwBQYDK2Vw");
  }

  @Test
  void selfApprovalWithTheRequestersKeyIsRefused() {
    as("ann").submit(table, Fixtures.failing(table), "why", ANN.publicKey());
    assertThatThrownBy(() -> as("ann").approve("CR-0001", "fine by me", ANN))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("self-approval");
    assertThat(as("sam").pending()).hasSize(1);
  }

  @Test
  void selfApprovalUnderTheRequestersNameIsRefused() {
    as("sam").submit(table, Fixtures.failing(table), "why"); // no key: the user name counts
    assertThatThrownBy(() -> as("sam").approve("CR-0001", "fine", SAM))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("self-approval");
  }

  @Test
  void untrustedKeyCanRequestButNotApprove() {
    as("mallory").submit(table, Fixtures.failing(table), "why", MALLORY.publicKey());
    assertThatThrownBy(() -> as("ann").approve("CR-0001", "fine", MALLORY))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("not a trusted statistician");
    ClearanceDecision ok = as("sam").approve("CR-0001", "fine", SAM);
    assertThat(ok.deciderKey()).isEqualTo(SAM.publicKey());
    assertThat(as("sam").items().get(0).verification()).startsWith("verified: signed by sam");
  }

  @Test
  void approvedBySomeoneElseReleasesAndTheLogVerifies() {
    as("ann").submit(table, Fixtures.failing(table), "why", ANN.publicKey());
    as("sam").approve("CR-0001", "fine", SAM);
    assertThat(gate().admit(table, Fixtures.failing(table)).clearance().statistician())
        .isEqualTo("sam");
    AuditVerification v = as("x").verifyLog();
    assertThat(v.ok()).as(v.message()).isTrue();
    assertThat(v.message()).contains("1 signed decision verified");
  }

  @Test
  void decisionSignedByAnUntrustedKeyIsDetectedAndTheGateRefuses() throws Exception {
    as("ann").submit(table, Fixtures.failing(table), "why");
    // mallory is trusted at the moment she signs, then removed from the trust file
    Files.writeString(trust.file(), MALLORY.publicKey().line() + "\n");
    as("x").approve("CR-0001", "fine", MALLORY);
    Files.writeString(trust.file(), SAM.publicKey().line() + "\n" + ANN.publicKey().line() + "\n");
    assertThatThrownBy(() -> gate().admit(table, Fixtures.failing(table)))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("does not verify")
        .hasMessageContaining("untrusted key");
    AuditVerification v = as("x").verifyLog();
    assertThat(v.ok()).isFalse();
    assertThat(v.firstBroken()).isEqualTo(2);
    assertThat(v.message()).contains("untrusted");
  }

  @Test
  void editedDecisionIsDetectedEvenWhenTheLogIsRewrittenToMatch() throws Exception {
    as("ann").submit(table, Fixtures.failing(table), "why");
    as("sam").reject("CR-0001", "cell A|F is one family", SAM);
    // the attacker turns the rejection into an approval in the file and in the log, re-chained
    Path f = ws.directory().resolve("clearance/CR-0001.decision.json");
    String edited = Files.readString(f).replace("REJECTED", "APPROVED");
    Files.writeString(f, edited);
    String fileHash = ClearanceBook.sha256(edited.getBytes(StandardCharsets.UTF_8));
    rewrite(
        2,
        "approve",
        detailsOf(2)
            .replace("REJECTED", "APPROVED")
            .replaceAll("\"file\":\"[0-9a-f]+\"", "\"file\":\"" + fileHash + "\""));
    assertThat(ws.auditLog().verify().ok()).isTrue(); // the plain chain no longer tells
    AuditVerification v = as("x").verifyLog();
    assertThat(v.ok()).isFalse();
    assertThat(v.firstBroken()).isEqualTo(2);
    assertThat(v.message()).contains("does not verify");
    assertThatThrownBy(() -> gate().admit(table, Fixtures.failing(table)))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("does not verify");
  }

  @Test
  void rewrittenLogChainIsDetectedAtTheFirstSignedDecision() throws Exception {
    as("ann").submit(table, Fixtures.failing(table), "why");
    ws.auditLog().append("check", "ann", table.hash(), "{}");
    as("sam").approve("CR-0001", "fine", SAM);
    // rewrite entry 2 and re-chain everything after it: the plain hash chain holds again
    rewrite(2, "check", "{\"passed\":true}");
    assertThat(ws.auditLog().verify().ok()).isTrue();
    AuditVerification v = as("x").verifyLog();
    assertThat(v.ok()).isFalse();
    assertThat(v.firstBroken()).isEqualTo(3);
    assertThat(v.message()).contains("chain was rewritten");
  }

  @Test
  void deletedDecisionFileIsDetected() throws Exception {
    as("ann").submit(table, Fixtures.failing(table), "why");
    as("sam").approve("CR-0001", "fine", SAM);
    Files.delete(ws.directory().resolve("clearance/CR-0001.decision.json"));
    AuditVerification v = as("x").verifyLog();
    assertThat(v.firstBroken()).isEqualTo(2);
    assertThat(v.message()).contains("missing");
  }

  @Test
  void tamperedRequestCannotBeDecided() throws Exception {
    as("ann").submit(table, Fixtures.failing(table), "why");
    Path f = ws.directory().resolve("clearance/CR-0001.json");
    Files.writeString(f, Files.readString(f).replace("\"why\"", "\"because\""));
    assertThatThrownBy(() -> as("sam").approve("CR-0001", "fine", SAM))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("tampered");
  }

  @Test
  void recordLevelReleaseNeedsItsOwnApprovedClearance() throws Exception {
    RecordRequest r =
        as("ann")
            .submitRecords(
                "links claims x referrals", 2, "Evaluation team", "programme evaluation", null);
    assertThat(r.id()).isEqualTo("RL-0001");
    assertThatThrownBy(() -> gate().admitRecords("RL-0001"))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("pending");
    assertThatThrownBy(() -> gate().admitRecords("CR-0001"))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("record-level clearance");
    assertThatThrownBy(() -> ExportGate.detached().admitRecords("RL-0001"))
        .isInstanceOf(RefusedException.class);
    assertThatThrownBy(() -> as("ann").approve("RL-0001", "ok", ANN))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("self-approval");
    as("sam").approve("RL-0001", "two records, agreed", SAM);

    RecordLevelRelease rel = gate().admitRecords("RL-0001");
    Path out = dir.resolve("links.csv");
    long n =
        rel.writeCsv(
            out, List.of("left", "right"), List.of(List.of("1", "=2"), List.of("3", "-4")));
    assertThat(n).isEqualTo(2);
    assertThat(Files.readString(out)).isEqualTo("left,right\n1,'=2\n3,-4\n");
    assertThat(ws.auditLog().entries().get(ws.auditLog().entries().size() - 1).type())
        .isEqualTo(RecordLevelRelease.RELEASE_RECORDS);

    Path tooBig = dir.resolve("more.csv");
    assertThatThrownBy(
            () ->
                rel.writeCsv(
                    tooBig,
                    List.of("left", "right"),
                    List.of(List.of("1", "2"), List.of("3", "4"), List.of("5", "6"))))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("at most 2");
    assertThat(tooBig).doesNotExist();
    assertThat(as("x").verifyLog().ok()).isTrue();
  }

  private String detailsOf(long seq) throws Exception {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("SELECT details FROM sb_audit WHERE seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /**
   * What an attacker with write access does: changes one entry, then recomputes every hash from it
   * on with the documented algorithm (SHA-256 over seq and length-prefixed fields).
   */
  private void rewrite(long seq, String type, String details) throws Exception {
    try (Connection c = connect()) {
      rewrite(c, seq, type, details);
    }
  }

  /** A second connection to the workspace database, as an attacker's tool would open. */
  private Connection connect() throws Exception {
    return java.sql.DriverManager.getConnection(
        "jdbc:h2:file:" + ws.directory().resolve("catalogue"), "sa", "");
  }

  private static void rewrite(Connection c, long seq, String type, String details)
      throws Exception {
    c.setAutoCommit(false);
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE sb_audit SET type = ?, details = ? WHERE seq = ?")) {
      ps.setString(1, type);
      ps.setString(2, details);
      ps.setLong(3, seq);
      ps.executeUpdate();
    }
    String previous = "0".repeat(64);
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT seq, at, type, user_name, subject, details FROM sb_audit ORDER BY seq")) {
      List<Object[]> rows = new java.util.ArrayList<>();
      while (rs.next()) {
        rows.add(
            new Object[] {
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6)
            });
      }
      for (Object[] r : rows) {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(ByteBuffer.allocate(8).putLong((Long) r[0]).array());
        for (Object o : new Object[] {r[1], r[2], r[3], r[4], r[5], previous}) {
          if (o == null) {
            md.update(ByteBuffer.allocate(4).putInt(-1).array());
          } else {
            byte[] b = ((String) o).getBytes(StandardCharsets.UTF_8);
            md.update(ByteBuffer.allocate(4).putInt(b.length).array());
            md.update(b);
          }
        }
        String hash = HexFormat.of().formatHex(md.digest());
        try (PreparedStatement ps =
            c.prepareStatement("UPDATE sb_audit SET previous_hash = ?, hash = ? WHERE seq = ?")) {
          ps.setString(1, previous);
          ps.setString(2, hash);
          ps.setLong(3, (Long) r[0]);
          ps.executeUpdate();
        }
        previous = hash;
      }
    }
    c.commit();
  }
}
