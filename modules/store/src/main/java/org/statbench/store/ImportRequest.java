package org.statbench.store;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to import.
 *
 * @param name dataset name in the workspace (an existing dataset of that name is replaced only when
 *     the import succeeds)
 * @param file the CSV extract
 * @param encoding UTF-8 (with or without BOM) when null; e.g. windows-1252 when asked
 * @param delimiter field delimiter, or null to detect comma, tab or semicolon from the header
 * @param schema optional type overrides, labels and value labels; null for pure inference
 */
public record ImportRequest(
    String name, Path file, Charset encoding, Character delimiter, ImportSchema schema) {
  public ImportRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
  }

  public static ImportRequest of(String name, Path file) {
    return new ImportRequest(name, file, null, null, null);
  }
}
