package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapBenchTest {
  @Test
  void sizesAreAnEighthAQuarterAHalfAndAll() {
    assertThat(HeapBench.sizes(8_000_000))
        .containsExactly(1_000_000, 2_000_000, 4_000_000, 8_000_000);
    assertThat(HeapBench.sizes(2)).containsExactly(1, 2);
  }

  @Test
  void livePeakIsReadFromTheProbesLastLineAndUnknownWithoutSamples() {
    assertThat(HeapBench.livePeak("Imported x\nlive heap peak: 73400320 12\n"))
        .isEqualTo(73_400_320);
    assertThat(HeapBench.livePeak("live heap peak: 0 0\n")).isEqualTo(-1);
    assertThat(HeapBench.livePeak("statbench: Out of memory\n")).isEqualTo(-1);
  }
}
