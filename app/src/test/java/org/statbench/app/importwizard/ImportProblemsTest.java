package org.statbench.app.importwizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.VariableInfo;
import org.statbench.core.data.VariableType;
import org.statbench.store.ImportRequest;

class ImportProblemsTest {
  @TempDir Path dir;

  @Test
  void listsRaggedRowsAndValuesThatDoNotFitAChosenTypeWithTheirLinesUpToTheLimit()
      throws Exception {
    StringBuilder csv = new StringBuilder("id,age,town\n1,34,Leeds\n2,x,York\n3,40\n");
    // 30 more rows, each with a non-number age: only the first ones up to the limit are listed
    for (int i = 0; i < 30; i++) {
      csv.append(10 + i).append(",?,Hull\n");
    }
    Path f = dir.resolve("people.csv");
    Files.writeString(f, csv, StandardCharsets.UTF_8);

    List<String> problems =
        ImportProblems.scan(
            f,
            StandardCharsets.UTF_8,
            ',',
            Map.of("age", VariableType.INTEGER),
            ImportProblems.MAX,
            CancellationToken.NONE);

    assertThat(problems).hasSize(20);
    assertThat(problems.get(0))
        .isEqualTo("line 3, column 'age': the value does not read as integer");
    assertThat(problems.get(1)).isEqualTo("line 4: 2 fields, the header has 3");
    assertThat(problems.get(2)).startsWith("line 5, column 'age'");
    // the values themselves may be personal data: never quoted
    assertThat(problems).noneMatch(p -> p.contains("'x'") || p.contains("?"));
  }

  @Test
  void replacingADatasetWarnsThatItsJoinedVariablesGo() {
    DatasetInfo old =
        new DatasetInfo(
            "referrals",
            "referrals.csv",
            "0",
            Instant.EPOCH,
            10,
            List.of(
                new VariableInfo("lsoa", null, VariableType.CATEGORICAL, 0, null, null),
                new VariableInfo("oac_group", null, VariableType.CATEGORICAL, 0, null, "join oac"),
                new VariableInfo("imd_decile", null, VariableType.INTEGER, 0, null, "join imd")),
            null);

    String q =
        ImportWizardViewModel.replacing(
            old, ImportRequest.of("referrals", dir.resolve("referrals-2.csv")));

    assertThat(q)
        .contains("Replace it with referrals-2.csv?")
        .endsWith(
            "Its 2 joined variables oac_group, imd_decile go with it: join again after the import.");
  }
}
