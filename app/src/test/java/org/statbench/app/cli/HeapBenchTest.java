package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapBenchTest {
  @TempDir Path tmp;

  @Test
  void sizesAreAnEighthAQuarterAHalfAndAll() {
    assertThat(HeapBench.sizes(8_000_000))
        .containsExactly(1_000_000, 2_000_000, 4_000_000, 8_000_000);
    assertThat(HeapBench.sizes(2)).containsExactly(1, 2);
  }

  @Test
  void peaksAreTheLargestHeapBeforeAndAfterACollection() throws Exception {
    Path log = tmp.resolve("gc.log");
    Files.writeString(
        log,
        "[0.010s][info][gc] Using G1\n"
            + "[0.500s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(256M) 3.1ms\n"
            + "[0.900s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 150M->41M(256M) 5.0ms\n"
            + "[1.300s][info][gc] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 98M->37M(256M) 4.2ms\n"
            + "[1.700s][info][gc] GC(3) Pause Full (G1 Compaction Pause) 2048K->1024K(1G) 9.9ms\n");

    assertThat(HeapBench.peaks(log)).containsExactly(150, 41);
  }
}
