package org.statbench.link;

/** The household dependence correction of a pattern, in bits (see {@link LinkModel.Household}). */
final class HouseholdTerms {
  private final Encoding enc;
  private final EncodedField[] f;

  final LinkModel.Household hh;
  final int hs;
  final int hp;
  final int ha;
  final int hf;
  final int hd;

  HouseholdTerms(Encoding enc, LinkModel.Household hh) {
    this.enc = enc;
    this.f = enc.f;
    this.hh = hh;
    hs = hh == null ? -1 : indexOf(hh.surname());
    hp = hh == null ? -1 : indexOf(hh.postcode());
    ha = hh == null || hh.address() == null ? -1 : indexOf(hh.address());
    hf = hh == null || hh.forename() == null ? -1 : indexOf(hh.forename());
    hd = hh == null || hh.dob() == null ? -1 : indexOf(hh.dob());
  }

  private boolean exact(int p, int j) {
    return j >= 0 && level(p, j) == f[j].type.exact();
  }

  /**
   * Postcode unit, or sector (a typing error in the unit), agrees; or the postcode is missing on a
   * side and the address agrees (the same home found without a postcode).
   */
  private boolean samePlace(int p) {
    if (hp < 0) {
      return false;
    }
    int l = level(p, hp);
    return l == f[hp].type.exact()
        || (f[hp].type == FieldType.POSTCODE && l == 4)
        || (l == FieldType.MISSING && exact(p, ha));
  }

  /** Surname agrees exactly or nearly (a typing error). */
  private boolean sameSurname(int p) {
    if (hs < 0) {
      return false;
    }
    int l = level(p, hs);
    return l == f[hs].type.exact() || (f[hs].type == FieldType.NAME && l >= 4);
  }

  /** True when the pattern is a shared home: postcode, surname and address agree. */
  boolean home(int p) {
    return hs >= 0 && ha >= 0 && samePlace(p) && sameSurname(p) && exact(p, ha);
  }

  double correction(int p, double[][] u) {
    if (hs < 0 || !samePlace(p)) {
      return 0;
    }
    boolean s = sameSurname(p);
    boolean a = exact(p, ha);
    double us = u[hs][level(p, hs)];
    double ua = ha >= 0 ? u[ha][f[ha].type.exact()] : 1;
    double w = 0;
    if (s && a) {
      w += LinkModel.log2(us * ua / hh.bothGivenPostcode());
      if (level(p, hp) == FieldType.MISSING) {
        // no postcode on a side: the shared home is also the shared postcode's evidence
        w -= LinkModel.log2(u[hp][f[hp].type.exact()]);
      }
      // within one home a shared forename or birthday is rarer (or, for twins, commoner)
      if (exact(p, hf)) {
        w += LinkModel.log2(u[hf][f[hf].type.exact()] / hh.forenameGivenHome());
      }
      if (exact(p, hd)) {
        w += LinkModel.log2(u[hd][f[hd].type.exact()] / hh.dobGivenHome());
      }
    } else if (s && exact(p, hp)) {
      w += LinkModel.log2(us / hh.surnameGivenPostcode());
    } else if (a && exact(p, hp)) {
      w += LinkModel.log2(ua / hh.addressGivenPostcode());
    }
    return w;
  }

  private int level(int p, int j) {
    return enc.level(p, j);
  }

  private int indexOf(String field) {
    return enc.indexOf(field);
  }
}
