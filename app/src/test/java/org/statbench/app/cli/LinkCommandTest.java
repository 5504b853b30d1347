package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.data.DatasetInfo;
import org.statbench.sampledata.people.SyntheticPeople;
import org.statbench.store.Workspace;

/** The command-line contract of {@code link} and {@code pseudonymise}. */
class LinkCommandTest {
  @TempDir Path tmp;

  private final CliRun cli = new CliRun();
  private String db;

  @BeforeEach
  void importAGeneratedPair() throws Exception {
    SyntheticPeople.Job job = SyntheticPeople.generate(5, 3000, 400);
    Path l = tmp.resolve("customers.csv");
    Path r = tmp.resolve("recipients.csv");
    try (Writer w = Files.newBufferedWriter(l, StandardCharsets.UTF_8)) {
      SyntheticPeople.writeCsv(job.left(), w);
    }
    try (Writer w = Files.newBufferedWriter(r, StandardCharsets.UTF_8)) {
      SyntheticPeople.writeCsv(job.right(), w);
    }
    db = tmp.resolve("ws").toString();
    cli.importCsv(db, "customers", l);
    cli.importCsv(db, "recipients", r);
  }

  private static Map<String, String> report(Path file) throws Exception {
    Map<String, String> m = new HashMap<>();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("category,count");
    for (String line : lines.subList(1, lines.size())) {
      String[] p = line.split(",");
      m.put(p[0], p[1]);
    }
    return m;
  }

  @Test
  void linkWritesLinksVerificationAndReportAndLogsRecordLevelOutputs() throws Exception {
    Path links = tmp.resolve("links.csv");
    Path verify = tmp.resolve("verify.csv");
    Path report = tmp.resolve("report.csv");
    int code =
        cli.run(
            "link",
            "--db",
            db,
            "--left",
            "customers",
            "--right",
            "recipients",
            "--out",
            links.toString(),
            "--one-to-one",
            "--review",
            "0.5",
            "--truth",
            "person_id",
            "--verify",
            verify.toString(),
            "--report",
            report.toString());
    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("fields: forename:name, surname:name, dob:date, postcode:postcode, address:text")
        .contains("blocking (default rules):")
        .contains("postcode")
        .contains("soundex(surname)+dob")
        .contains("candidate pairs:")
        .contains("truth: precision");

    List<String> l = Files.readAllLines(links);
    assertThat(l.get(0)).isEqualTo("left_id,right_id,match_probability,match_weight,stage");
    Set<String> lefts = new HashSet<>();
    for (String row : l.subList(1, l.size())) {
      String[] p = row.split(",");
      assertThat(p).hasSize(5);
      // one-to-one also links, below the threshold, a clear mutual best (engine rule)
      assertThat(p[4]).isIn("model", "mutual best");
      if (p[4].equals("model")) {
        assertThat(Double.parseDouble(p[2])).isGreaterThanOrEqualTo(0.9);
      } else {
        assertThat(Double.parseDouble(p[2])).isLessThan(0.9);
      }
      assertThat(lefts.add(p[0])).as("one-to-one").isTrue();
    }
    List<String> v = Files.readAllLines(verify);
    assertThat(v.get(0)).isEqualTo("left_id,result,right_id,match_probability");
    assertThat(v).hasSize(3000 + 1);
    long matches = v.stream().filter(s -> s.contains(",match,")).count();
    assertThat(matches).isEqualTo(l.size() - 1);
    assertThat(v.subList(1, v.size()))
        .allMatch(
            s -> s.contains(",match,") || s.contains(",possible,") || s.contains(",no-match"));

    Map<String, String> rep = report(report);
    assertThat(rep.keySet())
        .containsExactlyInAnyOrder(
            "left_records",
            "right_records",
            "candidate_pairs",
            "links",
            "left_linked",
            "right_linked",
            "rate",
            "precision",
            "recall",
            "f1");
    assertThat(rep.get("left_records")).isEqualTo("3000");
    assertThat(rep.get("right_records")).isEqualTo("400");
    assertThat(rep.get("links")).isEqualTo(Integer.toString(l.size() - 1));
    long linked = Long.parseLong(rep.get("left_linked"));
    assertThat(rep.get("rate")).isEqualTo(BigDecimal.valueOf(linked / 3000.0).toPlainString());
    assertThat(Double.parseDouble(rep.get("precision"))).isGreaterThan(0.98);

    try (Workspace ws = Workspace.open(Path.of(db))) {
      String log = ws.auditLog().entries().toString();
      assertThat(log).contains("link-links").contains("link-verify").contains("3000 rows");
    }
  }

  @Test
  void deduplicationWritesClustersAndReusesASavedModel() throws Exception {
    Path clusters = tmp.resolve("clusters.csv");
    Path model = tmp.resolve("model.json");
    int code =
        cli.run(
            "link",
            "--db",
            db,
            "--left",
            "recipients",
            "--out",
            clusters.toString(),
            "--fields",
            "forename:name,surname:name,dob:date,postcode",
            "--save-model",
            model.toString());
    assertThat(code).as(cli.err()).isZero();
    List<String> c = Files.readAllLines(clusters);
    assertThat(c.get(0)).isEqualTo("id,cluster");
    assertThat(c).hasSize(401);
    assertThat(Files.readString(model))
        .contains("\"version\" : " + org.statbench.link.LinkModel.VERSION)
        .contains("\"prior\"");
    Path again = tmp.resolve("again.csv");
    assertThat(
            cli.run(
                "link",
                "--db",
                db,
                "--left",
                "recipients",
                "--out",
                again.toString(),
                "--fields",
                "forename:name,surname:name,dob:date,postcode",
                "--model",
                model.toString()))
        .as(cli.err())
        .isZero();
    assertThat(Files.readAllLines(again)).isEqualTo(c);
  }

  @Test
  void deduplicationWithAMatchKeyPutsRecordsSharingItInOneCluster() throws Exception {
    cli.importCsv(
        db,
        "people",
        CliRun.file(
            tmp,
            "people.csv",
            "id,surname,dob,nino\n"
                + "D1,Adams,1960-01-01,AB123456C\n"
                + "D2,Zeller,1961-01-01,AB123456C\n"
                + "D3,Brown,1962-02-02,\n"
                + "D4,Cole,1963-03-03,CE654321A\n"));
    Path clusters = tmp.resolve("people-clusters.csv");
    int code =
        cli.run(
            "link",
            "--db",
            db,
            "--left",
            "people",
            "--out",
            clusters.toString(),
            "--fields",
            "surname:name,dob:date,nino:nino",
            "--match-key",
            "nino");
    assertThat(code).as(cli.err()).isZero();
    // D1 and D2 share the NINo (names and birthdays differ): one cluster by the key, one link
    List<String> c = Files.readAllLines(clusters);
    assertThat(c.get(0)).isEqualTo("id,cluster");
    Map<String, String> cluster = new HashMap<>();
    for (String row : c.subList(1, c.size())) {
      cluster.put(row.split(",")[0], row.split(",")[1]);
    }
    assertThat(cluster.get("D2")).isEqualTo(cluster.get("D1"));
    assertThat(Set.of(cluster.get("D1"), cluster.get("D3"), cluster.get("D4"))).hasSize(3);
    assertThat(cli.out()).contains("stages: key:nino 1");
  }

  @Test
  void saveWritesALinkedDatasetIntoTheWorkspace() throws Exception {
    int code =
        cli.run(
            "link",
            "--db",
            db,
            "--left",
            "customers",
            "--right",
            "recipients",
            "--out",
            tmp.resolve("l.csv").toString(),
            "--one-to-one",
            "--save",
            "customers_linked",
            "--save-vars",
            "nino");
    assertThat(code).as(cli.err()).isZero();
    try (Workspace ws = Workspace.open(Path.of(db))) {
      DatasetInfo info = ws.dataset("customers_linked");
      assertThat(info.rows()).isEqualTo(3000);
      assertThat(info.variableNames())
          .startsWith("customer_id", "forename")
          .endsWith("nino", "link_id", "match_probability");
    }
  }

  @Test
  void badInputExitsTwoNamingItAndChangesNothing() throws Exception {
    Path links = tmp.resolve("links.csv");
    int before;
    try (Workspace ws = Workspace.open(Path.of(db))) {
      before = ws.auditLog().entries().size();
    }
    String[][] bad = {
      {"--fields", "shoe_size"},
      {"--fields", "surname:date"},
      {"--fields", "surname:colour"},
      {"--block", "metaphone(surname)"},
      {"--truth", "nope"},
      {"--save-vars", "nope"},
      {"--right-id", "nope"}
    };
    String[] expect = {"shoe_size", "surname", "colour", "metaphone", "nope", "nope", "nope"};
    for (int i = 0; i < bad.length; i++) {
      String[] args =
          concat(
              new String[] {
                "link",
                "--db",
                db,
                "--left",
                "customers",
                "--right",
                "recipients",
                "--out",
                links.toString(),
                "--save",
                "linked"
              },
              bad[i]);
      assertThat(cli.run(args)).as(String.join(" ", bad[i])).isEqualTo(2);
      assertThat(cli.err()).contains(expect[i]).doesNotContain("Exception");
    }
    assertThat(
            cli.run(
                "link",
                "--db",
                db,
                "--left",
                "nobody",
                "--right",
                "recipients",
                "--out",
                links.toString()))
        .isEqualTo(2);
    assertThat(cli.err()).contains("nobody");
    assertThat(links).doesNotExist();
    try (Workspace ws = Workspace.open(Path.of(db))) {
      assertThat(ws.hasDataset("linked")).isFalse();
      assertThat(ws.hasDataset("x")).isFalse();
      assertThat(ws.auditLog().entries()).hasSize(before);
    }
  }

  @Test
  void refusesBlockingThatBringsTooManyPairs() {
    int code =
        cli.run(
            "link",
            "--db",
            db,
            "--left",
            "customers",
            "--right",
            "recipients",
            "--out",
            tmp.resolve("l.csv").toString(),
            "--block",
            "initial(forename)",
            "--max-pairs",
            "1000");
    assertThat(code).isEqualTo(3);
    assertThat(cli.err()).contains("initial(forename)").contains("1000");
  }

  @Test
  void pseudonymisedDatasetsLinkOnTheirHashes() throws Exception {
    Path key = tmp.resolve("key");
    Files.writeString(key, "a secret of more than thirty-two bytes, kept apart");
    Files.writeString(tmp.resolve("short"), "short");
    assertThat(
            cli.run(
                "pseudonymise",
                "--db",
                db,
                "--dataset",
                "customers",
                "--key-file",
                tmp.resolve("short").toString(),
                "--columns",
                "surname",
                "--name",
                "c1"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("short").contains("32");
    assertThat(
            cli.run(
                "pseudonymise",
                "--db",
                db,
                "--dataset",
                "customers",
                "--key-file",
                tmp.resolve("missing").toString(),
                "--columns",
                "surname",
                "--name",
                "c1"))
        .isEqualTo(2);
    assertThat(cli.err()).contains("missing");
    for (String[] d : new String[][] {{"customers", "c1"}, {"recipients", "r1"}}) {
      int code =
          cli.run(
              "pseudonymise",
              "--db",
              db,
              "--dataset",
              d[0],
              "--key-file",
              key.toString(),
              "--columns",
              "forename,surname,dob,postcode,address",
              "--match-key",
              "k=soundex(surname)+dob",
              "--name",
              d[1]);
      assertThat(code).as(cli.err()).isZero();
    }
    assertThat(cli.out()).contains("pseudonymised recipients into r1: 400 records");
    try (Workspace ws = Workspace.open(Path.of(db))) {
      assertThat(ws.dataset("c1").variableNames())
          .containsExactly(
              "customer_id",
              "forename_hash",
              "surname_hash",
              "dob_hash",
              "postcode_hash",
              "address_hash",
              "person_id",
              "k");
    }
    Path links = tmp.resolve("hashed.csv");
    int code =
        cli.run(
            "link",
            "--db",
            db,
            "--left",
            "c1",
            "--right",
            "r1",
            "--out",
            links.toString(),
            "--block",
            "k",
            "--block",
            "postcode_hash",
            "--match-key",
            "forename_hash+surname_hash+dob_hash+postcode_hash",
            "--truth",
            "person_id");
    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out()).contains("key:forename_hash+surname_hash+dob_hash+postcode_hash");
    assertThat(Files.readAllLines(links).size()).isGreaterThan(100);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
