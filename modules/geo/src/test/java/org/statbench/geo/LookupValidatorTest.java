package org.statbench.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.statbench.geo.Columns.table;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;
import org.statbench.geo.Lookup.HierarchyLevel;
import org.statbench.sampledata.SampleData;

class LookupValidatorTest {

  private static Lookup lookup(String[]... rows) {
    return Lookup.of("geo", "2011", table("geo", rows), null, null);
  }

  @Test
  void acceptsTheBundledSampleLookupsAndFindsTheirHierarchy() {
    DatasetColumns geo = Columns.csv("geography_2011", SampleData.GEOGRAPHY.open());
    Lookup lookup = Lookup.of("geography_2011", "2011", geo, null, null);
    assertThat(LookupValidator.validate(lookup)).isEmpty();
    assertThat(lookup.keyKind()).isEqualTo(KeyKind.AREA_CODE);
    assertThat(lookup.hierarchy())
        .containsExactly(
            new HierarchyLevel("oa", null),
            new HierarchyLevel("lsoa", null),
            new HierarchyLevel("msoa", null),
            new HierarchyLevel("la", "la_name"),
            new HierarchyLevel("region", "region_name"),
            new HierarchyLevel("country", null));
    // The classification file has commas in no field, so a plain split reads it.
    DatasetColumns oac = Columns.csv("oac_2011", SampleData.CLASSIFICATION.open());
    Lookup oacLookup = Lookup.of("oac_2011", "2011", oac, null, null);
    assertThat(LookupValidator.validate(oacLookup)).isEmpty();
    assertThat(oacLookup.hierarchy())
        .extracting(HierarchyLevel::column)
        .containsExactly("oa", "subgroup", "group", "supergroup");
    assertThat(oacLookup.hierarchy().get(1).labelColumn()).isEqualTo("subgroup_name");
  }

  @Test
  void reportsAChildWithTwoParents() {
    Lookup l =
        lookup(
            new String[] {"oa", "lsoa", "msoa"},
            new String[] {"E00900001", "E01900001", "E02900001"},
            new String[] {"E00900002", "E01900001", "E02900001"},
            new String[] {"E00900003", "E01900001", "E02900002"},
            new String[] {"E00900004", "E01900002", "E02900002"});
    List<LookupProblem> problems = LookupValidator.validate(l);
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).toString())
        .isEqualTo(
            "line 4, column msoa: lsoa 'E01900001' has more than one parent in msoa: "
                + "'E02900001' (line 2) and 'E02900002'");
  }

  @Test
  void reportsAChildWithoutParent() {
    Lookup l =
        lookup(
            new String[] {"oa", "lsoa", "la"},
            new String[] {"E00900001", "E01900001", "E06900001"},
            new String[] {"E00900002", "E01900002", ""},
            new String[] {"E00900003", "E01900003", "E06900001"});
    assertThat(LookupValidator.validateHierarchy(l, List.of("oa", "lsoa", "la")))
        .extracting(LookupProblem::toString)
        .containsExactly("line 3, column la: lsoa 'E01900002' has no parent in la");
  }

  @Test
  void reportsDuplicateAndMalformedKeys() {
    Lookup l =
        lookup(
            new String[] {"oa", "la"},
            new String[] {"E00900001", "E06900001"},
            new String[] {"E00900002", "E06900001"},
            new String[] {"E0090003", "E06900001"},
            new String[] {"e00900001 ", "E06900001"});
    assertThat(LookupValidator.validate(l))
        .extracting(LookupProblem::toString)
        .containsExactlyInAnyOrder(
            "line 4, column oa: 'E0090003' is not an area code (a letter and 8 digits)",
            "line 5, column oa: duplicate key 'e00900001 ' (first on line 2)");
  }

  @Test
  void requireValidThrowsNamingTheLookupLineAndColumn() {
    Lookup l =
        lookup(
            new String[] {"oa", "la"},
            new String[] {"E00900001", "E06900001"},
            new String[] {"E00900001", "E06900002"});
    assertThatThrownBy(() -> LookupValidator.requireValid(l))
        .isInstanceOf(InputException.class)
        .hasMessage("lookup geo, line 3, column oa: duplicate key 'E00900001' (first on line 2)");
  }

  @Test
  void classificationCodesMustNestLikeAreaCodes() {
    Lookup l =
        lookup(
            new String[] {"oa", "supergroup", "group"},
            new String[] {"E00900001", "1", "1a"},
            new String[] {"E00900002", "2", "1a"},
            new String[] {"E00900003", "2", "2a"});
    assertThat(LookupValidator.validate(l))
        .extracting(LookupProblem::message)
        .containsExactly("group '1a' has more than one parent in supergroup: '1' (line 2) and '2'");
  }

  @Test
  void geographyAndClassificationColumnsFormSeparateHierarchies() {
    Lookup l =
        lookup(
            new String[] {"oa", "la", "region", "supergroup", "group"},
            new String[] {"E00900001", "E06900001", "E12900001", "1", "1a"},
            new String[] {"E00900002", "E06900001", "E12900001", "2", "2a"},
            new String[] {"E00900003", "E06900002", "E12900001", "1", "1b"});
    assertThat(LookupValidator.validate(l)).isEmpty();
    assertThat(l.hierarchies())
        .extracting(h -> h.stream().map(HierarchyLevel::column).toList())
        .containsExactly(List.of("oa", "la", "region"), List.of("oa", "group", "supergroup"));
  }

  @Test
  void aHierarchyKeyedOnAnUpperLevelOnlyListsCoarserLevels() {
    Lookup l =
        Lookup.of(
            "geo",
            null,
            table(
                "geo",
                new String[] {"oa", "lsoa", "la", "region"},
                new String[] {"E00900001", "E01900001", "E06900001", "E12900001"},
                new String[] {"E00900002", "E01900002", "E06900001", "E12900001"}),
            "la",
            null);
    assertThat(l.hierarchy()).extracting(HierarchyLevel::column).containsExactly("la", "region");
  }
}
