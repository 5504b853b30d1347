package org.statbench.app.importwizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.InputException;
import org.statbench.core.data.VariableType;

class CsvPreviewTest {
  static Path fixture(String name) throws Exception {
    return Path.of(CsvPreviewTest.class.getResource(name).toURI());
  }

  @Test
  void detectsSemicolonsAndKeepsQuotedDelimiters() throws Exception {
    CsvPreview p = CsvPreview.read(fixture("people_semicolon.csv"), null, null, 20);
    assertThat(p.delimiter()).isEqualTo(';');
    assertThat(p.header()).containsExactly("id", "region", "age", "income", "start");
    assertThat(p.rows()).hasSize(3);
    assertThat(p.rows().get(1).get(1)).isEqualTo("South; West");
  }

  @Test
  void guessesTypesTreatingNaAndEmptyAsMissing() throws Exception {
    CsvPreview p = CsvPreview.read(fixture("people_semicolon.csv"), null, null, 20);
    assertThat(p.guessedTypes())
        .containsExactly(
            VariableType.INTEGER,
            VariableType.CATEGORICAL,
            VariableType.INTEGER,
            VariableType.DECIMAL,
            VariableType.DATE);
  }

  @Test
  void keepsOnlyTheRequestedNumberOfRows() throws Exception {
    CsvPreview p = CsvPreview.read(fixture("people.csv"), null, null, 20);
    assertThat(p.rows()).hasSize(20);
    assertThat(p.delimiter()).isEqualTo(',');
  }

  @Test
  void stripsAUtf8ByteOrderMark() throws Exception {
    CsvPreview p = CsvPreview.read(fixture("bom.csv"), null, null, 20);
    assertThat(p.header()).containsExactly("area", "count");
  }

  @Test
  void decodesWindows1252WhenAsked() throws Exception {
    CsvPreview p =
        CsvPreview.read(fixture("cp1252.csv"), Charset.forName("windows-1252"), null, 20);
    assertThat(p.rows().get(0)).containsExactly("José", "Málaga");
  }

  @Test
  void honoursAnExplicitDelimiter() throws Exception {
    CsvPreview p = CsvPreview.read(fixture("people_semicolon.csv"), null, ',', 20);
    assertThat(p.header()).hasSize(1);
  }

  @Test
  void readsOnlyTheStartOfALargeFile(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.csv");
    StringBuilder sb = new StringBuilder("k,v\n");
    for (int i = 0; i < 50_000; i++) {
      sb.append(i).append(",x").append(i).append('\n');
    }
    Files.writeString(big, sb);
    CsvPreview p = CsvPreview.read(big, null, null, 5);
    assertThat(p.rows()).extracting(r -> r.get(0)).containsExactly("0", "1", "2", "3", "4");
  }

  @Test
  void rejectsAnEmptyFileNamingIt(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.csv"));
    assertThatThrownBy(() -> CsvPreview.read(empty, null, null, 5))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("empty.csv")
        .hasMessageContaining("empty");
  }

  @Test
  void detectsTabs() {
    assertThat(CsvPreview.detectDelimiter("a\tb\tc\n1\t2\t3")).isEqualTo('\t');
    assertThat(List.of(CsvPreview.detectDelimiter("a,b;c"))).containsExactly(',');
  }
}
