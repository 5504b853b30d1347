package org.statbench.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.sampledata.people.SyntheticPeople;

class LinkerTest {
  static LinkJob job(SyntheticPeople.Job data, LinkJob.Options o, List<MatchKey> keys) {
    List<LinkField> fields =
        List.of(
            LinkField.of("forename", FieldType.NAME),
            LinkField.of("surname", FieldType.NAME),
            LinkField.of("dob", FieldType.DATE),
            LinkField.of("postcode", FieldType.POSTCODE),
            LinkField.of("address", FieldType.TEXT));
    return new LinkJob(
        data.left(),
        data.right(),
        "customer_id",
        "recipient_id",
        fields,
        List.of(),
        keys,
        null,
        SyntheticPeople.TRUTH,
        o);
  }

  @Test
  void linksGeneratedPeopleWithHighPrecisionAndRecallWithoutLabels() {
    SyntheticPeople.Job data = SyntheticPeople.generate(7, 50_000, 5_000);
    LinkResult r =
        Linker.link(job(data, LinkJob.Options.DEFAULT.withOneToOne(true), List.of()), null, null);
    System.out.println(r.blocking() + " " + r.candidatePairs());
    System.out.println(r.model().toJson());
    System.out.println(r.evaluation());
    System.out.println(r.timingsMs());
    r.curve().forEach(System.out::println);
    int shown = 0;
    java.util.Set<String> linked = new java.util.HashSet<>();
    for (int i = 0; i < r.links().size(); i++) {
      linked.add(data.left().column("person_id").text(r.links().left(i)));
    }
    java.util.Map<String, Integer> rightOf = new java.util.HashMap<>();
    for (int i = 0; i < data.right().rows(); i++) {
      rightOf.put(data.right().column("person_id").text(i), i);
    }
    int missed = 0;
    for (int l = 0; l < data.left().rows() && missed < 25; l++) {
      String t = data.left().column("person_id").text(l);
      Integer rr = rightOf.get(t);
      if (rr != null && !linked.contains(t)) {
        missed++;
        StringBuilder sb =
            new StringBuilder(
                "MISSED "
                    + String.format("%.3f ", r.verification().probability(l))
                    + r.verification().result(l)
                    + " ");
        for (String c : List.of("forename", "surname", "dob", "postcode", "address")) {
          sb.append(data.left().column(c).text(l))
              .append(" | ")
              .append(data.right().column(c).text(rr))
              .append(" ;; ");
        }
        System.out.println(sb);
      }
    }
    for (int i = 0; i < r.links().size() && shown < 15; i++) {
      int l = r.links().left(i);
      int rr = r.links().right(i);
      if (!data.left()
          .column("person_id")
          .text(l)
          .equals(data.right().column("person_id").text(rr))) {
        shown++;
        StringBuilder sb = new StringBuilder(String.format("%.2f ", r.links().weight(i)));
        for (String c : List.of("forename", "surname", "dob", "postcode", "address")) {
          sb.append(data.left().column(c).text(l))
              .append(" | ")
              .append(data.right().column(c).text(rr))
              .append(" ;; ");
        }
        System.out.println(sb);
      }
    }
    assertThat(r.evaluation().precision()).isGreaterThanOrEqualTo(0.995);
    assertThat(r.evaluation().recall()).isGreaterThanOrEqualTo(0.98);
  }
}
