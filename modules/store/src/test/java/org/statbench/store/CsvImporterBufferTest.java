package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.statbench.core.InputException;

/**
 * The importer reads big files buffer by buffer and encodes each buffer's records on two threads;
 * tiny buffers put buffer ends inside records, quoted fields, CRLFs and doubled quotes, and must
 * give exactly what one big buffer gives.
 */
class CsvImporterBufferTest {
  @TempDir Path tmp;

  private Path messyFile() {
    SplittableRandom r = new SplittableRandom(7);
    StringBuilder sb = new StringBuilder("id,\"group\",\"note, quoted\",n,x,d\r\n");
    for (int i = 0; i < 600; i++) {
      sb.append("P").append(i).append(',');
      sb.append(r.nextInt(5) == 0 ? "\"g " + r.nextInt(4) + "\"" : "g" + r.nextInt(4)).append(',');
      switch (r.nextInt(4)) {
        case 0 -> sb.append("\"line one\r\nline \"\"two\"\"\nthree\"");
        case 1 -> sb.append("NA");
        case 2 -> sb.append("\"a,b\"");
        default -> sb.append("plain ").append(r.nextInt(9));
      }
      sb.append(',').append(r.nextInt(100)).append(',');
      sb.append(r.nextInt(3) == 0 ? "" : Double.toString(r.nextInt(1000) / 8.0)).append(',');
      sb.append("2020-0").append(1 + r.nextInt(9)).append("-1").append(r.nextInt(10));
      sb.append(i % 50 == 0 ? "\n\n" : i % 2 == 0 ? "\r\n" : "\n");
    }
    if (true) {
      sb.append("P600,g1,late,7a,1.5,2021-01-01"); // no final line break; n falls back to codes
    }
    return Fixtures.csv(tmp, "messy.csv", sb.toString());
  }

  @ParameterizedTest(name = "buffer of {0} bytes")
  @ValueSource(ints = {1, 5, 17, 64, 333, 4096})
  void smallBuffersGiveTheSameColumnsAsOneBigBuffer(int bufferSize) {
    ImportRequest req = ImportRequest.of("m", messyFile());
    MemoryChunks one = new MemoryChunks();
    MemoryChunks small = new MemoryChunks();
    CsvImporter.Parsed expected = new CsvImporter(req, null, null, one).parse();
    CsvImporter.Parsed actual = new CsvImporter(req, null, null, bufferSize, small, 0).parse();

    assertThat(actual.rows()).isEqualTo(601).isEqualTo(expected.rows());
    assertThat(actual.sha256()).isEqualTo(expected.sha256());
    assertThat(actual.columns()).isEqualTo(expected.columns());
    assertThat(small.sorted().keySet()).isEqualTo(one.sorted().keySet());
    for (String key : one.stored.keySet()) {
      assertThat(small.stored.get(key)).as(key).isEqualTo(one.stored.get(key));
    }
    assertThat(expected.columns().get(3).codes())
        .extracting(org.statbench.core.data.Code::code)
        .contains("7a");
  }

  @ParameterizedTest(name = "buffer of {0} bytes")
  @ValueSource(ints = {1, 7, 64, 4096})
  void theFirstErrorInFileOrderIsReportedWhateverTheBuffer(int bufferSize) {
    StringBuilder sb = new StringBuilder("a,b,c\n");
    for (int i = 0; i < 300; i++) {
      sb.append(i).append(",\"x\ny\",").append(i).append('\n');
    }
    sb.append("1,2,abc\n"); // line 602: breaks c (integer)
    sb.append("1,2\n"); // line 603: too few fields
    sb.append("x,y,zz\n");
    Path file = Fixtures.csv(tmp, "e.csv", sb.toString());
    ImportSchema schema =
        new ImportSchema(
            java.util.Map.of(
                "c",
                new ImportSchema.VariableSchema(
                    org.statbench.core.data.VariableType.INTEGER, null, null)));
    ImportRequest req = new ImportRequest("e", file, null, null, schema);
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> new CsvImporter(req, null, null, bufferSize, new MemoryChunks(), 0).parse());
    assertThat(e.line()).isEqualTo(602);
    assertThat(e.column()).isEqualTo("c");

    ImportRequest plain = ImportRequest.of("e", file);
    InputException fields =
        catchThrowableOfType(
            InputException.class,
            () -> new CsvImporter(plain, null, null, bufferSize, new MemoryChunks(), 0).parse());
    assertThat(fields.line()).isEqualTo(603);
    assertThat(fields.getMessage()).contains("expected 3 fields but found 2");
  }

  @ParameterizedTest(name = "buffer of {0} bytes")
  @ValueSource(ints = {1, 7, 4096})
  void valueErrorsAfterMultiLineFieldsNameTheirOwnLine(int bufferSize) {
    String csv = "a,b,c\n1,\"two\nlines\",2\n3,\"x\ny\nz\",bad\n";
    Path file = Fixtures.csv(tmp, "l.csv", csv);
    ImportSchema schema =
        new ImportSchema(
            java.util.Map.of(
                "c",
                new ImportSchema.VariableSchema(
                    org.statbench.core.data.VariableType.DECIMAL, null, null)));
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () ->
                new CsvImporter(
                        new ImportRequest("l", file, null, null, schema),
                        null,
                        null,
                        bufferSize,
                        new MemoryChunks(),
                        0)
                    .parse());
    assertThat(e.line()).isEqualTo(6);
    assertThat(List.of(e.column())).containsExactly("c");
  }
}
