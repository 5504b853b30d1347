package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.table.Table;
import org.statbench.disclosure.DisclosureChecker;
import org.statbench.disclosure.DisclosurePolicy;
import org.statbench.export.ClearanceBook;
import org.statbench.export.Reports;
import org.statbench.store.Workspace;

class ClearanceCommandTest {
  @TempDir Path tmp;

  private final CliRun cli = new CliRun();
  private String db;

  private String samKey;
  private String annKey;
  private String pass;
  private String home;

  @BeforeEach
  void keysAndTrust() throws Exception {
    home = System.setProperty("statbench.home", tmp.resolve("home").toString());
    Path p = tmp.resolve("pass.txt");
    java.nio.file.Files.writeString(p, "a long passphrase\n");
    pass = p.toString();
    samKey = tmp.resolve("sam.key").toString();
    annKey = tmp.resolve("ann.key").toString();
    for (String[] k : new String[][] {{"sam", samKey}, {"ann", annKey}}) {
      assertThat(createKey(k[0], k[1])).isZero();
      assertThat(cli.out()).startsWith("fingerprint: ");
    }
    assertThat(cli.run("keys", "trust", "--public-key", tmp.resolve("sam.pub").toString()))
        .isZero();
    assertThat(cli.out()).contains("Trusted sam (");
    assertThat(cli.run("keys", "trust", "--public-key", tmp.resolve("ann.pub").toString()))
        .isZero();
  }

  @org.junit.jupiter.api.AfterEach
  void restoreHome() {
    if (home == null) {
      System.clearProperty("statbench.home");
    } else {
      System.setProperty("statbench.home", home);
    }
  }

  @BeforeEach
  void submitARequest() {
    Path dir = tmp.resolve("ws");
    db = dir.toString();
    try (Workspace ws = Workspace.open(dir)) {
      Table t = table();
      ClearanceBook.open(ws.directory().resolve("clearance"), ws.auditLog(), "ann")
          .submit(
              t,
              Reports.snapshot(new DisclosureChecker(DisclosurePolicy.DEFAULT).check(t)),
              "published already");
    }
  }

  /** region (A, B, C) x sex (F, M) counts; B|F = 3 fails the threshold of 10. */
  static Table table() {
    var dims =
        java.util.List.of(
            org.statbench.testsupport.TestData.flat(
                "region", org.statbench.core.table.DimensionRole.ROW, "A", "B", "C"),
            org.statbench.testsupport.TestData.flat(
                "sex", org.statbench.core.table.DimensionRole.COLUMN, "F", "M"));
    return Table.ofCounts(
        "people", dims, new long[] {12, 15, 27, 3, 20, 23, 11, 14, 25, 26, 49, 75});
  }

  @Test
  void listsShowsAndApprovesWithAComment() {
    assertThat(cli.run("clearance", "list", "--db", db)).isZero();
    assertThat(cli.out()).contains("CR-0001\tpending\tann").contains("1 failing");
    assertThat(cli.run("clearance", "show", "--db", db, "--id", "CR-0001")).isZero();
    assertThat(cli.out()).contains("published already").contains("(B, F) primary:threshold");
    assertThat(decide("approve", "CR-0001", "fine", samKey, pass)).isZero();
    assertThat(cli.out()).contains("CR-0001 approved by sam");
    assertThat(cli.run("clearance", "list", "--db", db)).isZero();
    assertThat(cli.out()).doesNotContain("CR-0001");
    assertThat(cli.run("clearance", "list", "--db", db, "--all")).isZero();
    assertThat(cli.out())
        .contains("CR-0001\tapproved")
        .contains("decided by sam")
        .contains("verified: signed by sam");
    assertThat(cli.run("audit", "verify", "--db", db)).isZero();
    assertThat(cli.out()).contains("OK");
    assertThat(decide("reject", "CR-0001", "no", annKey, pass)).isEqualTo(3);
    assertThat(cli.err()).contains("already decided");
  }

  @Test
  void rejectWithABlankCommentIsRefused() {
    assertThat(decide("reject", "CR-0001", " ", samKey, pass)).isEqualTo(2);
    assertThat(cli.err()).contains("comment is required");
    assertThat(cli.run("clearance", "list", "--db", db)).isZero();
    assertThat(cli.out()).contains("CR-0001\tpending");
  }

  @Test
  void requestPrintsItsIdFirstAndItsRequesterCannotApprove() throws Exception {
    Path csv = tmp.resolve("t.csv");
    try (var w = java.nio.file.Files.newBufferedWriter(csv)) {
      org.statbench.export.LongCsv.write(table(), w);
    }
    assertThat(
            cli.run(
                "clearance",
                "request",
                "--db",
                db,
                "--table",
                csv.toString(),
                "--reason",
                "for the board",
                "--key",
                annKey))
        .isZero();
    assertThat(cli.out().lines().findFirst()).contains("CR-0002");
    assertThat(decide("approve", "CR-0002", "ok", annKey, pass)).isEqualTo(3);
    assertThat(cli.err()).contains("self-approval");
  }

  @Test
  void untrustedKeyAndWrongPassphraseAreRefused() throws Exception {
    String eve = tmp.resolve("eve.key").toString();
    assertThat(createKey("eve", eve)).isZero();
    assertThat(decide("approve", "CR-0001", "ok", eve, pass)).isEqualTo(3);
    assertThat(cli.err()).contains("not a trusted statistician");
    Path wrong = tmp.resolve("wrong.txt");
    java.nio.file.Files.writeString(wrong, "not it");
    assertThat(decide("approve", "CR-0001", "ok", samKey, wrong.toString())).isEqualTo(2);
    assertThat(cli.err()).contains("passphrase").doesNotContain("Exception");
  }

  @Test
  void recordLevelRequestIsListedAndApprovedLikeATable() {
    assertThat(
            cli.run(
                "clearance",
                "request-records",
                "--db",
                db,
                "--what",
                "links claims x referrals",
                "--rows",
                "120",
                "--to",
                "Evaluation team",
                "--reason",
                "evaluation"))
        .isZero();
    assertThat(cli.out()).startsWith("RL-0001");
    assertThat(decide("approve", "RL-0001", "ok", samKey, pass)).isZero();
    assertThat(cli.run("clearance", "list", "--db", db, "--all")).isZero();
    assertThat(cli.out()).contains("RL-0001\tapproved").contains("120 rows to Evaluation");
  }

  private int requestRecords(String rows) {
    return cli.run(
        "clearance",
        "request-records",
        "--db",
        db,
        "--what",
        "links claims x referrals (links.csv)",
        "--rows",
        rows,
        "--to",
        "Evaluation team",
        "--reason",
        "evaluation");
  }

  private int releaseRecords(String id, Path in, Path dest) {
    return cli.run(
        "clearance",
        "release-records",
        "--db",
        db,
        "--id",
        id,
        "--in",
        in.toString(),
        "--out",
        dest.toString());
  }

  /** A links file of three records, one with formula-leading text (written by the test). */
  private Path linksFile() throws Exception {
    return java.nio.file.Files.writeString(
        tmp.resolve("links.csv"),
        "left_id,right_id,match_probability\nA1,B7,0.99\nA2,B9,0.97\n=HYPERLINK(1),B3,0.95\n");
  }

  @Test
  void recordLevelReleaseIsRefusedWithoutAnApprovedClearance() throws Exception {
    Path links = linksFile();
    Path dest = tmp.resolve("out/links-released.csv");
    assertThat(releaseRecords("RL-0001", links, dest)).isEqualTo(3);
    assertThat(cli.err()).contains("no record-level clearance RL-0001");
    assertThat(releaseRecords("CR-0001", links, dest)).isEqualTo(3);
    assertThat(cli.err()).contains("need a record-level clearance");
    assertThat(requestRecords("3")).isZero();
    assertThat(releaseRecords("RL-0001", links, dest)).isEqualTo(3);
    assertThat(cli.err()).contains("RL-0001 is still pending");
    assertThat(dest).doesNotExist();
  }

  @Test
  void recordLevelReleaseIsRefusedOverTheClearedRowCount() throws Exception {
    Path links = linksFile();
    Path dest = tmp.resolve("links-released.csv");
    assertThat(requestRecords("2")).isZero();
    assertThat(approve("RL-0001")).as(cli.err()).isZero();
    assertThat(releaseRecords("RL-0001", links, dest)).isEqualTo(3);
    assertThat(cli.err()).contains("allows at most 2 records");
    assertThat(dest).doesNotExist();
    assertThat(releasesLogged()).isZero();
  }

  @Test
  void recordLevelReleaseUnderAnApprovedClearanceIsWrittenAndLogged() throws Exception {
    Path links = linksFile();
    Path dest = tmp.resolve("links-released.csv");
    assertThat(requestRecords("3")).isZero();
    assertThat(approve("RL-0001")).as(cli.err()).isZero();
    assertThat(releaseRecords("RL-0001", links, dest)).as(cli.err()).isZero();
    assertThat(cli.out()).contains("Released 3 records").contains("RL-0001");
    // the released copy neutralises the formula-leading label (a leading apostrophe)
    assertThat(java.nio.file.Files.readAllLines(dest))
        .containsExactly(
            "left_id,right_id,match_probability",
            "A1,B7,0.99",
            "A2,B9,0.97",
            "'=HYPERLINK(1),B3,0.95");
    assertThat(releasesLogged()).isEqualTo(1);
    // the working file stays as it was
    assertThat(java.nio.file.Files.readString(links)).contains("\n=HYPERLINK(1),B3");
  }

  private int approve(String id) {
    return decide("approve", id, "ok", samKey, pass);
  }

  /** {@code clearance approve|reject} of a request with a comment, signed with a key. */
  private int decide(String verb, String id, String comment, String key, String passphraseFile) {
    return cli.run(
        "clearance",
        verb,
        "--db",
        db,
        "--id",
        id,
        "--comment",
        comment,
        "--key",
        key,
        "--passphrase-file",
        passphraseFile);
  }

  /** {@code keys create} with the test passphrase and few iterations (fast). */
  private int createKey(String name, String keyFile) {
    return cli.run(
        "keys",
        "create",
        "--name",
        name,
        "--out",
        keyFile,
        "--passphrase-file",
        pass,
        "--kdf-iterations",
        "1000");
  }

  private long releasesLogged() {
    try (Workspace ws = Workspace.open(Path.of(db))) {
      return ws.auditLog().entries().stream()
          .filter(e -> e.type().equals(org.statbench.export.RecordLevelRelease.RELEASE_RECORDS))
          .filter(e -> e.subject().equals("RL-0001"))
          .count();
    }
  }
}
