package org.statbench.link;

import java.util.List;
import org.statbench.core.CancellationToken;
import org.statbench.core.InputException;
import org.statbench.core.ProgressListener;
import org.statbench.core.data.Column;

/**
 * Both datasets standardised and integer-encoded for one run: one {@link EncodedField} per compared
 * field, the radix of each field in an agreement-pattern number, and the roles (forename, surname,
 * postcode, address, date of birth) the household correction and the swap check need. Immutable
 * once built.
 */
final class Encoding {
  final LinkJob job;
  final ProgressListener progress;
  final CancellationToken cancel;
  final boolean dedup;
  final int nl;
  final int nr;
  EncodedField[] f;
  int[] radix;
  int patterns;
  int forename = -1;
  int surname = -1;
  int postcode = -1;
  int address = -1;
  int dob = -1;
  int[] truthL;
  int[] truthR;

  Encoding(LinkJob job, ProgressListener progress, CancellationToken cancel) {
    this.job = job;
    this.progress = progress;
    this.cancel = cancel;
    this.dedup = job.isDeduplication();
    this.nl = job.left().rows();
    this.nr = dedup ? nl : job.right().rows();
    if (nl == 0) {
      throw new InputException("Dataset '" + job.left().dataset() + "' is empty");
    }
    if (!dedup && nr == 0) {
      throw new InputException("Dataset '" + job.right().dataset() + "' is empty");
    }
    if (job.fields().isEmpty()) {
      throw new InputException("No fields to compare: give --fields");
    }
    progress.progress(0, 1, "standardising");
    List<LinkField> fields = job.fields();
    f = new EncodedField[fields.size()];
    EncodedField.Dict names = new EncodedField.Dict();
    radix = new int[fields.size()];
    int p = 1;
    for (int i = 0; i < f.length; i++) {
      cancel.throwIfCancelled();
      LinkField lf = fields.get(i);
      EncodedField.Dict d =
          lf.type() == FieldType.DATE
              ? null
              : lf.type() == FieldType.NAME ? names : new EncodedField.Dict();
      Column lc = job.left().column(lf.leftVariable());
      int[] lcodes = EncodedField.encode(lc, lf.type(), d, job.left().dataset());
      int[] rcodes =
          dedup
              ? lcodes
              : EncodedField.encode(
                  job.right().column(lf.rightVariable()), lf.type(), d, job.right().dataset());
      f[i] = new EncodedField(lf, d, lcodes, rcodes);
      radix[i] = p;
      p *= lf.type().levels().size();
      if (p > 50_000_000 || p < 0) {
        throw new InputException("Too many fields to compare at once (at most about eight)");
      }
      String n = lf.name().toLowerCase(java.util.Locale.ROOT);
      switch (lf.type()) {
        case NAME -> {
          if (surname < 0 && (n.contains("sur") || n.contains("last") || n.contains("family"))) {
            surname = i;
          } else if (forename < 0) {
            forename = i;
          }
        }
        case POSTCODE -> postcode = postcode < 0 ? i : postcode;
        case TEXT -> address = address < 0 ? i : address;
        case DATE -> dob = dob < 0 ? i : dob;
        case EXACT -> {
          // keyed hashes keep their role in the name (surname_hash): the household correction
          // matters most on hashed data, where no partial agreement is left
          if (n.contains("surname") && surname < 0) {
            surname = i;
          } else if (n.contains("forename") && forename < 0) {
            forename = i;
          } else if (n.contains("postcode") && postcode < 0) {
            postcode = i;
          } else if (n.contains("address") && address < 0) {
            address = i;
          } else if ((n.contains("dob") || n.contains("birth")) && dob < 0) {
            dob = i;
          }
        }
        default -> {}
      }
    }
    for (EncodedField e : f) {
      e.prepare();
    }
    patterns = p;
    if (job.truth() != null) {
      EncodedField.Dict td = new EncodedField.Dict();
      truthL =
          EncodedField.encode(
              job.left().column(job.truth()), FieldType.EXACT, td, job.left().dataset());
      truthR =
          dedup
              ? truthL
              : EncodedField.encode(
                  job.right().column(job.truth()), FieldType.EXACT, td, job.right().dataset());
    }
  }

  int fieldIndex(String name, String where) {
    for (int i = 0; i < f.length; i++) {
      if (f[i].field.name().equals(name)) {
        return i;
      }
    }
    throw new InputException(
        where + " uses '" + name + "', which is not among the compared fields");
  }

  /** Forename-surname swaps need both names, sharing one dictionary. */
  boolean swapsPossible() {
    return surname >= 0
        && forename >= 0
        && f[surname].type == FieldType.NAME
        && f[forename].type == FieldType.NAME;
  }

  int level(int pid, int field) {
    return pid / radix[field] % f[field].type.levels().size();
  }

  /**
   * True when a pattern's address disagreement says nothing beyond its postcode: the postcode
   * already places the two records in different sectors (a mover, or another person elsewhere), and
   * a different address there is implied. Counting both would penalise one move twice (address and
   * postcode are far from independent given a match), which made EM learn that matches never move;
   * such patterns treat the address as missing, in training and in scoring.
   */
  boolean addressMoot(int p) {
    if (address < 0 || postcode < 0 || f[postcode].type != FieldType.POSTCODE) {
      return false;
    }
    int pl = level(p, postcode);
    return pl >= FieldType.ELSE && pl <= 3 && level(p, address) == FieldType.ELSE;
  }

  int indexOf(String field) {
    for (int j = 0; j < f.length; j++) {
      if (f[j].field.name().equals(field)) {
        return j;
      }
    }
    return -1;
  }

  static long mix(long h, long v) {
    long x = (h ^ v) * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    x ^= x >>> 29;
    x *= 0xBF58476D1CE4E5B9L;
    return x ^ (x >>> 32);
  }
}
