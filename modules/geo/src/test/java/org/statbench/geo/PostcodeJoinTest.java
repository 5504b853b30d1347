package org.statbench.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.statbench.geo.Columns.table;
import static org.statbench.testsupport.TestData.cat;
import static org.statbench.testsupport.TestData.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.statbench.core.CancellationToken;
import org.statbench.core.data.DatasetColumns;

class PostcodeJoinTest {

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "sw1a1aa|SW1A 1AA",
        "  SW1A   1AA |SW1A 1AA",
        "m1 1ae|M1 1AE",
        "B338TH|B33 8TH",
        "cr2 6xh|CR2 6XH",
        "DN55 1PT|DN55 1PT",
        "w1a0ax|W1A 0AX",
        "EC1A 1BB|EC1A 1BB",
        "gir 0aa|GIR 0AA"
      })
  void normalisesCaseAndSpacesToOneSpaceBeforeTheInwardCode(String raw, String expected) {
    assertThat(Postcodes.normalise(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"SW1A 1A", "12345", "SW1A-1AA", "ABCDEFG", "A 1AA", "SW1A 1AAA", "E00900001"})
  void rejectsStringsWithoutThePostcodePattern(String raw) {
    assertThat(Postcodes.normalise(raw)).isNull();
  }

  @Test
  void postcodeJoinSeparatesTerminatedUnknownInvalidAndEmpty() {
    DatasetColumns directory =
        table(
            "pcd",
            new String[] {"pcd", "oa", "doterm"},
            new String[] {"SW1A 1AA", "E00900001", ""},
            new String[] {"AB1  2CD", "E00900002", "201512"},
            new String[] {"M1 1AE", "E00900003", ""});
    Lookup lookup = Lookup.of("pcd", "2024-05", directory, null, null);
    assertThat(lookup.keyKind()).isEqualTo(KeyKind.POSTCODE);
    assertThat(lookup.terminationColumn()).isEqualTo("doterm");
    assertThat(lookup.levelColumns()).containsExactly("oa");
    DatasetColumns claims =
        dataset(
            "claims",
            cat(
                "postcode",
                "sw1a1aa",
                " M1  1ae ",
                "ab12cd",
                "ZZ9 9ZZ",
                "NOT A POSTCODE",
                "",
                null));
    JoinResult res =
        JoinEngine.join(claims, JoinSpec.of("postcode"), lookup, CancellationToken.NONE);
    MatchReport r = res.report();
    assertThat(r.matched()).isEqualTo(2);
    assertThat(r.count(MatchStatus.TERMINATED)).isEqualTo(1);
    assertThat(r.count(MatchStatus.UNKNOWN_CODE)).isEqualTo(1);
    assertThat(r.count(MatchStatus.INVALID_FORMAT)).isEqualTo(1);
    assertThat(r.count(MatchStatus.EMPTY)).isEqualTo(2);
    assertThat(r.count(MatchStatus.PSEUDO_CODE)).isZero();
    assertThat(res.variables().get(0).mapping())
        .containsEntry("sw1a1aa", "E00900001")
        .containsEntry(" M1  1ae ", "E00900003")
        .doesNotContainKey("ab12cd");
  }

  @Test
  void pseudoPostcodesAndAreaPseudoCodesInAPostcodeKeyArePseudo() {
    DatasetColumns directory =
        table(
            "pcd",
            new String[] {"pcd", "oa", "doterm"},
            new String[] {"SW1A 1AA", "E00900001", ""},
            new String[] {"M1 1AE", "E00900003", ""});
    Lookup lookup = Lookup.of("pcd", "2011", directory, null, null);
    DatasetColumns claims =
        dataset("claims", cat("postcode", "zz99 3vz", "ZZ993VZ", "E99999999", "ZZ9 9ZZ", "m11ae"));
    MatchReport r =
        JoinEngine.join(claims, JoinSpec.of("postcode"), lookup, CancellationToken.NONE).report();
    assertThat(r.count(MatchStatus.PSEUDO_CODE)).isEqualTo(3);
    assertThat(r.count(MatchStatus.UNKNOWN_CODE)).isEqualTo(1);
    assertThat(r.matched()).isEqualTo(1);
    assertThat(r.unmatched())
        .extracting(MatchReport.UnmatchedCode::code)
        .contains("zz99 3vz", "ZZ993VZ", "E99999999");
  }
}
