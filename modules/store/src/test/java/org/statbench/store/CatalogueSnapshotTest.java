package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetKind;

/**
 * The catalogue snapshot lets a reading process skip H2's SQL engine; H2 stays the store of record,
 * so the snapshot must never disagree with it, and anything doubtful falls back to H2.
 */
class CatalogueSnapshotTest {
  @TempDir Path tmp;

  private static final DerivedVariable NORTH =
      new DerivedVariable(
          "north", null, "region", Map.of("North East", "1", "North West", "1"), null);

  private Path ws() {
    return tmp.resolve("ws");
  }

  private void importAs(Workspace ws, String name, String file) {
    ws.importCsv(
        ImportRequest.of(name, Fixtures.resource(tmp, file)), null, CancellationToken.NONE);
  }

  private void importCsv(Workspace ws, String name, String content) {
    ws.importCsv(
        ImportRequest.of(name, Fixtures.csv(tmp, name + ".csv", content)),
        null,
        CancellationToken.NONE);
  }

  /** What the snapshot says, then what H2 says (opening H2 removes the snapshot until close). */
  private void assertSnapshotAgreesWithH2() {
    Map<String, Catalogue.DatasetRecord> snapshot = CatalogueSnapshot.read(ws());
    assertThat(snapshot).as("a snapshot after a clean close").isNotNull();
    try (Workspace ws = Workspace.open(ws())) {
      List<Catalogue.DatasetRecord> h2 = new Catalogue(ws.connection()).records();
      assertThat(snapshot.values()).containsExactlyInAnyOrderElementsOf(h2);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> texts(Workspace ws, String dataset, String variable) {
    var col = ws.columns(dataset, List.of(variable)).column(variable);
    return IntStream.range(0, col.size()).mapToObj(col::text).toList();
  }

  @Test
  void snapshotAgreesWithH2AfterImportReplaceJoinKindAndDrop() {
    try (Workspace ws = Workspace.open(ws())) {
      importAs(ws, "r", "referrals.csv");
    }
    assertSnapshotAgreesWithH2();
    try (Workspace ws = Workspace.open(ws())) {
      importCsv(ws, "r", "region,sex\nLondon,F\nLondon,M\n"); // replace
      importCsv(ws, "s", "region,n\nNorth East,1\n");
    }
    assertSnapshotAgreesWithH2();
    try (Workspace ws = Workspace.open(ws())) {
      ws.addDerivedVariables("s", List.of(NORTH)); // what a join stores
      ws.setKind("s", DatasetKind.LOOKUP, "2021");
    }
    assertSnapshotAgreesWithH2();
    try (Workspace ws = Workspace.open(ws())) {
      ws.drop("r");
    }
    assertSnapshotAgreesWithH2();
    try (Workspace ws = Workspace.openForQueries(ws())) {
      assertThat(ws.readsSnapshot()).isTrue();
      assertThat(ws.hasDataset("r")).isFalse();
      assertThat(ws.edition("s")).isEqualTo("2021");
      assertThat(texts(ws, "s", "region")).containsExactly("North East");
    }
  }

  @Test
  void readingFromTheSnapshotGivesTheColumnsH2Gives() {
    List<String> viaH2;
    try (Workspace ws = Workspace.open(ws())) {
      importAs(ws, "r", "referrals.csv");
      viaH2 = texts(ws, "r", "region");
    }
    try (Workspace ws = Workspace.openForQueries(ws())) {
      assertThat(texts(ws, "r", "region")).isEqualTo(viaH2);
      assertThat(ws.readsSnapshot()).as("H2 not started").isTrue();
      assertThatThrownBy(() -> ws.columns("r", List.of("nope")))
          .isInstanceOf(InputException.class)
          .hasMessage("Unknown variable 'nope' in dataset 'r'");
      assertThatThrownBy(() -> ws.columns("gone", List.of("region")))
          .isInstanceOf(InputException.class)
          .hasMessage("Unknown dataset 'gone'");
    }
  }

  @Test
  void aDerivedVariableIsReadThroughH2AndComesOutTheSame() {
    List<String> viaH2;
    try (Workspace ws = Workspace.open(ws())) {
      importAs(ws, "r", "referrals.csv");
      ws.addDerivedVariables("r", List.of(NORTH));
      viaH2 = texts(ws, "r", "north");
    }
    try (Workspace ws = Workspace.openForQueries(ws())) {
      assertThat(texts(ws, "r", "north")).isEqualTo(viaH2);
      assertThat(ws.readsSnapshot()).as("the mapping lives in H2").isFalse();
    }
    assertSnapshotAgreesWithH2();
  }

  @Test
  void aChangeToH2ByAnyOtherProgramMakesTheSnapshotStale() throws Exception {
    try (Workspace ws = Workspace.open(ws())) {
      importAs(ws, "r", "referrals.csv");
      importCsv(ws, "s", "a\nx\n");
    }
    // e.g. an older StatBench, which knows nothing of the snapshot, drops dataset s
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + ws().resolve("catalogue"), "sa", "");
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "DELETE FROM sb_variable WHERE dataset_id = (SELECT id FROM sb_dataset WHERE name ="
              + " 's')");
      st.executeUpdate("DELETE FROM sb_dataset WHERE name = 's'");
    }
    assertThat(ws().resolve(CatalogueSnapshot.FILE)).exists();

    try (Workspace ws = Workspace.openForQueries(ws())) {
      assertThat(ws.readsSnapshot()).isFalse();
      assertThat(ws.hasDataset("s")).isFalse();
      assertThat(ws.hasDataset("r")).isTrue();
    }
  }

  @Test
  void aMissingOrDamagedSnapshotFallsBackToH2() throws Exception {
    try (Workspace ws = Workspace.open(ws())) {
      importAs(ws, "r", "referrals.csv");
    }
    Path snapshot = ws().resolve(CatalogueSnapshot.FILE);
    byte[] good = Files.readAllBytes(snapshot);
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 1;
    for (byte[] bad : List.of(new byte[0], java.util.Arrays.copyOf(good, 30), flipped)) {
      Files.write(snapshot, bad);
      try (Workspace ws = Workspace.openForQueries(ws())) {
        assertThat(ws.readsSnapshot()).isFalse();
        assertThat(ws.hasDataset("r")).isTrue();
      }
      assertThat(CatalogueSnapshot.read(ws())).as("rewritten from H2 at close").isNotNull();
    }
    Files.delete(snapshot);
    try (Workspace ws = Workspace.openForQueries(ws())) {
      assertThat(ws.readsSnapshot()).isFalse();
      assertThat(ws.dataset("r").rows()).isEqualTo(5);
    }
  }

  @Test
  void noSnapshotExistsWhileH2IsOpen() {
    try (Workspace ws = Workspace.open(ws())) {
      importAs(ws, "r", "referrals.csv");
    }
    assertThat(ws().resolve(CatalogueSnapshot.FILE)).exists();
    try (Workspace ws = Workspace.openForQueries(ws())) {
      ws.dataset("r"); // a codelist: H2 opens
      assertThat(ws.readsSnapshot()).isFalse();
      assertThat(ws().resolve(CatalogueSnapshot.FILE)).doesNotExist();
      importCsv(ws, "t", "a\nx\ny\n");
    }
    assertSnapshotAgreesWithH2();
    try (Workspace ws = Workspace.openForQueries(ws())) {
      assertThat(ws.readsSnapshot()).isTrue();
      assertThat(texts(ws, "t", "a")).containsExactly("x", "y");
    }
  }
}
