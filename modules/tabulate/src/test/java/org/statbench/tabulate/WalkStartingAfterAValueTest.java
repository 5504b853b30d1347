package org.statbench.tabulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.statbench.core.CancellationToken;

/**
 * A walk that starts after a value ({@link ValueOrderWalk#startsAfter}) gets, in memory and
 * streamed over windows of any size, exactly the records above that value in the order of (value,
 * weight), and no totals.
 */
class WalkStartingAfterAValueTest {
  /** Records of value, weight and leaf cell: many ties in value and in (value, weight). */
  private static final int N = 2_000;

  private static final double[] VALUES = new double[N];
  private static final double[] WEIGHTS = new double[N];
  private static final int[] CELLS = new int[N];

  static {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < N; i++) {
      VALUES[i] = rnd.nextInt(60) - 20; // -20..39, -0.0 never
      WEIGHTS[i] = 1 + rnd.nextInt(3) * 0.5;
      CELLS[i] = i % 9 == 0 ? 0 : 1 + rnd.nextInt(4); // cell 0: left out
    }
  }

  /** Records the totals and steps it is given. */
  private static final class Recording implements ValueOrderWalk {
    final double after;
    final int stopAfterSteps;
    int totals;
    final List<double[]> steps = new ArrayList<>();

    Recording(double after, int stopAfterSteps) {
      this.after = after;
      this.stopAfterSteps = stopAfterSteps;
    }

    @Override
    public void addToTotal(double weight, int leafCell) {
      totals++;
    }

    @Override
    public void step(double value, double weight, int leafCell) {
      steps.add(new double[] {value, weight, leafCell});
    }

    @Override
    public boolean settled() {
      return steps.size() >= stopAfterSteps;
    }

    @Override
    public double startsAfter() {
      return after;
    }
  }

  /** The records in cells above 0 with a value above {@code after}, by (value, weight, cell). */
  private static List<double[]> expectedSteps(double after) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      if (CELLS[i] != 0 && VALUES[i] > after) {
        out.add(new double[] {VALUES[i], WEIGHTS[i], CELLS[i]});
      }
    }
    out.sort(
        Comparator.<double[]>comparingDouble(r -> r[0])
            .thenComparingDouble(r -> r[1])
            .thenComparingDouble(r -> r[2]));
    return out;
  }

  /** Slices of 300 records (the last one short). */
  private static void streamed(long budget, ValueOrderWalk walk) {
    StreamedWeightedQuantiles.walk(
        visitor -> {
          for (int from = 0; from < N; from += 300) {
            int n = Math.min(300, N - from);
            int[] c = new int[n];
            double[] v = new double[n];
            double[] w = new double[n];
            System.arraycopy(CELLS, from, c, 0, n);
            System.arraycopy(VALUES, from, v, 0, n);
            System.arraycopy(WEIGHTS, from, w, 0, n);
            visitor.visit(c, v, w, n);
          }
        },
        budget,
        4,
        "w",
        walk,
        CancellationToken.NONE);
  }

  /** The steps in (value, weight) order; the cells of steps tied in both in any order. */
  private static void assertSameSteps(List<double[]> actual, List<double[]> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    List<double[]> sorted = new ArrayList<>(actual);
    sorted.sort(
        Comparator.<double[]>comparingDouble(r -> r[0])
            .thenComparingDouble(r -> r[1])
            .thenComparingDouble(r -> r[2]));
    for (int k = 0; k < expected.size(); k++) {
      assertThat(actual.get(k)[0]).as("value of step %d", k).isEqualTo(expected.get(k)[0]);
      assertThat(actual.get(k)[1]).as("weight of step %d", k).isEqualTo(expected.get(k)[1]);
      assertThat(sorted.get(k)).as("step %d", k).containsExactly(expected.get(k));
    }
  }

  @Test
  void aWalkStartingAfterAValueGetsTheLaterRecordsInOrderAndNoTotalsInMemoryAndStreamed() {
    for (double after : new double[] {-21, -5, 0, 17.5, 38, 39}) {
      List<double[]> expected = expectedSteps(after);
      Recording mem = new Recording(after, Integer.MAX_VALUE);
      WeightedQuantiles.walk(CELLS, VALUES, WEIGHTS, N, "w", mem, CancellationToken.NONE);
      assertThat(mem.totals).isZero();
      assertSameSteps(mem.steps, expected);
      // windows of at least 4 * 4 + 16 entries (the floor for 4 leaf cells) up to all at once
      for (long budget : new long[] {1, 40, 100, 1 << 20}) {
        Recording str = new Recording(after, Integer.MAX_VALUE);
        streamed(budget, str);
        assertThat(str.totals).as("totals, budget %d", budget).isZero();
        assertSameSteps(str.steps, expected);
      }
    }
  }

  @Test
  void aStreamedWalkStartingAfterAValueStopsOnceSettled() {
    Recording str = new Recording(10, 5);
    streamed(40, str);
    // the window's entries are stepped until settled: at least 5 steps, none past the window
    assertThat(str.steps.size()).isBetween(5, 40 * 3);
    assertThat(str.steps.get(0)[0]).isEqualTo(11);
  }

  @Test
  void aWalkFromTheFirstRecordStillGetsEveryTotal() {
    Recording mem = new Recording(Double.NaN, Integer.MAX_VALUE);
    WeightedQuantiles.walk(CELLS, VALUES, WEIGHTS, N, "w", mem, CancellationToken.NONE);
    long counted = java.util.stream.IntStream.range(0, N).filter(i -> CELLS[i] != 0).count();
    assertThat(mem.totals).isEqualTo(counted);
    assertThat(mem.steps).hasSize((int) counted);
  }
}
