package org.statbench.tabulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.statbench.tabulate.Cells.codesOf;
import static org.statbench.tabulate.Cells.value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.DimensionSpec;
import org.statbench.core.spec.TableSpec;
import org.statbench.core.table.Table;
import org.statbench.store.ImportRequest;
import org.statbench.store.Workspace;

/** The engine over a real workspace: only the spec's columns are loaded, types come from import. */
class WorkspaceTabulationTest {
  @TempDir Path dir;

  @Test
  void tabulatesAnImportedExtractWithIntegerCodesAndDates() throws Exception {
    Path csv = dir.resolve("claims.csv");
    Files.writeString(
        csv,
        "id,kids,start,benefit\n"
            + "1,2,2024-03-31,UC\n"
            + "2,10,2024-04-01,JSA\n"
            + "3,2,,UC\n"
            + "4,,2025-01-10,\n");
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      ws.importCsv(ImportRequest.of("claims", csv), null, CancellationToken.NONE);
      TableSpec spec =
          TableSpec.of("claims")
              .withRows("kids")
              .withColumns(
                  List.of(DimensionSpec.of("start", new DateGrouping(DateUnit.FINANCIAL_YEAR))));
      Table t = new Tabulator().tabulate(spec, ws, CancellationToken.NONE);
      assertThat(codesOf(t, 0)).containsExactly("2", "10", "Missing");
      assertThat(codesOf(t, 1)).containsExactly("2023/24", "2024/25", "Missing");
      assertThat(value(t, "2", "2023/24")).isEqualTo(1);
      assertThat(value(t, "Total", "2024/25")).isEqualTo(2);
      assertThat(value(t, "Total", "Total")).isEqualTo(4);
      assertThat(t.dataset()).isEqualTo("claims");
      assertThatThrownBy(
              () ->
                  new Tabulator()
                      .tabulate(TableSpec.of("nope").withRows("kids"), ws, CancellationToken.NONE))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("'nope'");
    }
  }
}
