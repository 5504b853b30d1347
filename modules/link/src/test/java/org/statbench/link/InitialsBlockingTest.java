package org.statbench.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.core.InputException;
import org.statbench.core.data.DatasetColumns;

/** The blocking function {@code initials(V,W)}: two names' first letters in either order. */
class InitialsBlockingTest {
  private static final List<LinkField> FIELDS =
      List.of(
          LinkField.of("forename", FieldType.NAME),
          LinkField.of("surname", FieldType.NAME),
          LinkField.of("dob", FieldType.DATE));

  private static long pairs(String rule) {
    DatasetColumns l =
        Records.of(
            "l",
            "id,forename,surname,dob",
            "L1,Robert,Murphy,1988-08-24",
            "L2,Anna,Bell,1990-01-01",
            "L3,,Bell,1990-01-01");
    DatasetColumns r =
        Records.of(
            "r",
            "id,forename,surname,dob",
            // L1 with forename and surname swapped
            "R1,Murphy,Robert,1988-08-24",
            // L2 as written
            "R2,Anna,Bell,1990-01-01",
            // initials A and B again, swapped, same birthday: L2's key too
            "R3,Brian,Adams,1990-01-01",
            // initials R and M on another birthday
            "R4,Rose,Moss,1988-08-25");
    LinkJob job =
        new LinkJob(
            l,
            r,
            "id",
            "id",
            FIELDS,
            List.of(BlockingRule.parse(rule)),
            List.of(),
            null,
            null,
            LinkJob.Options.DEFAULT);
    return Linker.countPairs(job).get(0).pairs();
  }

  @Test
  void initialsMeetInEitherOrderSoSwappedNamesAreBlockedTogether() {
    // ordered initials: only L2-R2 (R1 is M-R against L1's R-M; R3 is B-A against A-B)
    assertThat(pairs("dob+initial(forename)+initial(surname)")).isEqualTo(1);
    // in either order: L1-R1, L2-R2 and L2-R3; L3 has no forename, so no key
    assertThat(pairs("dob+initials(forename,surname)")).isEqualTo(3);
  }

  @Test
  void parsesAndPrintsTheTwoNames() {
    BlockingRule rule = BlockingRule.parse("dob + initials( forename , surname )");
    assertThat(rule.toString()).isEqualTo("dob+initials(forename,surname)");
    assertThat(rule.parts().get(1).fields()).containsExactly("forename", "surname");
    assertThat(rule.parts().get(0).fields()).containsExactly("dob");
  }

  @Test
  void rejectsInitialsOfOneNameAndMatchKeysUsingIt() {
    assertThatThrownBy(() -> BlockingRule.parse("initials(forename)"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("initials takes two name variables");
    assertThatThrownBy(() -> Pseudonymiser.MatchKeyExpr.parse("k=initials(forename,surname)"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("for blocking only");
  }

  @Test
  void rejectsInitialsOfAFieldThatIsNotAName() {
    assertThatThrownBy(() -> pairs("initials(forename,dob)"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'dob'");
  }
}
