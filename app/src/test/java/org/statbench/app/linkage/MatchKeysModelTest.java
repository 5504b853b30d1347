package org.statbench.app.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.statbench.link.MatchKey;

class MatchKeysModelTest {
  private static final List<String> FIELDS = List.of("nino", "forename", "surname", "dob");

  @Test
  void keysOverComparedFieldsRunInTheOrderAdded() {
    MatchKeysModel m = new MatchKeysModel();

    assertThat(m.add("nino + dob", FIELDS)).isNull();
    assertThat(m.add("forename+surname+dob", FIELDS)).isNull();

    assertThat(m.keys()).containsExactly("nino+dob", "forename+surname+dob");
    assertThat(m.parsed())
        .extracting(MatchKey::stage)
        .containsExactly("key:nino+dob", "key:forename+surname+dob");
    assertThat(m.remove(0)).isTrue();
    assertThat(m.keys()).containsExactly("forename+surname+dob");
    assertThat(m.remove(5)).isFalse();
  }

  @Test
  void aKeyOverAFieldNotComparedOrTwiceIsRefusedWithTheReason() {
    MatchKeysModel m = new MatchKeysModel();

    assertThat(m.add("postcode+dob", FIELDS)).contains("'postcode' is not a compared field");
    assertThat(m.add("+nino", FIELDS)).isNotNull();
    assertThat(m.add("nino", FIELDS)).isNull();
    assertThat(m.add("nino", FIELDS)).contains("already");
    assertThat(m.keys()).containsExactly("nino");
  }
}
