package org.statbench.cohort;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.statbench.core.InputException;
import org.statbench.core.format.StrictJson;
import org.statbench.core.spec.Bands;
import org.statbench.core.spec.CodeFilter;
import org.statbench.core.spec.CodeGroup;
import org.statbench.core.spec.CodeGroups;
import org.statbench.core.spec.DateGrouping;
import org.statbench.core.spec.DateUnit;
import org.statbench.core.spec.Derivation;
import org.statbench.core.spec.Filter;
import org.statbench.tabulate.TableSpecJson;

/**
 * Saves and loads a {@link CohortSpec} as JSON:
 *
 * <pre>{@code
 * {"format": "statbench-cohort", "version": 2,
 *  "title": "...", "dataset": "referrals", "entry": "referral_date", "event": "job_outcome_date",
 *  "end": null, "competing": null, "period": "month", "unit": "months", "horizon": 12,
 *  "asOf": null, "by": ["age"],
 *  "filters": [{"variable": "region", "include": ["E12000001"]},
 *              {"variable": "age", "range": {"min": 16, "max": 64}},
 *              {"variable": "referral_date", "dateRange": {"from": "2011-06-01", "to": null}}],
 *  "estimator": "simple",
 *  "derivations": {"age": {"bands": "16-24,25-49,50+"}, "referral_date": {"dateGrouping": "fy"}}}
 * }</pre>
 *
 * Filters are written exactly as the {@code filters} of a saved table definition ({@link
 * TableSpecJson#filterToJson}). Version 1 files, whose {@code filters} is an object of variable to
 * the codes kept ({@code {"region": ["E12000001"]}}), still load: each entry becomes an include
 * filter. Only {@code format}, {@code version}, {@code dataset}, {@code entry} and {@code event}
 * are required; the others take the {@link CohortSpec#of(String, String, String)} defaults.
 *
 * <p>Version 3 adds an optional {@code status} object, the spell part of a status definition
 * ({@link StatusSpec}): {@code {"id": "person_id", "spells": "benefit_spells", "spellId":
 * "person_id", "state": "benefit", "start": "start_date", "end": "end_date", "priority": [], "off":
 * "Off benefit", "window": null}}. A file without it is a plain cohort definition; versions 1 and 2
 * still load. {@link #load(Path)} reads the cohort part of any version; {@link #loadStatus(Path)}
 * also the status part.
 */
public final class CohortSpecJson {
  /** The {@code format} value of a saved cohort definition. */
  public static final String FORMAT = "statbench-cohort";

  /** The version written; files of this version or older are read. */
  public static final int VERSION = 3;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CohortSpecJson() {}

  /** The definition as JSON text. */
  public static String toJson(CohortSpec spec) {
    return write(cohortJson(spec));
  }

  /** A status definition as JSON text: its cohort definition with the {@code status} part. */
  public static String toJson(StatusSpec status) {
    ObjectNode o = cohortJson(status.cohort());
    ObjectNode st = o.putObject("status");
    st.put("id", status.id());
    st.put("spells", status.spells());
    st.put("spellId", status.spellId());
    st.put("state", status.state());
    st.put("start", status.start());
    st.put("end", status.end());
    ArrayNode priority = st.putArray("priority");
    status.priority().forEach(priority::add);
    st.put("off", status.offLabel());
    if (status.window() == null) {
      st.putNull("window");
    } else {
      st.put("window", status.window());
    }
    return write(o);
  }

  /** Writes a status definition to a file (UTF-8). */
  public static void save(StatusSpec status, Path file) {
    writeFile(toJson(status), file);
  }

  private static String write(ObjectNode o) {
    try {
      return MAPPER.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode cohortJson(CohortSpec spec) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("format", FORMAT);
    o.put("version", VERSION);
    o.put("title", spec.title());
    o.put("dataset", spec.dataset());
    o.put("entry", spec.entry());
    o.put("event", spec.event());
    o.put("end", spec.end());
    o.put("competing", spec.competing());
    o.put("period", spec.period().key());
    o.put("unit", spec.unit().key());
    o.put("horizon", spec.horizon());
    o.put("asOf", spec.asOf() == null ? null : spec.asOf().toString());
    ArrayNode by = o.putArray("by");
    spec.by().forEach(by::add);
    ArrayNode filters = o.putArray("filters");
    spec.filters().forEach(f -> filters.add(TableSpecJson.filterToJson(f)));
    o.put("estimator", spec.estimator().key());
    ObjectNode derivations = o.putObject("derivations");
    spec.derivations()
        .forEach(
            (k, v) -> {
              ObjectNode d = derivations.putObject(k);
              if (v instanceof Bands b) {
                d.put("bands", b.format());
              } else if (v instanceof DateGrouping g) {
                d.put("dateGrouping", g.unit().key());
              } else if (v instanceof CodeGroups g) {
                ArrayNode groups = d.putArray("groups");
                for (CodeGroup cg : g.groups()) {
                  ObjectNode one = groups.addObject();
                  one.put("name", cg.name());
                  ArrayNode codes = one.putArray("codes");
                  cg.codes().forEach(codes::add);
                }
              }
            });
    return o;
  }

  /** Writes the definition to a file (UTF-8). */
  public static void save(CohortSpec spec, Path file) {
    writeFile(toJson(spec), file);
  }

  private static void writeFile(String json, Path file) {
    try {
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a definition from a file.
   *
   * @throws InputException naming the file and the field when it is not a valid definition
   */
  public static CohortSpec load(Path file) {
    return fromJson(StrictJson.readText(file, null), file.toString());
  }

  /**
   * Reads a status definition from a file: empty when the file is a plain cohort definition.
   *
   * @throws InputException naming the file and the field when it is not a valid definition
   */
  public static Optional<StatusSpec> loadStatus(Path file) {
    try {
      return statusFromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new InputException(file.toString(), -1, null, "cannot read: " + e.getMessage());
    }
  }

  /**
   * Parses a status definition: empty when the JSON has no {@code status} part.
   *
   * @throws InputException naming the source and field when it is not a valid definition
   */
  public static Optional<StatusSpec> statusFromJson(String json, String source) {
    CohortSpec cohort = fromJson(json, source);
    JsonNode st;
    try {
      st = MAPPER.readTree(json).get("status");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // parsed above
    }
    if (st == null || st.isNull()) {
      return Optional.empty();
    }
    if (!st.isObject()) {
      throw new InputException(source, -1, "status", "expected an object");
    }
    List<String> priority = new ArrayList<>();
    st.path("priority").forEach(n -> priority.add(n.asText()));
    JsonNode window = st.get("window");
    if (window != null && !window.isNull() && !window.canConvertToInt()) {
      throw new InputException(source, -1, "status.window", "not a whole number: " + window);
    }
    try {
      return Optional.of(
          new StatusSpec(
              cohort,
              required(st, "id", source),
              required(st, "spells", source),
              required(st, "spellId", source),
              required(st, "state", source),
              required(st, "start", source),
              required(st, "end", source),
              priority,
              text(st, "off"),
              window == null || window.isNull() ? null : window.asInt()));
    } catch (InputException e) {
      if (e.file() != null) {
        throw e;
      }
      throw new InputException(source, -1, "status", e.getMessage());
    }
  }

  /** Reads a definition from a stream (e.g. a classpath resource) named {@code source}. */
  public static CohortSpec load(InputStream in, String source) {
    try {
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new InputException(source, -1, null, "cannot read: " + e.getMessage());
    }
  }

  /**
   * Parses JSON text.
   *
   * @param source file or resource name used in error messages
   * @throws InputException naming the source and field when it is not a valid definition
   */
  public static CohortSpec fromJson(String json, String source) {
    JsonNode root = StrictJson.parse(json, source);
    if (root == null || !root.isObject()) {
      throw new InputException(source, -1, null, "not a JSON object");
    }
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new InputException(
          source, -1, "format", "not a cohort definition (format must be \"" + FORMAT + "\")");
    }
    int version = root.path("version").asInt(-1);
    if (version < 1 || version > VERSION) {
      throw new InputException(
          source,
          -1,
          "version",
          "unsupported version " + root.path("version") + " (expected 1 to " + VERSION + ")");
    }
    try {
      LocalDate asOf = null;
      String asOfText = text(root, "asOf");
      if (asOfText != null) {
        try {
          asOf = LocalDate.parse(asOfText);
        } catch (DateTimeParseException e) {
          throw new InputException(source, -1, "asOf", "not a date (YYYY-MM-DD): " + asOfText);
        }
      }
      List<String> by = new ArrayList<>();
      root.path("by").forEach(n -> by.add(n.asText()));
      List<Filter> filters = filters(root.path("filters"), source);
      Map<String, Derivation> derivations = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> dit = root.path("derivations").fields();
      while (dit.hasNext()) {
        Map.Entry<String, JsonNode> d = dit.next();
        JsonNode bands = d.getValue().get("bands");
        JsonNode groups = d.getValue().get("groups");
        JsonNode dateGrouping = d.getValue().get("dateGrouping");
        if (bands != null && !bands.isNull()) {
          derivations.put(d.getKey(), Bands.parse(bands.asText()));
        } else if (dateGrouping != null && !dateGrouping.isNull()) {
          derivations.put(d.getKey(), new DateGrouping(DateUnit.parse(dateGrouping.asText())));
        } else if (groups != null && groups.isArray()) {
          List<CodeGroup> list = new ArrayList<>();
          for (JsonNode g : groups) {
            List<String> codes = new ArrayList<>();
            g.path("codes").forEach(n -> codes.add(n.asText()));
            list.add(new CodeGroup(g.path("name").asText(), codes));
          }
          derivations.put(d.getKey(), new CodeGroups(list));
        } else {
          throw new InputException(
              source,
              -1,
              "derivations",
              "'" + d.getKey() + "' needs \"bands\", \"groups\" or \"dateGrouping\"");
        }
      }
      String period = text(root, "period");
      String unit = text(root, "unit");
      String estimator = text(root, "estimator");
      JsonNode horizon = root.get("horizon");
      if (horizon != null && !horizon.isNull() && !horizon.canConvertToInt()) {
        throw new InputException(source, -1, "horizon", "not a whole number: " + horizon);
      }
      return new CohortSpec(
          text(root, "title"),
          required(root, "dataset", source),
          required(root, "entry", source),
          required(root, "event", source),
          text(root, "end"),
          text(root, "competing"),
          period == null ? null : CohortPeriod.parse(period),
          unit == null ? null : DurationUnit.parse(unit),
          horizon == null || horizon.isNull() ? CohortSpec.DEFAULT_HORIZON : horizon.asInt(),
          asOf,
          by,
          filters,
          estimator == null ? null : Estimator.parse(estimator),
          derivations);
    } catch (InputException e) {
      throw StrictJson.in(source).withSource(e);
    }
  }

  /** Version 2: an array of table filters; version 1: an object of variable to codes kept. */
  private static List<Filter> filters(JsonNode node, String source) {
    List<Filter> out = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      int i = 0;
      for (JsonNode f : node) {
        out.add(TableSpecJson.filterFromJson(f, source, "filters[" + i++ + "]"));
      }
      return out;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        List<String> codes = new ArrayList<>();
        f.getValue().forEach(n -> codes.add(n.asText()));
        try {
          out.add(new CodeFilter(f.getKey(), codes, false));
        } catch (InputException e) {
          throw new InputException(source, -1, "filters." + f.getKey(), e.getMessage());
        }
      }
      return out;
    }
    throw new InputException(source, -1, "filters", "expected an array of filters");
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String required(JsonNode root, String field, String source) {
    String t = text(root, field);
    if (t == null || t.isEmpty()) {
      throw new InputException(source, -1, field, "missing required field");
    }
    return t;
  }
}
