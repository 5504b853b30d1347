package org.statbench.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.statbench.core.InputException;

/**
 * A trained Fellegi-Sunter model: per field and comparison level the probability {@code m} of that
 * level among matches and {@code u} among non-matches, the prior, and the household dependence
 * correction. Saved as versioned JSON so it can be reviewed and reused on next month's extracts
 * (term frequencies are always taken from the data being linked). Immutable.
 *
 * @param version file format version ({@link #VERSION})
 * @param fields one entry per compared field, in comparison order
 * @param prior probability that two records drawn at random from the two sides match
 * @param household correction for surname, postcode and address agreeing together, or null
 * @param trainedOn what it was trained on (rows and candidate pairs), for the reviewer
 */
public record LinkModel(
    int version, List<FieldModel> fields, double prior, Household household, String trainedOn) {
  /**
   * The model file format written by this version. Version 2 split the name level {@code
   * jw>=0.94|nickname} of version 1 into {@code nickname} and {@code jw>=0.94}; a version 1 file is
   * read with both new levels carrying the old level's m and u (the same weights as before).
   */
  public static final int VERSION = 2;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public LinkModel {
    fields = List.copyOf(fields);
  }

  /**
   * One field's parameters.
   *
   * @param name field name
   * @param type comparison type
   * @param levels level names ({@link FieldType#levels()})
   * @param m P(level | match) per level; index 0 (missing) is unused
   * @param u P(level | non-match) per level; index 0 unused
   * @param termFrequencies whether the exact level is adjusted by the value's frequency
   */
  public record FieldModel(
      String name,
      FieldType type,
      List<String> levels,
      double[] m,
      double[] u,
      boolean termFrequencies) {
    public FieldModel {
      Objects.requireNonNull(name, "name");
      levels = List.copyOf(levels);
      m = m.clone();
      u = u.clone();
    }

    /** Match weight of a level in bits: log2(m / u); 0 for missing. */
    public double weight(int level) {
      return level == FieldType.MISSING ? 0 : log2(m[level] / u[level]);
    }

    @Override
    public double[] m() {
      return m.clone();
    }

    @Override
    public double[] u() {
      return u.clone();
    }
  }

  /**
   * Dependence correction for people sharing a home. Among pairs of different people in the same
   * postcode unit, surname and address agree far more often than their separate {@code u} say, and
   * within one home a shared forename or date of birth is rarer (and twins share a birthday). The
   * weights of these patterns use conditional probabilities measured on pairs of different records
   * of one dataset (different people by construction) instead of the product of the margins.
   *
   * @param surname surname field
   * @param postcode postcode field
   * @param address address field, or null
   * @param forename forename field, or null
   * @param dob date-of-birth field, or null
   * @param surnameGivenPostcode P(surname agrees | same postcode, different people)
   * @param addressGivenPostcode P(address agrees | same postcode, different people)
   * @param bothGivenPostcode P(surname and address agree | same postcode, different people)
   * @param forenameGivenHome P(forename agrees | same postcode, surname and address, different
   *     people)
   * @param dobGivenHome P(date of birth agrees | same home, different people)
   */
  public record Household(
      String surname,
      String postcode,
      String address,
      String forename,
      String dob,
      double surnameGivenPostcode,
      double addressGivenPostcode,
      double bothGivenPostcode,
      double forenameGivenHome,
      double dobGivenHome) {}

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** The field model of a name, or null. */
  public FieldModel field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  /** The model as JSON text. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the model as JSON. */
  public void save(Path file) throws IOException {
    Files.writeString(file, toJson());
  }

  /**
   * Reads a model file.
   *
   * @throws InputException naming the file when it is missing, not a model, or of a newer version
   */
  public static LinkModel load(Path file) {
    LinkModel m;
    try {
      m = JSON.readValue(Files.readString(file), LinkModel.class);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": model file not found");
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          file + ": not a linkage model (" + e.getClass().getSimpleName() + ")");
    }
    if (m.version() < 1 || m.version() > VERSION || m.fields() == null || m.fields().isEmpty()) {
      throw new InputException(
          file
              + ": unsupported model version "
              + m.version()
              + " (this program reads "
              + VERSION
              + ")");
    }
    if (m.version() == 1) {
      m = fromVersion1(m);
    }
    for (FieldModel f : m.fields()) {
      if (f.type() == null
          || f.m().length != f.type().levels().size()
          || f.u().length != f.type().levels().size()) {
        throw new InputException(
            file + ": field '" + f.name() + "' has the wrong number of levels");
      }
    }
    return m;
  }

  /** Version 1 name fields had one level {@code jw>=0.94|nickname} (index 5) for two. */
  private static LinkModel fromVersion1(LinkModel m) {
    List<FieldModel> fields = new java.util.ArrayList<>();
    for (FieldModel f : m.fields()) {
      if (f.type() == FieldType.NAME && f.m().length == FieldType.NAME.levels().size() - 1) {
        f =
            new FieldModel(
                f.name(),
                f.type(),
                FieldType.NAME.levels(),
                splitLevel5(f.m()),
                splitLevel5(f.u()),
                f.termFrequencies());
      }
      fields.add(f);
    }
    return new LinkModel(VERSION, fields, m.prior(), m.household(), m.trainedOn());
  }

  private static double[] splitLevel5(double[] v) {
    double[] out = new double[v.length + 1];
    System.arraycopy(v, 0, out, 0, 6);
    System.arraycopy(v, 5, out, 6, v.length - 5);
    return out;
  }
}
