package org.statbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;
import org.statbench.core.table.Measure;

class SpecSyntaxTest {
  @Test
  void bandsParseClosedAndOpenEndsLabelledAsWritten() {
    var e = SpecSyntax.band("age=16-24, 25-49,50+,-15");
    assertThat(e.getKey()).isEqualTo("age");
    List<Band> b = e.getValue().bands();
    assertThat(b).extracting(Band::label).containsExactly("16-24", "25-49", "50+", "-15");
    assertThat(b.get(0).contains(16)).isTrue();
    assertThat(b.get(0).contains(24)).isTrue();
    assertThat(b.get(0).contains(24.5)).isFalse();
    assertThat(b.get(2).hi()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(b.get(3).lo()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(b.get(3).hi()).isEqualTo(15);
  }

  @Test
  void bandsAcceptNegativeAndDecimalNumbers() {
    Band b = Band.parse("-10--1");
    assertThat(b.lo()).isEqualTo(-10);
    assertThat(b.hi()).isEqualTo(-1);
    assertThat(Band.parse("0.5-1.5").contains(1.5)).isTrue();
    assertThat(Band.parse("7").contains(7)).isTrue();
  }

  @Test
  void badBandsAreRejectedNamingTheBand() {
    assertThatThrownBy(() -> Bands.parse("16-24,abc")).hasMessageContaining("'abc'");
    assertThatThrownBy(() -> Bands.parse("30-20")).isInstanceOf(InputException.class);
    assertThatThrownBy(() -> Bands.parse("1-2,1-2")).hasMessageContaining("twice");
    assertThatThrownBy(() -> SpecSyntax.band("16-24")).isInstanceOf(InputException.class);
  }

  @Test
  void firstMatchingBandWins() {
    Bands b = Bands.parse("0-10,10-20");
    assertThat(b.bandOf(10)).isZero();
    assertThat(b.bandOf(21)).isEqualTo(-1);
    assertThat(b.bandOf(Double.NaN)).isEqualTo(-1);
  }

  @Test
  void filtersParseIncludeAndExclude() {
    CodeFilter f = Filter.parse("benefit=JSA,UC");
    assertThat(f).isEqualTo(CodeFilter.include("benefit", "JSA", "UC"));
    assertThat(Filter.parse("sex!=Missing")).isEqualTo(CodeFilter.exclude("sex", "Missing"));
    assertThat(RangeFilter.parse("age=16..").hi()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(DateRangeFilter.parse("d=..2024-03-31").to()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThatThrownBy(() -> Filter.parse("benefit")).isInstanceOf(InputException.class);
  }

  @Test
  void dateUnitsLabelPeriods() {
    LocalDate d = LocalDate.of(2024, 3, 31);
    assertThat(DateUnit.MONTH.label(d)).isEqualTo("2024-03");
    assertThat(DateUnit.QUARTER.label(d)).isEqualTo("2024-Q1");
    assertThat(DateUnit.FINANCIAL_YEAR.label(d)).isEqualTo("2023/24");
    assertThat(DateUnit.FINANCIAL_YEAR.label(d.plusDays(1))).isEqualTo("2024/25");
    assertThat(DateUnit.FINANCIAL_YEAR.label(LocalDate.of(1999, 4, 1))).isEqualTo("1999/00");
    assertThat(DateUnit.YEAR.label(d)).isEqualTo("2024");
    assertThat(DateUnit.parse("fy")).isEqualTo(DateUnit.FINANCIAL_YEAR);
  }

  @Test
  void groupsParseAndRejectACodeInTwoGroups() {
    var g = SpecSyntax.group("provider=Big three=P1,P2,P3");
    assertThat(g.getKey()).isEqualTo("provider");
    assertThat(g.getValue()).isEqualTo(new CodeGroup("Big three", List.of("P1", "P2", "P3")));
    assertThatThrownBy(
            () ->
                new CodeGroups(
                    List.of(new CodeGroup("A", List.of("x")), new CodeGroup("B", List.of("x")))))
        .hasMessageContaining("two groups");
  }

  @Test
  void halfOpenBandsExcludeTheirUpperEnd() {
    Band b = Band.parse("2.5-<5");
    assertThat(b.contains(2.5)).isTrue();
    assertThat(b.contains(4.999999)).isTrue();
    assertThat(b.contains(5)).isFalse();
    assertThat(b.label()).isEqualTo("2.5-<5");
    Band below = Band.parse("<-1.5");
    assertThat(below.contains(-1.6)).isTrue();
    assertThat(below.contains(-1.5)).isFalse();
    assertThat(Band.halfOpen(-3, 0.25)).isEqualTo(Band.parse("-3-<0.25"));
    assertThat(Band.halfOpen(Double.NEGATIVE_INFINITY, 2).label()).isEqualTo("<2");
    assertThatThrownBy(() -> Band.parse("5-<5")).hasMessageContaining("empty");
  }

  @Test
  void quantileBandsOfIntegersAreDisjointIntegerRanges() {
    double[] ages = new double[40];
    for (int i = 0; i < ages.length; i++) {
      ages[i] = 16 + i; // 16..55
    }
    // cut points 25.5, 35.5, 45.5 end bands at 25, 35, 45
    assertThat(Bands.quantiles(ages, 4).format()).isEqualTo("16-25,26-35,36-45,46+");
    // heavy ties merge cut points instead of repeating them
    assertThat(Bands.quantiles(new double[] {1, 1, 1, 1, 1, 1, 2, 9}, 4).format())
        .isEqualTo("1,2+");
    assertThat(Bands.quantiles(new double[] {7, 7, 7}, 3).format()).isEqualTo("7+");
  }

  @Test
  void quantileBandsOfRealValuesAreHalfOpen() {
    // the median of an even count is a midpoint: 3
    assertThat(Bands.quantiles(new double[] {1.5, 2.5, 3.5, 4.5}, 2).format())
        .isEqualTo("1.5-<3,3+");
    // of an odd count a value: 3.5, which goes to the band above the cut
    Bands q = Bands.quantiles(new double[] {4.5, 1.5, 2.5, 5.5, 3.5, Double.NaN}, 2);
    assertThat(q.format()).isEqualTo("1.5-<3.5,3.5+");
    assertThat(q.bandOf(3.4)).isEqualTo(0);
    assertThat(q.bandOf(3.5)).isEqualTo(1);
    assertThat(Bands.equalWidth(0, 1, 3).format())
        .isEqualTo("0-<0.3333333333,0.3333333333-<0.6666666667,0.6666666667-1");
  }

  @Test
  void rollUpSyntaxTakesAChainOfParentLevelsNearestFirst() {
    assertThat(SpecSyntax.rollUp("la=region").getValue()).isEqualTo(RollUp.toVariable("region"));
    var e = SpecSyntax.rollUp("oa = la, region ,country");
    assertThat(e.getKey()).isEqualTo("oa");
    assertThat(e.getValue().parentVariables()).containsExactly("la", "region", "country");
    assertThat(e.getValue().levels()).isEqualTo(3);
    assertThat(SpecSyntax.rollUp("oa=la>region").getValue().parentVariables())
        .containsExactly("la", "region");
    assertThatThrownBy(() -> SpecSyntax.rollUp("oa=la,,region"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("empty level");
    assertThatThrownBy(() -> SpecSyntax.rollUp("oa=la,oa"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("own parent");
    assertThatThrownBy(() -> SpecSyntax.rollUp("oa=la,la"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("listed twice");
  }

  @Test
  void tableSpecReadsEveryParentLevelOfARollUp() {
    TableSpec s =
        TableSpec.of("d")
            .withRows(List.of(DimensionSpec.of("oa", RollUp.toVariables(List.of("la", "region")))));
    assertThat(s.variables()).containsExactly("oa", "la", "region");
  }

  @Test
  void tableSpecListsTheVariablesItReads() {
    TableSpec s =
        TableSpec.of("claims")
            .withRows(List.of(DimensionSpec.of("la", RollUp.toVariable("region"))))
            .withColumns("sex")
            .withFilter(Filter.parse("benefit=UC"))
            .withMeasure(Measure.parse("mean:amount"))
            .withWeight("w");
    assertThat(s.variables()).containsExactly("la", "region", "sex", "benefit", "amount", "w");
    assertThat(s.withTotal("sex", false).columns().get(0).total()).isFalse();
  }

  @Test
  void tableSpecRejectsContradictions() {
    assertThatThrownBy(() -> TableSpec.of("d").withRows("a").withColumns("a"))
        .hasMessageContaining("two dimensions");
    assertThatThrownBy(
            () -> TableSpec.of("d").withMeasure(Measure.parse("distinct:x")).withWeight("w"))
        .hasMessageContaining("weight");
    assertThat(TableSpec.of("d").withMeasure(Measure.parse("median:x")).withWeight("w").weight())
        .isEqualTo("w");
    assertThatThrownBy(
            () ->
                TableSpec.of("d")
                    .withMeasure(Measure.parse("mean:x"))
                    .withPercentage(Percentage.ROW))
        .hasMessageContaining("Percentages");
  }
}
