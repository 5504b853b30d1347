package org.statbench.sampledata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benefit spells of the sample referrals: {@code person_id,benefit,start_date,end_date} with
 * benefits JSA, ESA, IS and UC, an empty end for a spell still open at the extract date.
 *
 * <p>Each referral starts on the benefit of its payment group (JSA groups on JSA, ESA groups on
 * ESA, IB/IS on IS), in a claim that began up to 18 months before referral (about one in twenty
 * referrals has no claim covering the referral date). From then on, month by month: a job outcome
 * ends the claim a few days later; otherwise the claimant may move benefit (JSA and ESA to each
 * other, IS to ESA, and to UC as it rolls out from 2014), sign off, or, when off, claim again.
 * About one move in twelve overlaps the old spell by one to fourteen days (a run-on), and a few
 * spells belong to people who are not among the referrals (to be ignored and counted).
 */
final class SyntheticSpells {
  private static final LocalDate UC_ROLLOUT = LocalDate.of(2014, 1, 1);

  private SyntheticSpells() {}

  /** One referral: the columns spells depend on. */
  record Referral(String personId, LocalDate referral, String paymentGroup, LocalDate outcome) {}

  /** Reads the referrals extract's person, referral date, payment group and job outcome date. */
  static List<Referral> parseReferrals(String csv) {
    List<Referral> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new StringReader(csv))) {
      String line = r.readLine(); // header
      while ((line = r.readLine()) != null) {
        List<String> f = split(line);
        out.add(
            new Referral(
                f.get(0),
                LocalDate.parse(f.get(1)),
                f.get(4),
                f.get(11).isEmpty() ? null : LocalDate.parse(f.get(11))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The fields of one CSV line (comma, double quotes around a field, quotes doubled inside). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          sb.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          sb.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    out.add(sb.toString());
    return out;
  }

  /**
   * Writes the spells of the referrals, then a few of people not among them.
   *
   * @return the number of spells written
   */
  static int write(List<Referral> referrals, LocalDate extractDate, long seed, Writer out) {
    SplittableRandom rnd = new SplittableRandom(seed);
    CsvLineWriter csv = new CsvLineWriter(out);
    csv.row("person_id", "benefit", "start_date", "end_date");
    int written = 0;
    for (Referral r : referrals) {
      written += person(r, extractDate, rnd, csv);
    }
    // People outside the cohort: the department's records cover more claimants than referrals.
    for (int i = 0; i < 40; i++) {
      LocalDate start = LocalDate.of(2012, 1, 1).plusDays(rnd.nextInt(900));
      csv.field(String.format(Locale.ROOT, "P9%06d", i + 1))
          .field(i % 2 == 0 ? "JSA" : "UC")
          .field(start.toString())
          .field(i % 3 == 0 ? "" : start.plusDays(30 + rnd.nextInt(200)).toString())
          .end();
      written++;
    }
    csv.flush();
    return written;
  }

  private static int person(
      Referral r, LocalDate extractDate, SplittableRandom rnd, CsvLineWriter csv) {
    String group = r.paymentGroup();
    String benefit = group.startsWith("ESA") ? "ESA" : group.equals("IB/IS") ? "IS" : "JSA";
    int written = 0;
    boolean on = rnd.nextInt(20) != 0;
    LocalDate start =
        on ? r.referral().minusDays(7 + rnd.nextInt(540)) : r.referral().plusDays(rnd.nextInt(60));
    on = true;
    LocalDate day = start;
    // Month by month from the claim's start to the extract date.
    while (!day.isAfter(extractDate)) {
      LocalDate next = day.plusDays(20 + rnd.nextInt(21));
      if (!on) {
        // Off benefit: claim again?
        if (rnd.nextDouble() < 0.04) {
          on = true;
          start = next;
          benefit = next.isAfter(UC_ROLLOUT) && rnd.nextDouble() < 0.6 ? "UC" : "JSA";
        }
        day = next;
        continue;
      }
      boolean afterReferral = next.isAfter(r.referral());
      LocalDate end = null;
      String moveTo = null;
      if (r.outcome() != null && !next.isBefore(r.outcome())) {
        end = r.outcome().plusDays(rnd.nextInt(10));
      } else if (afterReferral) {
        double u = rnd.nextDouble();
        if (u < 0.025) {
          end = next; // signs off
        } else if (u < 0.045) {
          moveTo = benefit.equals("JSA") ? "ESA" : benefit.equals("ESA") ? "JSA" : "ESA";
        } else if (u < 0.075 && next.isAfter(UC_ROLLOUT) && !benefit.equals("UC")) {
          moveTo = "UC";
        }
      }
      if (moveTo != null) {
        end = next;
      }
      if (end != null) {
        if (end.isAfter(extractDate)) {
          break; // still open at the extract date
        }
        if (end.isBefore(start)) {
          end = start;
        }
        spell(csv, r.personId(), benefit, start, end);
        written++;
        if (moveTo != null) {
          // One move in twelve overlaps the old claim by a few days.
          start = rnd.nextInt(12) == 0 ? end.minusDays(1 + rnd.nextInt(14)) : end.plusDays(1);
          benefit = moveTo;
        } else {
          on = false;
          if (r.outcome() != null && !end.isBefore(r.outcome())) {
            return written; // in work to the end of the extract
          }
        }
        day = end;
        continue;
      }
      day = next;
    }
    if (on && !start.isAfter(extractDate)) {
      spell(csv, r.personId(), benefit, start, null);
      written++;
    }
    return written;
  }

  private static void spell(
      CsvLineWriter csv, String person, String benefit, LocalDate start, LocalDate end) {
    csv.field(person)
        .field(benefit)
        .field(start.toString())
        .field(end == null ? "" : end.toString())
        .end();
  }
}
