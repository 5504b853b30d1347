package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.CancelledException;
import org.statbench.core.InputException;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Code;
import org.statbench.core.data.DatasetInfo;

/** How derived variables (e.g. join levels) are stored, read back, cached and kept atomic. */
class DerivedVariableStoreTest {
  @TempDir Path tmp;

  private static final DerivedVariable COUNTRY =
      new DerivedVariable(
          "country",
          "Country",
          "region",
          Map.of("North East", "England", "North West", "England", "London", "England"),
          "join regions on region");
  private static final DerivedVariable NORTH =
      new DerivedVariable(
          "north", null, "region", Map.of("North East", "1", "North West", "1"), null);

  private Workspace open() {
    return Workspace.open(tmp.resolve("ws"));
  }

  private Workspace withReferrals() {
    Workspace ws = open();
    ws.importCsv(
        ImportRequest.of("r", Fixtures.resource(tmp, "referrals.csv")),
        null,
        CancellationToken.NONE);
    return ws;
  }

  private static List<String> texts(Workspace ws, String variable) {
    var col = ws.columns("r", List.of(variable)).column(variable);
    return IntStream.range(0, col.size()).mapToObj(col::text).toList();
  }

  @Test
  void catalogueEntryAfterAddingEqualsTheOneReadBackAfterReopening() {
    DatasetInfo afterAdd;
    try (Workspace ws = withReferrals()) {
      ws.dataset("r"); // cached before the change
      ws.addDerivedVariables("r", List.of(COUNTRY, NORTH));
      afterAdd = ws.addDerivedVariables("r", List.of(NORTH.withMapping(Map.of("London", "0"))));
      assertThat(ws.dataset("r")).isEqualTo(afterAdd);
      assertThat(ws.datasets()).containsExactly(afterAdd);
    }
    try (Workspace ws = open()) {
      DatasetInfo reread = ws.dataset("r");
      assertThat(reread).isEqualTo(afterAdd);
      assertThat(reread.variable("north").orElseThrow().codes())
          .containsExactly(new Code("0", null, 1));
      assertThat(reread.variable("country").orElseThrow().codes())
          .containsExactly(new Code("England", null, 4));
      assertThat(reread.variable("country").orElseThrow().missing()).isEqualTo(1);
      assertThat(reread.variableNames().subList(8, 10)).containsExactly("country", "north");
    }
  }

  @Test
  void replacedDerivedVariableIsNotServedFromTheColumnCache() {
    try (Workspace ws = withReferrals()) {
      ws.addDerivedVariables("r", List.of(NORTH));
      assertThat(texts(ws, "north")).containsExactly("1", "1", "1", null, null);
      ws.addDerivedVariables("r", List.of(NORTH.withMapping(Map.of("London", "0"))));
      assertThat(texts(ws, "north")).containsExactly(null, null, null, "0", null);
    }
  }

  @Test
  void cancelledAdditionLeavesTheDatasetUnchanged() {
    try (Workspace ws = withReferrals()) {
      DatasetInfo before = ws.addDerivedVariables("r", List.of(NORTH));
      CancellationToken cancel = new CancellationToken();
      cancel.cancel();
      assertThatThrownBy(
              () ->
                  ws.addDerivedVariables(
                      "r", List.of(COUNTRY, NORTH.withMapping(Map.of("London", "0"))), cancel))
          .isInstanceOf(CancelledException.class);
      assertThat(ws.dataset("r")).isEqualTo(before);
      assertThat(texts(ws, "north")).containsExactly("1", "1", "1", null, null);
    }
    try (Workspace ws = open()) {
      assertThat(ws.dataset("r").variable("country")).isEmpty();
    }
  }

  @Test
  void failedAdditionOfSeveralVariablesAddsNoneOfThem() {
    try (Workspace ws = withReferrals()) {
      DatasetInfo before = ws.dataset("r");
      DerivedVariable clash = new DerivedVariable("sex", null, "region", Map.of(), null);
      assertThatThrownBy(() -> ws.addDerivedVariables("r", List.of(COUNTRY, clash)))
          .isInstanceOf(InputException.class);
      assertThat(ws.dataset("r")).isEqualTo(before);
      assertThat(ws.dataset("r").variable("country")).isEmpty();
    }
  }

  @Test
  void derivedVariablesOfWorkspacesWrittenInTheEarlierFormatStillLoad() throws Exception {
    try (Workspace ws = withReferrals()) {
      ws.addDerivedVariables("r", List.of(COUNTRY));
      // Rewrite the row as the earlier format stored it: code pairs plus sb_code rows.
      Connection c = ws.connection();
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE sb_variable SET mapping = ? WHERE name = 'country'")) {
        ps.setBytes(1, CodeMapping.encodeLegacy(COUNTRY.mapping()));
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO sb_code(dataset_id, variable_ord, ord, code, label, count)"
                  + " SELECT dataset_id, ord, 0, 'England', NULL, 4 FROM sb_variable"
                  + " WHERE name = 'country'")) {
        ps.executeUpdate();
      }
      c.commit();
    }
    try (Workspace ws = open()) {
      assertThat(ws.dataset("r").variable("country").orElseThrow().codes())
          .containsExactly(new Code("England", null, 4));
      assertThat(texts(ws, "country"))
          .containsExactly("England", "England", "England", "England", null);
      // Replacing it writes the compact format and removes the old code rows.
      ws.addDerivedVariables("r", List.of(COUNTRY.withMapping(Map.of("London", "E"))));
    }
    try (Workspace ws = open()) {
      assertThat(ws.dataset("r").variable("country").orElseThrow().codes())
          .containsExactly(new Code("E", null, 1));
    }
  }

  @Test
  void compactMappingRoundTripsWithManyTargets() {
    List<String> source = IntStream.range(0, 1000).mapToObj(i -> "S" + i).toList();
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < 1000; i += 2) {
      m.put("S" + i, Integer.toString(i / 2));
    }
    CodeMapping mapping = CodeMapping.of(source, m);
    assertThat(mapping.targets()).hasSize(500);
    // Numeric codes sort as numbers.
    assertThat(mapping.targets().subList(0, 3)).containsExactly("0", "1", "2");
    CodeMapping back =
        CodeMapping.decode(mapping.encode(new long[mapping.targets().size()]), source, "x");
    assertThat(back.targets()).isEqualTo(mapping.targets());
    assertThat(back.lut()).isEqualTo(mapping.lut());
    CategoricalColumn col =
        Workspace.derive(
            "x",
            CategoricalColumn.ofInts(
                "s",
                org.statbench.core.data.VariableType.CATEGORICAL,
                source,
                new int[] {0, 1, 998, -1}),
            back);
    assertThat(IntStream.range(0, 4).mapToObj(col::text)).containsExactly("0", null, "499", null);
  }
}
