package org.statbench.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.core.InputException;
import org.statbench.core.RefusedException;
import org.statbench.core.data.DatasetColumns;
import org.statbench.sampledata.people.SyntheticPeople;

class LinkerTest {
  @TempDir Path tmp;

  private static final List<LinkField> PEOPLE =
      List.of(
          LinkField.of("forename", FieldType.NAME),
          LinkField.of("surname", FieldType.NAME),
          LinkField.of("dob", FieldType.DATE),
          LinkField.of("postcode", FieldType.POSTCODE),
          LinkField.of("address", FieldType.TEXT));

  static LinkJob peopleJob(SyntheticPeople.Job data, LinkJob.Options o) {
    return new LinkJob(
        data.left(),
        data.right(),
        "customer_id",
        "recipient_id",
        PEOPLE,
        List.of(),
        List.of(),
        null,
        SyntheticPeople.TRUTH,
        o);
  }

  @Test
  void linksGeneratedPeopleWithoutLabelsAndKeepsHouseholdsApart() {
    SyntheticPeople.Job data = SyntheticPeople.generate(7, 50_000, 5_000);
    LinkResult r =
        Linker.link(peopleJob(data, LinkJob.Options.DEFAULT.withOneToOne(true)), null, null);
    LinkResult.Evaluation e = r.evaluation();
    // 80% of the 5,000 right people are on the left: 4,000 true pairs
    assertThat(e.truePairs()).isEqualTo(4000);
    assertThat(e.precision()).isGreaterThanOrEqualTo(0.995);
    assertThat(e.recall()).isGreaterThanOrEqualTo(0.93);
    assertThat(e.pairsCompleteness()).isGreaterThanOrEqualTo(0.98);
    assertThat(e.reductionRatio()).isGreaterThan(0.999);
    // the hard non-matches: different people sharing surname and postcode (spouses, children)
    DatasetColumns l = data.left();
    DatasetColumns rr = data.right();
    int sameHomeWrong = 0;
    for (int i = 0; i < r.links().size(); i++) {
      int a = r.links().left(i);
      int b = r.links().right(i);
      boolean samePerson = l.column("person_id").text(a).equals(rr.column("person_id").text(b));
      boolean sameHome =
          java.util.Objects.equals(
                  Standardise.name(l.column("surname").text(a)),
                  Standardise.name(rr.column("surname").text(b)))
              && java.util.Objects.equals(
                  Standardise.postcode(l.column("postcode").text(a)),
                  Standardise.postcode(rr.column("postcode").text(b)));
      if (!samePerson && sameHome) {
        sameHomeWrong++;
      }
    }
    assertThat(sameHomeWrong).isLessThanOrEqualTo(r.links().size() / 1000);
    // a different forename weighs heavily against a match
    assertThat(r.model().field("forename").weight(FieldType.ELSE)).isLessThan(-4);
    // the model's own estimate of precision at the threshold is close to the truth
    LinkResult.CurvePoint at90 =
        r.curve().stream().filter(p -> p.probability() == 0.9).findFirst().orElseThrow();
    assertThat(at90.estimatedPrecision()).isGreaterThan(0.98);
  }

  /**
   * Four exact fields, values uniform over 1000, 1200, 1500 and 2000 codes; a true pair disagrees
   * on each with probability 5%, 10%, 15% and 20%. So m(exact) = 0.95, 0.90, 0.85, 0.80; u(exact) =
   * 1/1000, 1/1200, 1/1500, 1/2000; prior = 3000 / (4000 x 4000).
   */
  @Test
  void emRecoversKnownMAndUWithoutLabels() {
    Random rnd = new Random(11);
    int[] k = {1000, 1200, 1500, 2000};
    double[] err = {0.05, 0.10, 0.15, 0.20};
    int n = 4000;
    int matched = 3000;
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder l = new StringBuilder("L" + i);
      StringBuilder r = new StringBuilder("R" + i);
      for (int f = 0; f < 4; f++) {
        int lv = rnd.nextInt(k[f]);
        int rv;
        if (i < matched) {
          rv = rnd.nextDouble() < err[f] ? (lv + 1 + rnd.nextInt(k[f] - 1)) % k[f] : lv;
        } else {
          rv = rnd.nextInt(k[f]);
        }
        l.append(",v").append(lv);
        r.append(",v").append(rv);
      }
      left.add(l.toString());
      right.add(r.toString());
    }
    DatasetColumns l = Records.of("l", "id,a,b,c,d", left.toArray(String[]::new));
    DatasetColumns r = Records.of("r", "id,a,b,c,d", right.toArray(String[]::new));
    List<LinkField> fields = new ArrayList<>();
    List<BlockingRule> rules = new ArrayList<>();
    for (String v : List.of("a", "b", "c", "d")) {
      fields.add(LinkField.of(v, FieldType.EXACT));
      rules.add(BlockingRule.parse(v));
    }
    LinkJob job =
        new LinkJob(
            l, r, "id", "id", fields, rules, List.of(), null, null, LinkJob.Options.DEFAULT);
    LinkModel m = Linker.link(job, null, null).model();
    int exact = FieldType.EXACT.exact();
    for (int f = 0; f < 4; f++) {
      LinkModel.FieldModel fm = m.fields().get(f);
      assertThat(fm.m()[exact]).as("m of " + fm.name()).isCloseTo(1 - err[f], within(0.03));
      assertThat(fm.u()[exact]).as("u of " + fm.name()).isCloseTo(1.0 / k[f], within(0.1 / k[f]));
    }
    assertThat(m.prior()).isCloseTo(3000.0 / (4000.0 * 4000.0), within(0.1 * 3000 / 16e6));
  }

  /** A hand-made model: names with term frequencies, dates without. */
  private static LinkModel handModel(double prior) {
    double[] nameM = {0, 0.02, 0.001, 0.01, 0.02, 0.03, 0.05, 0.899};
    double[] nameU = {0, 0.97, 0.0001, 0.01, 0.01, 0.003, 0.005, 0.005};
    double[] dateM = {0, 0.02, 0.01, 0.01, 0.01, 0.05, 0.9};
    double[] dateU = {0, 0.96, 0.02, 0.002, 0.0001, 0.001, 0.0001};
    return new LinkModel(
        LinkModel.VERSION,
        List.of(
            new LinkModel.FieldModel(
                "surname", FieldType.NAME, FieldType.NAME.levels(), nameM, nameU, true),
            new LinkModel.FieldModel(
                "dob", FieldType.DATE, FieldType.DATE.levels(), dateM, dateU, false)),
        prior,
        null,
        "by hand");
  }

  private static final List<LinkField> SN_DOB =
      List.of(LinkField.of("surname", FieldType.NAME), LinkField.of("dob", FieldType.DATE));

  private static LinkJob handJob(
      DatasetColumns l, DatasetColumns r, LinkModel model, List<MatchKey> keys, LinkJob.Options o) {
    return new LinkJob(
        l, r, "id", "id", SN_DOB, List.of(BlockingRule.parse("year(dob)")), keys, model, null, o);
  }

  @Test
  void aSharedRareSurnameCountsForMoreThanACommonOne() {
    DatasetColumns l =
        Records.of("l", "id,surname,dob", "L1,Smith,1970-01-01", "L2,Zygmunt,1970-05-05");
    DatasetColumns r =
        Records.of(
            "r",
            "id,surname,dob",
            "R1,SMITH,1970-01-01",
            "R2,ZYGMUNT,1970-05-05",
            "R3,Smith,1990-01-01",
            "R4,Smith,1991-01-01",
            "R5,Smith,1992-01-01");
    double prior = 0.01;
    LinkResult res =
        Linker.link(
            handJob(
                l,
                r,
                handModel(prior),
                List.of(),
                LinkJob.Options.DEFAULT.withThresholds(0.5, 0.5)),
            null,
            null);
    // term frequency over both sides: SMITH 5 of 7 names, ZYGMUNT 2 of 7
    double base = log2(prior / (1 - prior)) + log2(0.9 / 0.0001);
    double smith = base + log2(0.899 / (5 / 7.0));
    double zygmunt = base + log2(0.899 / (2 / 7.0));
    assertThat(res.links().size()).isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      double expected = res.links().left(i) == 0 ? smith : zygmunt;
      assertThat(res.links().weight(i)).isCloseTo(expected, within(1e-9));
    }
    assertThat(zygmunt).isGreaterThan(smith);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void matchKeysLinkOnlyWhenUniqueOnBothSidesAndRecordTheirStage() {
    DatasetColumns l =
        Records.of(
            "l",
            "id,surname,dob",
            "L1,Adams,1960-01-01",
            "L2,Brown,1961-02-02",
            "L3,Clark,1962-03-03");
    DatasetColumns r =
        Records.of(
            "r",
            "id,surname,dob",
            "R1,ADAMS,1960-01-01",
            "R2,BROWN,1961-02-02",
            "R3,BROWN,1961-02-02",
            "R4,Clark,1962-03-03");
    // a model under which nothing reaches the threshold: only the key can link
    LinkResult res =
        Linker.link(
            handJob(
                l,
                r,
                handModel(1e-12),
                List.of(MatchKey.parse("surname+dob")),
                LinkJob.Options.DEFAULT),
            null,
            null);
    assertThat(res.links().size()).isEqualTo(2);
    List<String> got = new ArrayList<>();
    for (int i = 0; i < res.links().size(); i++) {
      got.add(res.links().left(i) + "-" + res.links().right(i) + " " + res.links().stage(i));
    }
    assertThat(got).containsExactlyInAnyOrder("0-0 key:surname+dob", "2-3 key:surname+dob");
    assertThat(res.verification().result(1)).isNotEqualTo(Verification.Result.MATCH);
  }

  @Test
  void oneToOneKeepsOnlyTheBestPairOfEachRecord() {
    DatasetColumns l = Records.of("l", "id,surname,dob", "L1,Evans,1970-01-01");
    // EVANS is 3 of 12 surnames: its term-frequency weight is log2(0.899 / 0.25)
    DatasetColumns r =
        Records.of(
            "r",
            "id,surname,dob",
            "R1,EVANS,1970-01-01",
            "R2,EVANS,1970-01-02",
            "R3,Ash,2001-01-01",
            "R4,Birch,2002-01-01",
            "R5,Cole,2003-01-01",
            "R6,Dent,2004-01-01",
            "R7,Ede,2005-01-01",
            "R8,Fox,2006-01-01",
            "R9,Gill,2007-01-01",
            "R10,Hart,2008-01-01",
            "R11,Ives,2009-01-01");
    LinkJob.Options o = LinkJob.Options.DEFAULT.withThresholds(0.5, 0.5);
    LinkResult all = Linker.link(handJob(l, r, handModel(0.01), List.of(), o), null, null);
    LinkResult one =
        Linker.link(handJob(l, r, handModel(0.01), List.of(), o.withOneToOne(true)), null, null);
    assertThat(all.links().size()).isEqualTo(2);
    assertThat(one.links().size()).isEqualTo(1);
    assertThat(one.links().right(0)).isZero();
    assertThat(one.verification().result(0)).isEqualTo(Verification.Result.MATCH);
  }

  @Test
  void deduplicationPutsRecordsSharingAMatchKeyInOneClusterAndRecordsTheStage() {
    DatasetColumns d =
        Records.of(
            "d",
            "id,surname,dob",
            "K1,Adams,1960-01-01",
            "K2,Zeller,1960-01-01",
            "K3,Brown,1960-01-01",
            "K4,Adams,1970-01-01",
            "K5,Clark,",
            "K6,Clark,1971-02-02");
    // key dob: K1, K2 and K3 share it (whatever their surnames); K4 and K6 have it alone; K5 has
    // none. The model (prior 0.01) never links the rest: ADAMS and CLARK pairs have another or no
    // date, at most -6.63 + log2(0.899 / (2 / 6)) = -5.2 bits.
    LinkJob job =
        new LinkJob(
            d,
            null,
            "id",
            null,
            SN_DOB,
            List.of(BlockingRule.parse("surname")),
            List.of(MatchKey.parse("dob")),
            handModel(0.01),
            null,
            new LinkJob.Options(0.9, 0.9, false, 0.99, 1000, 100, 1));
    LinkResult r = Linker.link(job, null, null);
    int[] c = r.clusters();
    assertThat(c[1]).isEqualTo(c[0]);
    assertThat(c[2]).isEqualTo(c[0]);
    assertThat(java.util.Set.of(c[0], c[3], c[4], c[5])).hasSize(4);
    assertThat(r.links().size()).isEqualTo(2);
    assertThat(r.links().get(0))
        .isEqualTo(new Links.Link(0, 1, 1.0, r.links().weight(0), "key:dob"));
    assertThat(r.links().get(1))
        .isEqualTo(new Links.Link(0, 2, 1.0, r.links().weight(1), "key:dob"));
  }

  @Test
  void deduplicationChainsOnlyThroughPairsAboveTheChainingThreshold() {
    DatasetColumns d =
        Records.of(
            "d",
            "id,surname,dob",
            "A1,Jones,1950-06-06",
            "A2,JONES,1950-06-06",
            "A3,Jones,1950-06-08",
            "B1,Wood,1980-01-01",
            "B2,Ash,1981-01-01",
            "B3,Birch,1982-01-01",
            "B4,Cole,1983-01-01",
            "B5,Dent,1984-01-01",
            "B6,Ede,1985-01-01",
            "B7,Fox,1986-01-01");
    // JONES is 3 of 10: exact pairs -6.63 + log2(0.899 / 0.3) + log2(0.9 / 0.0001) = 8.05 bits
    // (p 0.996); the one-digit date pair -6.63 + 1.58 + log2(0.05 / 0.001) = 0.59 bits (p 0.60)
    LinkJob strict =
        new LinkJob(
            d,
            null,
            "id",
            null,
            SN_DOB,
            List.of(BlockingRule.parse("surname")),
            List.of(),
            handModel(0.01),
            null,
            new LinkJob.Options(0.5, 0.5, false, 0.9999, 1000, 100, 1));
    int[] c = Linker.link(strict, null, null).clusters();
    assertThat(c[0]).isEqualTo(c[1]);
    assertThat(c[2]).isNotEqualTo(c[0]);
    assertThat(c[3]).isNotEqualTo(c[0]).isNotEqualTo(c[2]);
    LinkJob loose =
        new LinkJob(
            d,
            null,
            "id",
            null,
            SN_DOB,
            List.of(BlockingRule.parse("surname")),
            List.of(),
            handModel(0.01),
            null,
            new LinkJob.Options(0.5, 0.5, false, 0.5, 1000, 100, 1));
    int[] c2 = Linker.link(loose, null, null).clusters();
    assertThat(c2[0]).isEqualTo(c2[1]).isEqualTo(c2[2]);
    assertThat(c2[3]).isNotEqualTo(c2[0]);
  }

  @Test
  void modelSurvivesSaveAndLoad() throws Exception {
    LinkModel m = handModel(0.02);
    Path file = tmp.resolve("m.json");
    m.save(file);
    LinkModel back = LinkModel.load(file);
    assertThat(back.prior()).isEqualTo(0.02);
    assertThat(back.version()).isEqualTo(LinkModel.VERSION);
    assertThat(back.fields().get(0).m()).containsExactly(m.fields().get(0).m());
    assertThat(back.fields().get(1).weight(6)).isEqualTo(m.fields().get(1).weight(6));
  }

  @Test
  void defaultRulesFindAPersonWithoutSurnameByBirthdayAndTheSoundOfTheForename() {
    DatasetColumns l =
        Records.of(
            "l",
            "id,forename,surname,dob,postcode",
            "L1,Jon,,1970-01-01,AB1 2CD",
            "L2,Mary,Evans,1980-05-05,CD3 4EF");
    DatasetColumns r =
        Records.of(
            "r",
            "id,forename,surname,dob,postcode",
            // soundex JON = JOHN = J500, same birthday, another postcode: only the new rule
            "R1,John,Smith,1970-01-01,ZZ9 9ZZ",
            // MARY is M600: not brought
            "R2,Mary,Smith,1970-01-01,ZZ9 9ZY",
            // another birthday: not brought
            "R3,Jon,Smith,1971-01-01,ZZ9 9ZX");
    List<LinkField> fields =
        List.of(
            LinkField.of("forename", FieldType.NAME),
            LinkField.of("surname", FieldType.NAME),
            LinkField.of("dob", FieldType.DATE),
            LinkField.of("postcode", FieldType.POSTCODE));
    List<BlockingRule> rules = Linker.defaultRules(fields);
    assertThat(rules.stream().map(BlockingRule::toString))
        .containsExactly(
            "postcode",
            "soundex(surname)+dob",
            "dob+initials(forename,surname)",
            "district(postcode)+soundex(surname)",
            "dob+soundex(forename)");
    LinkJob job =
        new LinkJob(
            l, r, "id", "id", fields, List.of(), List.of(), null, null, LinkJob.Options.DEFAULT);
    List<LinkResult.RuleCount> counts = Linker.countPairs(job);
    // postcodes, surnames and initials never agree; the last rule brings L1-R1 and nothing else
    assertThat(counts.stream().map(LinkResult.RuleCount::pairs))
        .containsExactly(0L, 0L, 0L, 0L, 1L);
  }

  @Test
  void readsAVersion1ModelWithTheOldNicknameLevelSplitInTwo() throws Exception {
    // version 1 name levels: missing, else, swapped, initial, jw>=0.88|one edit,
    // jw>=0.94|nickname, exact; the merged level's m and u go to both nickname and jw>=0.94
    String v1 =
        "{\"version\":1,\"prior\":0.01,\"trainedOn\":\"hand\",\"fields\":[{\"name\":\"forename\","
            + "\"type\":\"NAME\",\"levels\":[],\"m\":[0,0.01,0.01,0.02,0.03,0.08,0.85],"
            + "\"u\":[0,0.9,0.001,0.05,0.01,0.01,0.029],\"termFrequencies\":true}]}";
    Path file = tmp.resolve("v1.json");
    Files.writeString(file, v1);
    LinkModel.FieldModel f = LinkModel.load(file).fields().get(0);
    assertThat(f.levels()).isEqualTo(FieldType.NAME.levels());
    assertThat(f.m()).containsExactly(0, 0.01, 0.01, 0.02, 0.03, 0.08, 0.08, 0.85);
    assertThat(f.u()).containsExactly(0, 0.9, 0.001, 0.05, 0.01, 0.01, 0.01, 0.029);
    // log2(0.08 / 0.01) = 3 bits at both new levels, as at the old one
    assertThat(f.weight(5)).isEqualTo(3.0, within(1e-12));
    assertThat(f.weight(6)).isEqualTo(3.0, within(1e-12));
  }

  @Test
  void rejectsBadInputNamingIt() throws Exception {
    DatasetColumns l = Records.of("l", "id,surname,dob", "L1,Evans,1970-01-01");
    DatasetColumns empty = Records.of("e", "id,surname,dob");
    LinkJob.Options o = LinkJob.Options.DEFAULT;
    assertThatThrownBy(() -> Linker.link(handJob(l, empty, null, List.of(), o), null, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'e' is empty");
    List<LinkField> wrongType = List.of(LinkField.of("surname", FieldType.DATE));
    assertThatThrownBy(
            () ->
                Linker.link(
                    new LinkJob(
                        l,
                        l,
                        "id",
                        "id",
                        wrongType,
                        List.of(BlockingRule.parse("surname")),
                        List.of(),
                        null,
                        null,
                        o),
                    null,
                    null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'surname'")
        .hasMessageContaining("date");
    List<LinkField> unknown = List.of(LinkField.of("nope", FieldType.NAME));
    assertThatThrownBy(
            () ->
                Linker.link(
                    new LinkJob(l, l, "id", "id", unknown, List.of(), List.of(), null, null, o),
                    null,
                    null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'nope'");
    assertThatThrownBy(() -> BlockingRule.parse("metaphone(surname)"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("metaphone");
    assertThatThrownBy(
            () ->
                Linker.link(
                    new LinkJob(
                        l,
                        l,
                        "id",
                        "id",
                        SN_DOB,
                        List.of(BlockingRule.parse("postcode")),
                        List.of(),
                        null,
                        null,
                        o),
                    null,
                    null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'postcode'");
    Path bad = tmp.resolve("bad.json");
    java.nio.file.Files.writeString(bad, "{\"version\": 99, \"fields\": []}");
    assertThatThrownBy(() -> LinkModel.load(bad))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bad.json");
  }

  @Test
  void refusesARunWhoseBlockingBringsTooManyPairs() {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add("X" + i + ",Smith,1970-01-01");
    }
    DatasetColumns d = Records.of("d", "id,surname,dob", rows.toArray(String[]::new));
    LinkJob job =
        new LinkJob(
            d,
            d,
            "id",
            "id",
            SN_DOB,
            List.of(BlockingRule.parse("surname")),
            List.of(),
            null,
            null,
            LinkJob.Options.DEFAULT.withMaxPairs(5000));
    assertThatThrownBy(() -> Linker.link(job, null, null))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("10000")
        .hasMessageContaining("surname: 10000");
    assertThat(Linker.countPairs(job).get(0).pairs()).isEqualTo(100 * 100);
  }
}
