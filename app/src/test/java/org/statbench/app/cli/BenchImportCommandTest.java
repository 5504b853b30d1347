package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchImportCommandTest {
  @TempDir Path tmp;

  @Test
  void printsImportAndReloadFiguresForASmallExtract() {
    CliRun cli = new CliRun();

    int code = cli.run("bench", "import", "--rows", "3000", "--keep", tmp.toString());

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("generated 3,000 rows x 8 columns")
        .containsPattern("import: median \\d+ ms .* rows/s")
        .containsPattern("peak heap: \\d+ MB")
        .containsPattern("reopen \\+ load region,sex,age: median \\d+ ms");
  }

  @Test
  void generatorIsDeterministic() throws Exception {
    Path a = tmp.resolve("a.csv");
    Path b = tmp.resolve("b.csv");
    BenchExtract.write(a, 500);
    BenchExtract.write(b, 500);
    assertThat(Files.mismatch(a, b)).isEqualTo(-1);
    assertThat(Files.readAllLines(a)).hasSize(501).first().isEqualTo(BenchExtract.HEADER);
  }
}
