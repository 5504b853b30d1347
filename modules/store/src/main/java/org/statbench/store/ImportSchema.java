package org.statbench.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.statbench.core.InputException;
import org.statbench.core.data.VariableType;

/**
 * Optional schema for an import, usually read from a JSON file: per variable an overriding type, a
 * label, and value labels for codes.
 *
 * <p>The JSON format ({@link #fromJson(Path)}):
 *
 * <pre>{@code
 * {
 *   "variables": {
 *     "sex":    {"type": "categorical", "label": "Sex", "values": {"F": "Female", "M": "Male"}},
 *     "age":    {"type": "integer", "label": "Age at referral"},
 *     "person": {"type": "text"}
 *   }
 * }
 * }</pre>
 *
 * Every key is optional. {@code type} is one of {@code categorical}, {@code integer}, {@code
 * decimal}, {@code date}, {@code text}; a value that breaks it is an input error. {@code values}
 * maps codes to labels (categorical only); codes listed there but absent from the data still appear
 * in the codelist with count 0, and a variable with {@code values} but no {@code type} is
 * categorical. Variables named in the schema must exist in the file.
 *
 * @param variables by variable name
 */
public record ImportSchema(Map<String, VariableSchema> variables) {
  public ImportSchema {
    variables = Map.copyOf(variables);
  }

  /**
   * @param type type to force, or null to infer
   * @param label variable label, or null
   * @param valueLabels code -> label, possibly empty
   */
  public record VariableSchema(VariableType type, String label, Map<String, String> valueLabels) {
    public VariableSchema {
      valueLabels = valueLabels == null ? Map.of() : Map.copyOf(valueLabels);
    }
  }

  /**
   * Reads a schema from a JSON file in the format above.
   *
   * @throws InputException naming the file, line and variable when it is missing or malformed
   */
  public static ImportSchema fromJson(Path file) {
    String name = file.toString();
    ObjectMapper mapper = new ObjectMapper();
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    JsonNode root;
    try {
      root = mapper.readTree(Files.newBufferedReader(file));
    } catch (NoSuchFileException e) {
      throw new InputException(name, -1, null, "schema file not found");
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new InputException(
          name,
          loc == null ? -1 : loc.getLineNr(),
          null,
          "invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InputException(name, -1, null, "cannot read the schema: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InputException(name, -1, null, "the schema must be a JSON object");
    }
    checkKeys(name, null, root, "variables");
    JsonNode vars = root.get("variables");
    if (vars == null) {
      return new ImportSchema(Map.of());
    }
    if (!vars.isObject()) {
      throw new InputException(name, -1, null, "\"variables\" must be an object");
    }
    Map<String, VariableSchema> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String var = e.getKey();
      JsonNode v = e.getValue();
      if (!v.isObject()) {
        throw new InputException(name, -1, var, "each variable must be a JSON object");
      }
      checkKeys(name, var, v, "type", "label", "values");
      VariableType type = null;
      if (v.hasNonNull("type")) {
        String t = v.get("type").asText().toUpperCase(Locale.ROOT);
        try {
          type = VariableType.valueOf(t);
        } catch (IllegalArgumentException ex) {
          throw new InputException(
              name,
              -1,
              var,
              "unknown type '"
                  + v.get("type").asText()
                  + "' (use categorical, integer, decimal, date or text)");
        }
      }
      String label = v.hasNonNull("label") ? v.get("label").asText() : null;
      Map<String, String> values = new LinkedHashMap<>();
      JsonNode vals = v.get("values");
      if (vals != null && !vals.isNull()) {
        if (!vals.isObject()) {
          throw new InputException(name, -1, var, "\"values\" must map codes to labels");
        }
        for (Iterator<Map.Entry<String, JsonNode>> vi = vals.fields(); vi.hasNext(); ) {
          Map.Entry<String, JsonNode> ve = vi.next();
          values.put(ve.getKey(), ve.getValue().asText());
        }
        if (!values.isEmpty() && type != null && type != VariableType.CATEGORICAL) {
          throw new InputException(
              name, -1, var, "value labels are only allowed for categorical variables");
        }
      }
      if (type == null && !values.isEmpty()) {
        type =
            VariableType.CATEGORICAL; // value labels make it a codelist even when codes are digits
      }
      out.put(var, new VariableSchema(type, label, values));
    }
    return new ImportSchema(out);
  }

  private static void checkKeys(String file, String var, JsonNode node, String... allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!java.util.Arrays.asList(allowed).contains(key)) {
        throw new InputException(
            file,
            -1,
            var,
            "unknown key \"" + key + "\" (allowed: " + String.join(", ", allowed) + ")");
      }
    }
  }
}
