package org.statbench.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DatasetInfo;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

class PseudonymiserTest {
  @TempDir Path tmp;

  private Path key(String name, String text) throws Exception {
    Path k = tmp.resolve(name);
    Files.writeString(k, text);
    return k;
  }

  private void importCsv(Workspace ws, String name, String csv) throws Exception {
    Path f = tmp.resolve(name + ".csv");
    Files.writeString(f, csv);
    ws.importCsv(ImportRequest.of(name, f), null, null);
  }

  @Test
  void sameKeyLinksOtherKeyDoesNotAndNoPlaintextIsLeft() throws Exception {
    Path k1 = key("k1", "0123456789abcdef0123456789abcdef-one");
    Path k2 = key("k2", "0123456789abcdef0123456789abcdef-two");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      importCsv(ws, "a", "id,surname,dob,amount\n1,Smith,1970-01-01,10\n2,Ng,1980-02-02,20\n");
      importCsv(ws, "b", "ref,surname,dob\nx,SMITH ,01/01/1970\ny,Patel,1990-03-03\n");
      List<Pseudonymiser.MatchKeyExpr> keys =
          List.of(Pseudonymiser.MatchKeyExpr.parse("k=soundex(surname)+dob"));
      Pseudonymiser p1 = new Pseudonymiser(Pseudonymiser.readKey(k1));
      DatasetInfo a1 = p1.pseudonymise(ws, "a", List.of("surname", "dob"), keys, "a1", null, null);
      p1.pseudonymise(ws, "b", List.of("surname", "dob"), keys, "b1", null, null);
      new Pseudonymiser(Pseudonymiser.readKey(k2))
          .pseudonymise(ws, "b", List.of("surname", "dob"), keys, "b2", null, null);

      assertThat(a1.variableNames())
          .containsExactly("id", "surname_hash", "dob_hash", "amount", "k");
      DatasetColumns a = ws.columns("a1", a1.variableNames());
      for (String v : List.of("surname_hash", "dob_hash", "k")) {
        for (int i = 0; i < a.rows(); i++) {
          String h = a.column(v).text(i);
          assertThat(h).matches("[0-9a-f]{64}");
          assertThat(h).doesNotContainIgnoringCase("smith").doesNotContain("1970");
        }
      }
      assertThat(a.column("amount").text(1)).isEqualTo("20");
      DatasetColumns b1 = ws.columns("b1", List.of("surname_hash", "dob_hash", "k"));
      DatasetColumns b2 = ws.columns("b2", List.of("surname_hash", "dob_hash", "k"));
      // same key: Smith 1970-01-01 hashes alike although typed differently
      assertThat(b1.column("surname_hash").text(0)).isEqualTo(a.column("surname_hash").text(0));
      assertThat(b1.column("dob_hash").text(0)).isEqualTo(a.column("dob_hash").text(0));
      assertThat(b1.column("k").text(0)).isEqualTo(a.column("k").text(0));
      // another key: nothing agrees
      for (String v : List.of("surname_hash", "dob_hash", "k")) {
        for (int i = 0; i < 2; i++) {
          for (int j = 0; j < 2; j++) {
            assertThat(b2.column(v).text(j)).isNotEqualTo(a.column(v).text(i));
          }
        }
      }
      // linkage on the hashes
      List<LinkField> fields =
          List.of(
              LinkField.of("surname_hash", FieldType.EXACT),
              LinkField.of("dob_hash", FieldType.EXACT));
      DatasetColumns la = ws.columns("a1", List.of("id", "surname_hash", "dob_hash", "k"));
      DatasetColumns lb = ws.columns("b1", List.of("ref", "surname_hash", "dob_hash", "k"));
      LinkJob job =
          new LinkJob(
              la,
              lb,
              "id",
              "ref",
              fields,
              List.of(BlockingRule.parse("dob_hash")),
              List.of(MatchKey.parse("surname_hash+dob_hash")),
              null,
              null,
              LinkJob.Options.DEFAULT);
      LinkResult r = Linker.link(job, null, null);
      assertThat(r.links().size()).isEqualTo(1);
      assertThat(r.links().stage(0)).isEqualTo("key:surname_hash+dob_hash");
      // the audit log records the run but not the key
      String log = ws.auditLog().entries().toString();
      assertThat(log).contains("pseudonymise").doesNotContain("0123456789abcdef");
    }
  }

  @Test
  void refusesAMissingOrShortKeyFile() throws Exception {
    assertThatThrownBy(() -> Pseudonymiser.readKey(tmp.resolve("none")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("none")
        .hasMessageContaining("not found");
    Path shortKey = key("short", "tooshort");
    assertThatThrownBy(() -> Pseudonymiser.readKey(shortKey))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("8 bytes")
        .hasMessageNotContaining("tooshort");
  }

  @Test
  void leavesTheWorkspaceUnchangedOnBadInput() throws Exception {
    Path k1 = key("k1", "0123456789abcdef0123456789abcdef-one");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      importCsv(ws, "a", "id,surname\n1,Smith\n");
      Pseudonymiser p = new Pseudonymiser(Pseudonymiser.readKey(k1));
      assertThatThrownBy(
              () -> p.pseudonymise(ws, "a", List.of("nope"), List.of(), "a1", null, null))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("'nope'");
      assertThat(ws.hasDataset("a1")).isFalse();
      assertThat(ws.auditLog().entries()).isEmpty();
    }
  }
}
