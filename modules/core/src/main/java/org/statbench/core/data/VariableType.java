package org.statbench.core.data;

/** The type of a variable, inferred at import or set by a schema. */
public enum VariableType {
  /** Codes from a codelist (stored dictionary-encoded, with counts in the catalogue). */
  CATEGORICAL,
  /**
   * Whole numbers; usable as a measure, for bands, or as a dimension whose codes are the values.
   */
  INTEGER,
  /** Numbers with decimals. */
  DECIMAL,
  /** Calendar dates (ISO yyyy-MM-dd in files). */
  DATE,
  /** Free text or identifiers with too many distinct values to be a dimension. */
  TEXT;

  /** True for INTEGER and DECIMAL. */
  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL;
  }

  /** Lower-case name as used in schemas and on the command line. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
