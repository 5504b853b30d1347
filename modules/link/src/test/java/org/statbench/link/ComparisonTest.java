package org.statbench.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Comparison levels of each field type, on pairs of raw values. */
class ComparisonTest {
  /** The level name of two raw values compared as {@code type}. */
  private static String level(FieldType type, String a, String b) {
    EncodedField.Dict dict = type == FieldType.DATE ? null : new EncodedField.Dict();
    int x = code(type, a, dict);
    int y = code(type, b, dict);
    EncodedField f = new EncodedField(LinkField.of("v", type), dict, new int[] {x}, new int[] {y});
    f.prepare();
    return type.levels().get(f.level(x, y, new LongIntMap(16)));
  }

  private static int code(FieldType type, String raw, EncodedField.Dict dict) {
    if (type == FieldType.DATE) {
      int d = raw == null ? Standardise.NO_DATE : Standardise.dateOfBirth(raw);
      return d == Standardise.NO_DATE ? EncodedField.NONE : d;
    }
    return dict.code(Standardise.forType(type, raw));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "John;JOHN;exact",
        "Bill;William;nickname",
        "Peggy;Margaret;nickname",
        // a nickname of two formal names agrees with both, the two formal names do not
        "Sam;Samantha;nickname",
        "Pat;Patrick;nickname",
        "Samuel;Samantha;else",
        // SAM/SAMUEL is Jaro-Winkler 0.883 (jw>=0.88) but the table puts it a level higher
        "Sam;Samuel;nickname",
        // two nicknames of one name agree with each other
        "Bill;Liam;nickname",
        // a spelling variant stays at its Jaro-Winkler level (checked before the table)
        "Jonathon;Jonathan;jw>=0.94",
        "Steven;Steve;jw>=0.94",
        // an initial agrees with a full name it begins; the initial of a nickname does not count
        "W;William;initial",
        "B;William;else",
        "Katherine;Catherine;jw>=0.88|one edit",
        "Jzhn;John;jw>=0.88|one edit",
        "J;John;initial",
        "J;Mary;else",
        "Mary;John;else",
        ";John;missing"
      })
  void comparesNames(String a, String b, String level) {
    assertThat(level(FieldType.NAME, a, b)).isEqualTo(level);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1970-03-14|1970-03-14|exact",
        "1970-03-14|1970-03-17|one digit",
        "1970-03-14|1971-03-14|one digit",
        "1970-03-04|1970-04-03|day-month swapped",
        "1970-03-14|1970-04-02|within a month",
        "1970-03-14|1970-11-30|within a year",
        "1970-03-14|1980-07-22|else",
        "|1980-07-22|missing"
      })
  void comparesDates(String a, String b, String level) {
    assertThat(level(FieldType.DATE, a, b)).isEqualTo(level);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AB1 2CD|ab12cd|exact",
        "AB1 2CD|AB1 2XY|sector",
        "AB1 2CD|AB1 9XY|district",
        "AB1 2CD|AB7 2CD|area",
        "AB1 2CD|ZX1 2CD|else",
        "AB1 2CD|not a postcode|missing"
      })
  void comparesPostcodesByUnitSectorDistrictArea(String a, String b, String level) {
    assertThat(level(FieldType.POSTCODE, a, b)).isEqualTo(level);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "12 Oak Rd|12 OAK ROAD|exact",
        "Flat 1, 12 Oak Road|12 Oak Road|number+words>=0.6",
        "14 Oak Road|12 Oak Road|words>=0.5",
        "12 Oak Road|3 Mill Lane|else"
      })
  void comparesAddressesByHouseNumberAndWords(String a, String b, String level) {
    assertThat(level(FieldType.TEXT, a, b)).isEqualTo(level);
  }

  @Test
  void comparesShortCodesByOneEdit() {
    assertThat(level(FieldType.NINO, "AB123456C", "AB123456C")).isEqualTo("exact");
    assertThat(level(FieldType.NINO, "AB123456C", "AB123457C")).isEqualTo("one edit");
    assertThat(level(FieldType.NINO, "AB123456C", "CE654321A")).isEqualTo("else");
    assertThat(level(FieldType.NUMBER, "1234", "1243")).isEqualTo("else");
    assertThat(level(FieldType.NUMBER, "1234", "1235")).isEqualTo("one edit");
    assertThat(level(FieldType.EXACT, "x", "y")).isEqualTo("else");
  }

  @Test
  void dateLevelsAreComputedFromTheCalendar() {
    // 1970-01-10 vs 1970-01-01: one digit differs (10 -> 01 is two digits: 1,0 vs 0,1)
    int a = (int) LocalDate.of(1970, 1, 10).toEpochDay();
    int b = (int) LocalDate.of(1970, 1, 1).toEpochDay();
    assertThat(FieldType.DATE.levels().get(EncodedField.dateLevel(a, b)))
        .isEqualTo("within a month");
  }
}
