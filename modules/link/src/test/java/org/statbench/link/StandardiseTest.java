package org.statbench.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardiseTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Mr John Smith|JOHN SMITH",
        "  josé  |JOSE",
        "O'Brien|OBRIEN",
        "Smith-Jones|SMITH JONES",
        "Dr. A.N. Other Jr|A N OTHER",
        "Zoë Ångström|ZOE ANGSTROM",
        "Mrs|",
        "...|"
      })
  void standardisesNamesWithoutTitlesAccentsOrPunctuation(String raw, String expected) {
    assertThat(Standardise.name(raw)).isEqualTo(expected);
  }

  @Test
  void nicknamesShareAGroupOfTheShippedTable() {
    assertThat(Standardise.nicknames("BILL", "WILLIAM")).isTrue();
    assertThat(Standardise.nicknames("LIZ", "ELIZABETH")).isTrue();
    assertThat(Standardise.nicknames("SAM", "SAMANTHA")).isTrue();
    assertThat(Standardise.nicknames("SAM", "SAMUEL")).isTrue();
    assertThat(Standardise.nicknames("SAMUEL", "SAMANTHA")).isFalse();
    assertThat(Standardise.nicknames("WILLIAM", "ROBERT")).isFalse();
    assertThat(Standardise.nicknames("ZEBEDEE", "ZEBEDEE")).isFalse(); // in no group
    assertThat(Standardise.nicknames(null, "WILLIAM")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sw1a1aa|SW1A 1AA|SW|SW1A|SW1A 1",
        " M1 1AE |M1 1AE|M|M1|M1 1",
        "b338th|B33 8TH|B|B33|B33 8",
        "ec1a 1bb|EC1A 1BB|EC|EC1A|EC1A 1"
      })
  void formatsPostcodesAndSplitsAreaDistrictSector(
      String raw, String unit, String area, String district, String sector) {
    String pc = Standardise.postcode(raw);
    assertThat(pc).isEqualTo(unit);
    assertThat(Standardise.postcodeArea(pc)).isEqualTo(area);
    assertThat(Standardise.postcodeDistrict(pc)).isEqualTo(district);
    assertThat(Standardise.postcodeSector(pc)).isEqualTo(sector);
  }

  @Test
  void anInvalidPostcodeIsMissing() {
    assertThat(Standardise.postcode("NOT A POSTCODE")).isNull();
    assertThat(Standardise.postcode("12345")).isNull();
    assertThat(Standardise.postcode("")).isNull();
    assertThat(Standardise.postcode(null)).isNull();
  }

  @Test
  void readsDatesOfBirthAndTreatsInvalidOnesAsMissing() {
    LocalDate today = LocalDate.of(2026, 12, 6);
    int expected = (int) LocalDate.of(1970, 3, 14).toEpochDay();
    assertThat(Standardise.dateOfBirth("1970-03-14", today)).isEqualTo(expected);
    assertThat(Standardise.dateOfBirth("14/03/1970", today)).isEqualTo(expected);
    assertThat(Standardise.dateOfBirth("14-3-1970", today)).isEqualTo(expected);
    assertThat(Standardise.dateOfBirth("1970-02-31", today)).isEqualTo(Standardise.NO_DATE);
    assertThat(Standardise.dateOfBirth("2030-01-01", today)).isEqualTo(Standardise.NO_DATE);
    assertThat(Standardise.dateOfBirth("1850-01-01", today)).isEqualTo(Standardise.NO_DATE);
    assertThat(Standardise.dateOfBirth("yesterday", today)).isEqualTo(Standardise.NO_DATE);
    assertThat(Standardise.dateOfBirth(null, today)).isEqualTo(Standardise.NO_DATE);
  }

  @Test
  void checksNationalInsuranceNumberFormat() {
    assertThat(Standardise.nino("ab 12 34 56 c")).isEqualTo("AB123456C");
    assertThat(Standardise.nino("QQ123456C")).isNull(); // Q is not a first letter in use
    assertThat(Standardise.nino("GB123456A")).isNull(); // an excluded prefix
    assertThat(Standardise.nino("AB123456E")).isNull(); // suffix must be A-D
    assertThat(Standardise.nino("AB12345C")).isNull();
  }

  @Test
  void standardisesAddressesAndFindsTheHouseNumber() {
    assertThat(Standardise.address("12, Oak Rd.")).isEqualTo("12 OAK ROAD");
    assertThat(Standardise.address("Flat 2, 12 St John's Gdns"))
        .isEqualTo("FLAT 2 12 SAINT JOHNS GARDENS");
    assertThat(Standardise.address("12 High St")).isEqualTo("12 HIGH STREET");
    assertThat(Standardise.houseNumber("FLAT 2 12 OAK ROAD")).isEqualTo(12);
    assertThat(Standardise.houseNumber("ROSE COTTAGE")).isEqualTo(-1);
    assertThat(Standardise.address(" , ")).isNull();
  }
}
