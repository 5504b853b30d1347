package org.statbench.link;

import java.util.ArrayList;
import java.util.List;
import org.statbench.core.InputException;

/**
 * Match weights under a trained model: one weight per agreement pattern (prior, each field's level,
 * the household correction; an address that only repeats a move counts as missing), plus the
 * term-frequency adjustment of each exactly agreeing name or postcode value. Immutable once built;
 * safe to share between threads.
 */
final class Scorer {
  private final Encoding enc;
  private final LinkModel model;
  private final EncodedField[] f;
  private final boolean dedup;
  private final int address;
  private final double[] patternWeight;
  private final int[] exactMask;
  private final boolean[] home;
  private final double[][] tfAdj;
  private final boolean[] tfField;
  private final int homeSurname;
  private final int homeForename;

  Scorer(Encoding enc, LinkModel model) {
    this.enc = enc;
    this.model = model;
    this.f = enc.f;
    this.dedup = enc.dedup;
    this.address = enc.address;
    int patterns = enc.patterns;
    patternWeight = new double[patterns];
    exactMask = new int[patterns];
    home = new boolean[patterns];
    double priorW = LinkModel.log2(model.prior() / (1 - model.prior()));
    LinkModel.Household hh = model.household();
    HouseholdTerms terms = new HouseholdTerms(enc, hh);
    double[][] u = new double[f.length][];
    for (int j = 0; j < f.length; j++) {
      u[j] = model.fields().get(j).u();
    }
    for (int p = 0; p < patterns; p++) {
      double w = priorW + terms.correction(p, u);
      int mask = 0;
      boolean moot = addressMoot(p);
      for (int j = 0; j < f.length; j++) {
        int l = level(p, j);
        w += j == address && moot ? 0 : model.fields().get(j).weight(l);
        if (l == f[j].type.exact()) {
          mask |= 1 << j;
        }
      }
      patternWeight[p] = w;
      exactMask[p] = mask;
      home[p] = terms.home(p);
    }
    // term frequencies: a shared rare value counts for more than a common one
    tfAdj = new double[f.length][];
    tfField = new boolean[f.length];
    for (int j = 0; j < f.length; j++) {
      if (!model.fields().get(j).termFrequencies() || f[j].dict == null) {
        continue;
      }
      int size = f[j].dict.values.size();
      long[] c = new long[size];
      long n = 0;
      for (int v : f[j].left) {
        if (v != EncodedField.NONE) {
          c[v]++;
          n++;
        }
      }
      if (!dedup) {
        for (int v : f[j].right) {
          if (v != EncodedField.NONE) {
            c[v]++;
            n++;
          }
        }
      }
      double ue = model.fields().get(j).u()[f[j].type.exact()];
      double[] adj = new double[size];
      for (int v = 0; v < size; v++) {
        double tf = Math.max(c[v], 1) / (double) Math.max(n, 1);
        adj[v] = LinkModel.log2(ue / tf);
      }
      tfAdj[j] = adj;
      tfField[j] = true;
    }
    homeSurname = terms.hs;
    homeForename = terms.hf;
  }

  /** Match weight of a pair with pattern pid. */
  double weight(int l, int r, int pid) {
    double w = patternWeight[pid];
    int mask = exactMask[pid];
    if (mask != 0) {
      boolean atHome = home[pid];
      for (int j = 0; j < f.length; j++) {
        if (tfField[j] && (mask & (1 << j)) != 0) {
          if (atHome && (j == homeSurname || j == homeForename)) {
            continue; // the household terms already replace these u's
          }
          w += tfAdj[j][f[j].left[l]];
        }
      }
    }
    return w;
  }

  private int level(int pid, int field) {
    return enc.level(pid, field);
  }

  private boolean addressMoot(int p) {
    return enc.addressMoot(p);
  }

  /** The waterfall of pair (l, r), whose agreement pattern is pid. */
  Waterfall explain(int l, int pid) {
    List<Waterfall.Step> steps = new ArrayList<>();
    steps.add(
        new Waterfall.Step(
            Waterfall.Kind.PRIOR, "", "", LinkModel.log2(model.prior() / (1 - model.prior()))));
    double fields = 0;
    for (int j = 0; j < f.length; j++) {
      LinkModel.FieldModel fm = model.fields().get(j);
      int lv = level(pid, j);
      double w = j == address && addressMoot(pid) ? 0 : fm.weight(lv);
      fields += w;
      steps.add(new Waterfall.Step(Waterfall.Kind.FIELD, fm.name(), fm.levels().get(lv), w));
    }
    double tf = 0;
    int mask = exactMask[pid];
    for (int j = 0; j < f.length; j++) {
      if (tfField[j] && (mask & (1 << j)) != 0) {
        if (home[pid] && (j == homeSurname || j == homeForename)) {
          continue;
        }
        double a = tfAdj[j][f[j].left[l]];
        tf += a;
        steps.add(
            new Waterfall.Step(
                Waterfall.Kind.TERM_FREQUENCY, model.fields().get(j).name(), "exact", a));
      }
    }
    double hh = patternWeight[pid] - steps.get(0).weight() - fields;
    if (Math.abs(hh) > 1e-12) {
      steps.add(new Waterfall.Step(Waterfall.Kind.HOUSEHOLD, "", "household", hh));
    }
    return new Waterfall(steps);
  }

  static LinkModel checkModel(EncodedField[] f, LinkModel m) {
    if (m.fields().size() != f.length) {
      throw new InputException(
          "The model has " + m.fields().size() + " fields but " + f.length + " are compared");
    }
    for (int i = 0; i < f.length; i++) {
      LinkModel.FieldModel fm = m.fields().get(i);
      if (!fm.name().equals(f[i].field.name()) || fm.type() != f[i].type) {
        throw new InputException(
            "The model's field "
                + (i + 1)
                + " is '"
                + fm.name()
                + "' ("
                + fm.type().key()
                + "), but '"
                + f[i].field.name()
                + "' ("
                + f[i].type.key()
                + ") is compared");
      }
    }
    return m;
  }
}
