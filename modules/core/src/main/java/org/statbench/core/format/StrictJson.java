package org.statbench.core.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.statbench.core.InputException;

/**
 * Strict reading of a JSON definition (saved tables, cohort definitions, disclosure policies and
 * every later format): the file's text, the tree with a syntax error naming the source and line,
 * and typed field readers whose errors name the field's path ({@code rows[0].bands}) so the reader
 * of a format only says what the format means. An instance is bound to one source (a file name for
 * messages); it is immutable and thread-safe.
 */
public final class StrictJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String source;

  private StrictJson(String source) {
    this.source = source;
  }

  /** Field readers whose errors name {@code source} (a file or resource name, or null). */
  public static StrictJson in(String source) {
    return new StrictJson(source);
  }

  /**
   * The text of a JSON file (UTF-8).
   *
   * @param what what the file holds, for messages ({@code "policy"} gives {@code policy file not
   *     found}); null for a plain {@code file not found}
   * @throws InputException naming the file when it is missing or cannot be read
   */
  public static String readText(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(
          file.toString(), -1, null, (what == null ? "" : what + " ") + "file not found");
    } catch (IOException e) {
      throw new InputException(
          file.toString(),
          -1,
          null,
          "cannot read" + (what == null ? "" : " " + what) + ": " + e.getMessage());
    }
  }

  /**
   * Parses JSON text into a tree.
   *
   * @param source file name cited in errors, or null
   * @throws InputException naming the source and line when the text is not valid JSON
   */
  public static JsonNode parse(String json, String source) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw new InputException(source, line, null, "not valid JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * An error found by a format's reader (without a source) given the source: an error that names
   * its file already is returned as it is.
   */
  public InputException withSource(InputException e) {
    return e.file() != null ? e : new InputException(source, -1, null, e.getMessage());
  }

  /** {@code path: problem} naming the source. */
  public InputException error(String path, String problem) {
    return new InputException(source, -1, null, (path.isEmpty() ? "" : path + ": ") + problem);
  }

  /** {@code path.field}, or {@code field} at the top. */
  public static String at(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /**
   * A string field; null when absent or null and not required.
   *
   * @throws InputException when required and absent, or not a string
   */
  public String text(JsonNode o, String field, boolean required, String path) {
    String p = at(path, field);
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw error(p, "required");
      }
      return null;
    }
    if (!n.isTextual()) {
      throw error(p, "expected a string");
    }
    return n.asText();
  }

  /** A true/false field; false when absent or null. */
  public boolean flag(JsonNode o, String field, String path) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw error(at(path, field), "expected true or false");
    }
    return n.asBoolean();
  }

  /** A number field; {@code absent} when absent or null. */
  public double number(JsonNode o, String field, String path, double absent) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return absent;
    }
    if (!n.isNumber()) {
      throw error(at(path, field), "expected a number or null");
    }
    return n.asDouble();
  }

  /**
   * An array of strings.
   *
   * @param what what the strings are, for messages (e.g. {@code codes})
   */
  public List<String> strings(JsonNode a, String path, String what) {
    if (a == null || !a.isArray()) {
      throw error(path, "expected an array of " + what);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode s : a) {
      if (!s.isTextual()) {
        throw error(path, what + " are strings (write \"1\", not 1)");
      }
      out.add(s.asText());
    }
    return out;
  }

  /** An array field's elements; none when absent or null. */
  public Iterable<JsonNode> array(JsonNode o, String field, String path) {
    JsonNode a = o.get(field);
    if (a == null || a.isNull()) {
      return List.of();
    }
    if (!a.isArray()) {
      throw error(at(path, field), "expected an array");
    }
    return a;
  }

  /** Refuses any field of {@code o} outside {@code allowed} ({@code path.field: unknown field}). */
  public void only(JsonNode o, String path, Set<String> allowed) {
    Iterator<String> it = o.fieldNames();
    while (it.hasNext()) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw error(at(path, f), "unknown field");
      }
    }
  }
}
