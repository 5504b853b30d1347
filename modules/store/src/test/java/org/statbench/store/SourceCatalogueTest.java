package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.data.Code;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.DatasetKind;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;

/** A database source's catalogue entry, written by the same catalogue writer as an import. */
class SourceCatalogueTest {
  @TempDir Path dir;

  private static final List<VariableInfo> VARIABLES =
      List.of(
          new VariableInfo(
              "region",
              null,
              VariableType.CATEGORICAL,
              1,
              List.of(new Code("North", null, 3), new Code("South", null, 2)),
              null),
          new VariableInfo("income", null, VariableType.DECIMAL, 0, List.of(), null));

  @Test
  void aSourcesVariablesAndCodesReadBackAsTheyWereGivenAfterReopening() {
    DatabaseSource source =
        new DatabaseSource("people", "jdbc:h2:mem:people", "PEOPLE", null, "analyst");
    try (Workspace ws = Workspace.open(dir)) {
      ws.addSource(source, 6, VARIABLES);
    }
    try (Workspace ws = Workspace.open(dir)) {
      DatasetInfo info = ws.dataset("people");
      assertThat(info.kind()).isEqualTo(DatasetKind.SOURCE);
      assertThat(info.rows()).isEqualTo(6);
      assertThat(info.sourceFile()).isEqualTo("jdbc:h2:mem:people");
      // no labels stored for sources: each reads back as its name or code
      assertThat(info.variables()).isEqualTo(VARIABLES);
      assertThat(info.variables().get(0).codes())
          .extracting(Code::label)
          .containsExactly("North", "South");
      assertThat(ws.source("people")).isEqualTo(source);
    }
  }

  @Test
  void replacingASourceKeepsOneEntryWithTheNewVariables() {
    DatabaseSource source =
        new DatabaseSource("people", "jdbc:h2:mem:people", null, "SELECT * FROM PEOPLE", null);
    try (Workspace ws = Workspace.open(dir)) {
      ws.addSource(source, 6, VARIABLES);
      ws.addSource(source, 4, VARIABLES.subList(1, 2));
      assertThat(ws.datasets()).extracting(DatasetInfo::name).containsExactly("people");
      assertThat(ws.dataset("people").variables()).isEqualTo(VARIABLES.subList(1, 2));
    }
  }
}
