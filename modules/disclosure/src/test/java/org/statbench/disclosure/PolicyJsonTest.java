package org.statbench.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.statbench.core.InputException;

class PolicyJsonTest {
  @Test
  void emptyObjectIsTheDefaultPolicy() {
    DisclosurePolicy p = PolicyJson.parse("{}", "p.json");
    assertThat(p.withName("default")).isEqualTo(DisclosurePolicy.DEFAULT);
    assertThat(p.threshold()).isEqualTo(10);
    assertThat(p.zerosSafe()).isTrue();
    assertThat(p.dominance()).containsExactly(new DominanceRule(2, 85));
    assertThat(p.pPercent()).isEqualTo(10);
    assertThat(p.method()).isEqualTo(ProtectionMethod.SUPPRESS);
  }

  @Test
  void writtenPolicyReadsBackEqual() {
    for (String name : DisclosurePolicy.profileNames()) {
      DisclosurePolicy p = DisclosurePolicy.profile(name);
      assertThat(PolicyJson.parse(PolicyJson.write(p), null)).isEqualTo(p);
    }
  }

  @Test
  void keysOverrideTheBaseProfile() {
    DisclosurePolicy p =
        PolicyJson.parse(
            """
            {"profile": "round10", "threshold": 5,
             "dominance": [{"n": 1, "k": 60}, {"n": 3, "k": 90}],
             "rounding": {"totals": "recomputed"}}""",
            "p.json");
    assertThat(p.name()).isEqualTo("round10");
    assertThat(p.method()).isEqualTo(ProtectionMethod.ROUND);
    assertThat(p.rounding().base()).isEqualTo(10);
    assertThat(p.rounding().totals()).isEqualTo(RoundingPolicy.TotalsRounding.RECOMPUTED);
    assertThat(p.dominance()).hasSize(2);
    // The protection width follows the threshold unless set.
    assertThat(p.protection().value()).isEqualTo(5);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "{\"treshold\": 10}; unknown key 'treshold'",
        "{\"threshold\": 0}; threshold must be an integer of at least 1",
        "{\"threshold\": 2.5}; threshold must be an integer",
        "{\"zerosSafe\": \"yes\"}; zerosSafe must be true or false",
        "{\"method\": \"hide\"}; method must be one of suppress, round, perturb, none",
        "{\"rounding\": {\"base\": 1}}; rounding.base must be an integer of at least 2",
        "{\"rounding\": {\"step\": 5}}; unknown key 'rounding.step'",
        "{\"dominance\": [{\"n\": 2}]}; dominance[0] needs both n and k",
        "{\"dominance\": [{\"n\": 2, \"k\": 120}]}; dominance[0].k must be a percentage",
        "{\"pPercent\": -1}; pPercent must be in [0, 100)",
        "{\"perturbation\": {\"smallValueThreshold\": 9}}; perturbation.smallValueThreshold must be",
        "{\"protection\": {\"mode\": \"percent\", \"value\": 0}}; protection.value must be a positive",
        "{\"profile\": \"lenient\"}; Unknown disclosure profile 'lenient'",
        "[1]; a policy must be a JSON object",
        "{\"threshold\": ; not valid JSON"
      })
  void badPolicyIsAnInputErrorNamingTheKey(String json, String message) {
    assertThatThrownBy(() -> PolicyJson.parse(json, "rules.json"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("rules.json")
        .hasMessageContaining(message);
  }

  @Test
  void missingPolicyFileIsAnInputError(@TempDir Path dir) {
    assertThatThrownBy(() -> PolicyJson.read(dir.resolve("nope.json")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("nope.json");
  }

  @Test
  void readsPolicyFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p.json");
    Files.writeString(f, "{\"name\": \"office\", \"zerosSafe\": false}");
    DisclosurePolicy p = PolicyJson.read(f);
    assertThat(p.name()).isEqualTo("office");
    assertThat(p.zerosSafe()).isFalse();
  }
}
