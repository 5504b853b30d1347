package org.statbench.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.statbench.core.InputException;
import org.statbench.core.format.StrictJson;

/**
 * Reads and writes {@link DisclosurePolicy} as JSON (format and defaults: {@code
 * docs/disclosure-policy.md}). Every key is optional; missing keys take the value of the base
 * profile ({@code "profile"}, default {@code default}). Unknown keys and bad values are errors that
 * name the key. Stateless and thread-safe.
 */
public final class PolicyJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final Set<String> TOP_KEYS =
      Set.of(
          "profile",
          "name",
          "threshold",
          "zerosSafe",
          "dominance",
          "pPercent",
          "negativeValues",
          "missingValues",
          "method",
          "rounding",
          "perturbation",
          "protection",
          "quality");

  private PolicyJson() {}

  /**
   * Reads a policy file.
   *
   * @throws InputException naming the file and key when the file is missing, not JSON, has an
   *     unknown key or a bad value
   */
  public static DisclosurePolicy read(Path file) {
    return parse(StrictJson.readText(file, "policy"), file.toString());
  }

  /**
   * Parses policy JSON.
   *
   * @param source file name cited in errors, or null
   */
  public static DisclosurePolicy parse(String json, String source) {
    JsonNode root = StrictJson.parse(json, source);
    if (root == null || !root.isObject()) {
      throw new InputException(source, -1, null, "a policy must be a JSON object");
    }
    try {
      return fromTree(root);
    } catch (InputException e) {
      throw new InputException(source, -1, null, e.getMessage());
    }
  }

  /**
   * Reads the {@code "quality"} object of a policy file (survey reliability rules); the defaults
   * when the file has none.
   *
   * @throws InputException naming the file and key on a bad value
   */
  public static QualityPolicy readQuality(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new InputException(file.toString(), -1, null, "cannot read policy: " + e.getMessage());
    }
    return parseQuality(text, file.toString());
  }

  /** Parses the {@code "quality"} object of policy JSON (defaults for missing keys). */
  public static QualityPolicy parseQuality(String json, String source) {
    try {
      JsonNode root = MAPPER.readTree(json);
      JsonNode q = root == null ? null : root.get("quality");
      if (q == null) {
        return QualityPolicy.DEFAULT;
      }
      if (!q.isObject()) {
        throw new InputException("quality must be an object");
      }
      checkKeys(q, Set.of("cvCaution", "cvWithhold", "minBase"), "quality.");
      QualityPolicy d = QualityPolicy.DEFAULT;
      return new QualityPolicy(
          q.has("cvCaution") ? number(q, "cvCaution", "quality.") : d.cvCaution(),
          q.has("cvWithhold") ? number(q, "cvWithhold", "quality.") : d.cvWithhold(),
          q.has("minBase") ? integer(q, "minBase", "quality.") : d.minBase());
    } catch (JsonProcessingException e) {
      throw new InputException(source, -1, null, "not valid JSON: " + e.getOriginalMessage());
    } catch (InputException e) {
      throw new InputException(source, -1, null, e.getMessage());
    }
  }

  private static DisclosurePolicy fromTree(JsonNode root) {
    checkKeys(root, TOP_KEYS, "");
    DisclosurePolicy base =
        root.has("profile")
            ? DisclosurePolicy.profile(text(root, "profile", ""))
            : DisclosurePolicy.DEFAULT;
    String name =
        root.has("name") ? text(root, "name", "") : root.has("profile") ? base.name() : "custom";
    int threshold = root.has("threshold") ? integer(root, "threshold", "") : base.threshold();
    if (threshold < 1) {
      throw new InputException("threshold must be an integer of at least 1, got " + threshold);
    }
    boolean zerosSafe = root.has("zerosSafe") ? bool(root, "zerosSafe", "") : base.zerosSafe();
    List<DominanceRule> dominance = base.dominance();
    if (root.has("dominance")) {
      JsonNode arr = root.get("dominance");
      if (!arr.isArray()) {
        throw new InputException("dominance must be a list of {\"n\": N, \"k\": K}");
      }
      dominance = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        JsonNode r = arr.get(i);
        String where = "dominance[" + i + "].";
        if (!r.isObject()) {
          throw new InputException("dominance[" + i + "] must be an object {\"n\": N, \"k\": K}");
        }
        checkKeys(r, Set.of("n", "k"), where);
        if (!r.has("n") || !r.has("k")) {
          throw new InputException("dominance[" + i + "] needs both n and k");
        }
        int n = integer(r, "n", where);
        double k = number(r, "k", where);
        try {
          dominance.add(new DominanceRule(n, k));
        } catch (InputException e) {
          throw new InputException(e.getMessage().replace("dominance.", where));
        }
      }
    }
    double p = root.has("pPercent") ? number(root, "pPercent", "") : base.pPercent();
    ValueHandling neg =
        root.has("negativeValues")
            ? enumValue(root, "negativeValues", "", ValueHandling.class)
            : base.negativeValues();
    ValueHandling missing =
        root.has("missingValues")
            ? enumValue(root, "missingValues", "", ValueHandling.class)
            : base.missingValues();
    ProtectionMethod method =
        root.has("method") ? enumValue(root, "method", "", ProtectionMethod.class) : base.method();
    RoundingPolicy rounding = base.rounding();
    if (root.has("rounding")) {
      JsonNode r = object(root, "rounding");
      checkKeys(r, Set.of("base", "totals", "suppressBelowThreshold"), "rounding.");
      rounding =
          new RoundingPolicy(
              r.has("base") ? integer(r, "base", "rounding.") : rounding.base(),
              r.has("totals")
                  ? enumValue(r, "totals", "rounding.", RoundingPolicy.TotalsRounding.class)
                  : rounding.totals(),
              r.has("suppressBelowThreshold")
                  ? bool(r, "suppressBelowThreshold", "rounding.")
                  : rounding.suppressBelowThreshold());
    }
    PerturbationPolicy perturbation = base.perturbation();
    if (root.has("perturbation")) {
      JsonNode r = object(root, "perturbation");
      checkKeys(r, Set.of("maxNoise", "variance", "smallValueThreshold"), "perturbation.");
      perturbation =
          new PerturbationPolicy(
              r.has("maxNoise") ? integer(r, "maxNoise", "perturbation.") : perturbation.maxNoise(),
              r.has("variance") ? number(r, "variance", "perturbation.") : perturbation.variance(),
              r.has("smallValueThreshold")
                  ? integer(r, "smallValueThreshold", "perturbation.")
                  : perturbation.smallValueThreshold());
    }
    SecondaryProtection protection = base.protection();
    if (protection.mode() == SecondaryProtection.Mode.ABSOLUTE
        && protection.value() == base.threshold()) {
      // The default protection width is "the threshold": it follows a changed threshold.
      protection = SecondaryProtection.absolute(threshold);
    }
    if (root.has("protection")) {
      JsonNode r = object(root, "protection");
      checkKeys(r, Set.of("mode", "value"), "protection.");
      SecondaryProtection.Mode mode =
          r.has("mode")
              ? enumValue(r, "mode", "protection.", SecondaryProtection.Mode.class)
              : protection.mode();
      double value =
          r.has("value")
              ? number(r, "value", "protection.")
              : mode == SecondaryProtection.Mode.ABSOLUTE ? threshold : protection.value();
      protection = new SecondaryProtection(mode, value);
    }
    return new DisclosurePolicy(
        name,
        threshold,
        zerosSafe,
        dominance,
        p,
        neg,
        missing,
        method,
        rounding,
        perturbation,
        protection);
  }

  /** The policy as a JSON tree (every key written, so the file is self-describing). */
  public static ObjectNode toTree(DisclosurePolicy p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", p.name());
    o.put("threshold", p.threshold());
    o.put("zerosSafe", p.zerosSafe());
    ArrayNode dom = o.putArray("dominance");
    for (DominanceRule r : p.dominance()) {
      ObjectNode d = dom.addObject();
      d.put("n", r.n());
      putNumber(d, "k", r.k());
    }
    putNumber(o, "pPercent", p.pPercent());
    o.put("negativeValues", lower(p.negativeValues()));
    o.put("missingValues", lower(p.missingValues()));
    o.put("method", lower(p.method()));
    ObjectNode r = o.putObject("rounding");
    r.put("base", p.rounding().base());
    r.put("totals", lower(p.rounding().totals()));
    r.put("suppressBelowThreshold", p.rounding().suppressBelowThreshold());
    ObjectNode q = o.putObject("perturbation");
    q.put("maxNoise", p.perturbation().maxNoise());
    putNumber(q, "variance", p.perturbation().variance());
    q.put("smallValueThreshold", p.perturbation().smallValueThreshold());
    ObjectNode s = o.putObject("protection");
    s.put("mode", lower(p.protection().mode()));
    putNumber(s, "value", p.protection().value());
    return o;
  }

  /** The policy as indented JSON; {@link #parse} of the result gives an equal policy. */
  public static String write(DisclosurePolicy p) {
    try {
      return MAPPER.writeValueAsString(toTree(p));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void putNumber(ObjectNode o, String key, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      o.put(key, (long) v);
    } else {
      o.put(key, v);
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, String prefix) {
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      String k = it.next().getKey();
      if (!allowed.contains(k)) {
        throw new InputException(
            "unknown key '"
                + prefix
                + k
                + "' (allowed: "
                + String.join(", ", sorted(allowed))
                + ")");
      }
    }
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(null);
    return l;
  }

  private static JsonNode object(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (!v.isObject()) {
      throw new InputException(key + " must be a JSON object");
    }
    return v;
  }

  private static String text(JsonNode node, String key, String prefix) {
    JsonNode v = node.get(key);
    if (!v.isTextual()) {
      throw new InputException(prefix + key + " must be a string, got " + v);
    }
    return v.asText();
  }

  private static boolean bool(JsonNode node, String key, String prefix) {
    JsonNode v = node.get(key);
    if (!v.isBoolean()) {
      throw new InputException(prefix + key + " must be true or false, got " + v);
    }
    return v.asBoolean();
  }

  private static double number(JsonNode node, String key, String prefix) {
    JsonNode v = node.get(key);
    if (!v.isNumber()) {
      throw new InputException(prefix + key + " must be a number, got " + v);
    }
    return v.asDouble();
  }

  private static int integer(JsonNode node, String key, String prefix) {
    JsonNode v = node.get(key);
    if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || !v.canConvertToInt()) {
      throw new InputException(prefix + key + " must be an integer, got " + v);
    }
    return v.asInt();
  }

  private static <E extends Enum<E>> E enumValue(
      JsonNode node, String key, String prefix, Class<E> type) {
    JsonNode v = node.get(key);
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      allowed.add(lower(e));
    }
    if (v.isTextual()) {
      for (E e : type.getEnumConstants()) {
        if (lower(e).equals(v.asText().toLowerCase(Locale.ROOT))) {
          return e;
        }
      }
    }
    throw new InputException(
        prefix + key + " must be one of " + String.join(", ", allowed) + ", got " + v);
  }
}
