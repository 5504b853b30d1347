package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;

/**
 * The import streams chunks to disk as they fill, so its heap does not grow with the rows: columns
 * longer than a chunk must read back exactly, and a dictionary past its heap budget is written out
 * as a TEXT dictionary instead of growing.
 */
class StreamingImportTest {
  @TempDir Path tmp;

  @Test
  void columnsLongerThanSeveralChunksReadBackExactly() throws Exception {
    int rows = 2 * ColumnFile.CHUNK_ROWS + 1234;
    Path csv = tmp.resolve("long.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("n,g,x\n");
      for (int i = 0; i < rows; i++) {
        // g is missing on every 7th row; x is i / 4
        w.write(i + "," + (i % 7 == 0 ? "" : "g" + (i % 3)) + "," + (i / 4.0) + "\n");
      }
    }
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ws.importCsv(ImportRequest.of("long", csv), null, null);
      DatasetColumns cols = ws.columns("long", List.of("n", "g", "x"));

      assertThat(cols.rows()).isEqualTo(rows);
      NumericColumn n = (NumericColumn) cols.column("n");
      CategoricalColumn g = (CategoricalColumn) cols.column("g");
      NumericColumn x = (NumericColumn) cols.column("x");
      assertThat(g.dictionary()).containsExactly("g0", "g1", "g2");
      for (int i = 0; i < rows; i++) {
        assertThat(n.value(i)).isEqualTo(i);
        assertThat(x.value(i)).isEqualTo(i / 4.0);
        assertThat(g.code(i)).isEqualTo(i % 7 == 0 ? CategoricalColumn.MISSING : i % 3);
      }
      assertThat(ws.dataset("long").variable("g").orElseThrow().missing())
          .isEqualTo((rows + 6) / 7);
    }
  }

  @Test
  void aDictionaryPastItsHeapBudgetIsWrittenOutAsTextWithEveryValue() {
    StringBuilder sb = new StringBuilder("id,sex\n");
    for (int i = 0; i < 5000; i++) {
      sb.append("person-").append(i).append(',').append(i % 2 == 0 ? "F" : "M").append('\n');
    }
    Path csv = Fixtures.csv(tmp, "ids.csv", sb.toString());
    MemoryChunks sink = new MemoryChunks();
    // 64 KB for both columns: 32 KB each, which 5,000 identifiers exceed
    CsvImporter.Parsed parsed =
        new CsvImporter(
                ImportRequest.of("ids", csv), null, null, CsvScanner.BUFFER_SIZE, sink, 64 << 10)
            .parse();

    EncodedColumn id = parsed.columns().get(0);
    assertThat(id.type()).isEqualTo(VariableType.TEXT);
    assertThat(id.storage()).isEqualTo(Storage.INT_CODES);
    assertThat(id.dictionarySize()).isEqualTo(5000);
    ByteBuffer dict = ByteBuffer.wrap(sink.stored.get("d/0/0")).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(dict.getInt()).isEqualTo(5000);
    ByteBuffer codes = ByteBuffer.wrap(sink.stored.get("c/0/0")).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 5000; i++) {
      assertThat(codes.getInt()).isEqualTo(i); // in order of appearance
    }
    EncodedColumn sex = parsed.columns().get(1);
    assertThat(sex.type()).isEqualTo(VariableType.CATEGORICAL);
    assertThat(sex.storage()).isEqualTo(Storage.BYTE_CODES);
  }
}
