package org.statbench.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts that let most name pairs skip Jaro-Winkler must never change a level: the bound is
 * never below commons-text's similarity and the one-edit test agrees with Levenshtein distance 1.
 */
class FastNameComparisonTest {
  private static final String LETTERS = "AEIOURSTNLMBCDHJKY ";

  private static String randomName(SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + rnd.nextInt(9);
    for (int i = 0; i < n; i++) {
      sb.append(LETTERS.charAt(rnd.nextInt(LETTERS.length())));
    }
    return sb.toString();
  }

  /** A copy of {@code s} with one random insertion, deletion or substitution (or none). */
  private static String mutate(String s, SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder(s);
    int op = rnd.nextInt(4);
    int at = rnd.nextInt(s.length() + 1);
    char c = LETTERS.charAt(rnd.nextInt(LETTERS.length()));
    if (op == 0) {
      sb.insert(at, c);
    } else if (op == 1 && at < s.length()) {
      sb.deleteCharAt(at);
    } else if (op == 2 && at < s.length()) {
      sb.setCharAt(at, c);
    }
    return sb.toString();
  }

  private static char[] sorted(String s) {
    char[] c = s.toCharArray();
    Arrays.sort(c);
    return c;
  }

  @Test
  void boundIsNeverBelowJaroWinklerAndOneEditAgreesWithLevenshtein() {
    JaroWinklerSimilarity jw = new JaroWinklerSimilarity();
    LevenshteinDistance lev1 = new LevenshteinDistance(1);
    SplittableRandom rnd = new SplittableRandom(7);
    for (int k = 0; k < 200_000; k++) {
      String x = randomName(rnd);
      String y = rnd.nextBoolean() ? mutate(mutate(x, rnd), rnd) : randomName(rnd);
      double exact = jw.apply(x, y);
      assertThat(EncodedField.jaroWinklerBound(x, y, sorted(x), sorted(y)))
          .as("%s / %s", x, y)
          .isGreaterThanOrEqualTo(exact - 1e-12);
      assertThat(EncodedField.withinOneEdit(x, y))
          .as("%s / %s", x, y)
          .isEqualTo(lev1.apply(x, y) >= 0);
    }
  }

  @Test
  void oneEditCoversSubstitutionInsertionAndDeletion() {
    assertThat(EncodedField.withinOneEdit("JOHN", "JZHN")).isTrue();
    assertThat(EncodedField.withinOneEdit("JOHN", "JOHNN")).isTrue();
    assertThat(EncodedField.withinOneEdit("JOHN", "OHN")).isTrue();
    assertThat(EncodedField.withinOneEdit("JOHN", "JHON")).isFalse();
    assertThat(EncodedField.withinOneEdit("JOHN", "JO")).isFalse();
  }
}
