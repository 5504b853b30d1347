package org.statbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetInfo;
import org.statbench.core.data.VariableType;

/**
 * Every kind of bad input is an InputException naming file, line (as an editor counts) and column.
 */
class ImportErrorsTest {
  @TempDir Path tmp;

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("too few fields", "a,b\n1,2\n3\n", 3, "b", "expected 2 fields but found 1"),
        Arguments.of(
            "too many fields", "a,b\n1,2\n3,4,5\n", 3, "3", "expected 2 fields but found 3"),
        Arguments.of(
            "unterminated quote reported where it opens",
            "a,b\n1,2\n3,\"never closed\n4,5\n6,7\n",
            3,
            "b",
            "unterminated quote"),
        Arguments.of(
            "lines inside a quoted field count",
            "a,b\n\"multi\nline\nvalue\",1\n2,3,4\n",
            5,
            "3",
            "expected 2 fields but found 3"),
        Arguments.of(
            "text after a closing quote",
            "a,b\n1,\"x\"y\n",
            2,
            "b",
            "unexpected text after a closing quote"),
        Arguments.of(
            "duplicate header names",
            "id,sex,id\n1,F,2\n",
            1,
            "3",
            "duplicate column name 'id' (also column 1)"),
        Arguments.of("empty header name", "id,,age\n1,F,2\n", 1, "2", "empty column name"),
        Arguments.of("blank header name", "id,\"  \"\n1,F\n", 1, "2", "empty column name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFileIsRejectedWithFileLineAndColumn(
      String what, String content, int line, String column, String problem) {
    Path file = Fixtures.csv(tmp, "bad.csv", content);
    InputException e = importExpectingError(file, null);
    assertThat(e.file()).isEqualTo(file.toString());
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
    assertThat(e.getMessage()).contains(problem).startsWith(file + ", line " + line);
  }

  @Test
  void invalidUtf8BytesAreReportedWithTheByte() throws Exception {
    Path file = tmp.resolve("bytes.csv");
    Files.write(file, "name,n\nok,1\nbad\u0001,2\n".getBytes(StandardCharsets.UTF_8));
    byte[] b = Files.readAllBytes(file);
    b[b.length - 4] = (byte) 0xE9; // a windows-1252 e-acute where UTF-8 is expected
    Files.write(file, b);
    InputException e = importExpectingError(file, null);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo("name");
    assertThat(e.getMessage()).contains("invalid byte 0xE9 for the encoding UTF-8");
  }

  @Test
  void undefinedWindows1252BytesAreInvalidToo() throws Exception {
    Path file = tmp.resolve("cp.csv");
    Files.write(file, new byte[] {'a', '\n', 'x', (byte) 0x81, '\n'});
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> {
              try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
                ws.importCsv(
                    new ImportRequest(
                        "d", file, java.nio.charset.Charset.forName("windows-1252"), null, null),
                    null,
                    null);
              }
            });
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("invalid byte 0x81");
  }

  @Test
  void valueThatBreaksAnOverriddenTypeNamesTheValue() {
    Path file = Fixtures.csv(tmp, "t.csv", "id,age\n1,34\n2,\n3,abc\n");
    ImportSchema schema =
        new ImportSchema(
            Map.of("age", new ImportSchema.VariableSchema(VariableType.INTEGER, null, null)));
    InputException e = importExpectingError(file, schema);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo("age");
    assertThat(e.getMessage()).contains("'abc' is not a number (the schema says integer)");
  }

  @Test
  void decimalInAnIntegerColumnBreaksTheSchema() {
    Path file = Fixtures.csv(tmp, "t.csv", "age\n1\n1.5\n");
    ImportSchema schema =
        new ImportSchema(
            Map.of("age", new ImportSchema.VariableSchema(VariableType.INTEGER, null, null)));
    InputException e = importExpectingError(file, schema);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("'1.5' is not a whole number");
  }

  @Test
  void badDateInADateColumnBreaksTheSchema() {
    Path file = Fixtures.csv(tmp, "t.csv", "d\n2021-01-31\n2021-02-30\n");
    ImportSchema schema =
        new ImportSchema(
            Map.of("d", new ImportSchema.VariableSchema(VariableType.DATE, null, null)));
    InputException e = importExpectingError(file, schema);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("'2021-02-30' is not a date");
  }

  @Test
  void schemaNamingAnUnknownVariableIsRejected() {
    Path file = Fixtures.csv(tmp, "t.csv", "a\n1\n");
    ImportSchema schema =
        new ImportSchema(Map.of("b", new ImportSchema.VariableSchema(null, "B", null)));
    InputException e = importExpectingError(file, schema);
    assertThat(e.getMessage()).contains("not in the header").contains("column b");
  }

  @Test
  void emptyFileIsRejected() {
    Path file = Fixtures.csv(tmp, "empty.csv", "");
    assertThat(importExpectingError(file, null).getMessage())
        .isEqualTo(file + ": the file is empty (no header line)");
  }

  @Test
  void fileWithOnlyABomIsEmptyToo() throws Exception {
    Path file = tmp.resolve("bom.csv");
    Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    assertThat(importExpectingError(file, null).getMessage()).contains("the file is empty");
  }

  @Test
  void missingFileIsRejected() {
    Path file = tmp.resolve("nope.csv");
    assertThat(importExpectingError(file, null).getMessage()).isEqualTo(file + ": file not found");
  }

  @Test
  void badSchemaJsonNamesTheLine() throws Exception {
    Path schema = Fixtures.csv(tmp, "s.json", "{\n  \"variables\": {\n    \"a\": {\"type\": }\n}");
    assertThatThrownBy(() -> ImportSchema.fromJson(schema))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(schema + ", line 3: invalid JSON");
    Path typo = Fixtures.csv(tmp, "t.json", "{\"variables\": {\"a\": {\"typ\": \"date\"}}}");
    assertThatThrownBy(() -> ImportSchema.fromJson(typo))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("column a: unknown key \"typ\"");
    Path type = Fixtures.csv(tmp, "u.json", "{\"variables\": {\"a\": {\"type\": \"money\"}}}");
    assertThatThrownBy(() -> ImportSchema.fromJson(type))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unknown type 'money'");
  }

  @Test
  void failedImportsLeaveEarlierDatasetsUntouched() {
    Path good = Fixtures.csv(tmp, "good.csv", "a\n1\n");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      DatasetInfo before = ws.importCsv(ImportRequest.of("good", good), null, null);
      for (Arguments args : badFiles().toList()) {
        Path bad = Fixtures.csv(tmp, "bad.csv", (String) args.get()[1]);
        assertThatThrownBy(() -> ws.importCsv(ImportRequest.of("good", bad), null, null))
            .isInstanceOf(InputException.class);
      }
      assertThat(ws.datasets()).isEqualTo(List.of(before));
    }
  }

  private InputException importExpectingError(Path file, ImportSchema schema) {
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> {
              try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
                ws.importCsv(new ImportRequest("d", file, null, null, schema), null, null);
              }
            });
    assertThat(e).as("expected an InputException").isNotNull();
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      assertThat(ws.hasDataset("d")).isFalse();
    }
    return e;
  }
}
