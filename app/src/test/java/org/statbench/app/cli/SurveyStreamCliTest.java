package org.statbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.statbench.app.cli.ChildJvm.sh;
import static org.statbench.app.cli.ChildJvm.statbench;
import static org.statbench.app.cli.ChildJvm.statbenchRc;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Survey tables with standard errors over columns larger than the heap, run as a user runs them in
 * a child JVM with a small {@code -Xmx}: linearised estimates (with or without a PSU variable),
 * changes between waves, quantiles with Woodruff intervals and the Gini coefficient (linearised or
 * under replicate weights) stream and write the same CSV as in a large heap.
 */
class SurveyStreamCliTest {
  @TempDir Path tmp;

  @Test
  void designBasedMeansOverColumnsLargerThanTheHeapEqualTheLargeHeapOnes() throws Exception {
    Path ws = tmp.resolve("ws");
    Path csv = tmp.resolve("survey.csv");
    // region, sex, wave: 1 byte a record; stratum, y, w: 8; psu (400 codes): 4 -> 31 bytes, 78 MB:
    // twice that is more than a 96 MB heap holds, so the estimate streams; the streamed pass holds
    // a slice of every column and its design arrays: measured to need 56-64 MB, so 96 MB
    int rows = 2_500_000;
    double sumWy = 0;
    double sumW = 0;
    double[] waveWy = new double[2];
    double[] waveW = new double[2];
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("region,sex,stratum,psu,y,w,wave\n");
      for (int i = 0; i < rows; i++) {
        int psu = (i * 7) % 400;
        int wt = 1 + i % 3;
        int wave = (i / 3) % 2;
        w.write("R" + i % 7 + (i % 2 == 0 ? ",F," : ",M,") + (1 + psu % 8) + ",P" + psu + ",");
        w.write((i % 101) + "," + wt + ",W" + (1 + wave) + "\n");
        sumWy += (double) wt * (i % 101);
        sumW += wt;
        waveWy[wave] += (double) wt * (i % 101);
        waveW[wave] += wt;
      }
    }
    String survey =
        "tabulate --db '"
            + ws
            + "' --dataset s --rows region --cols sex --weight w"
            + " --design strata=stratum,psu=psu --se --measure ";
    // each record its own PSU: no psu= (without it the columns take 65 MB, still streamed)
    String noPsu =
        "tabulate --db '"
            + ws
            + "' --dataset s --rows region --cols sex --weight w"
            + " --design strata=stratum --se --measure mean:y --out '";
    String change = survey + "mean:y --change wave=W1,W2 --out '";
    String script =
        statbench("256m", "import --db '" + ws + "' --name s --file '" + csv + "'")
            + "\n"
            + statbench("96m", survey + "mean:y --out '" + tmp.resolve("mean-small.csv") + "'")
            + "; echo RC=$?\n"
            + statbench("1g", survey + "mean:y --out '" + tmp.resolve("mean-normal.csv") + "'")
            + "\n"
            + statbench("96m", noPsu + tmp.resolve("nopsu-small.csv") + "'")
            + "; echo RC=$?\n"
            + statbench("1g", noPsu + tmp.resolve("nopsu-normal.csv") + "'")
            + "\n"
            + statbench("96m", change + tmp.resolve("change-small.csv") + "'")
            + "; echo RC=$?\n"
            + statbench("1g", change + tmp.resolve("change-normal.csv") + "'")
            + "\n"
            + statbench("96m", survey + "median:y --out '" + tmp.resolve("median-small.csv") + "'")
            + "; echo RC=$?\n"
            + statbench("1g", survey + "median:y --out '" + tmp.resolve("median-normal.csv") + "'")
            + "\n"
            + statbench("96m", survey + "gini:y --out '" + tmp.resolve("gini-small.csv") + "'")
            + "; echo RC=$?\n"
            + statbench("1g", survey + "gini:y --out '" + tmp.resolve("gini-normal.csv") + "'")
            + "\n";
    String out = sh(script).out();

    assertThat(out).startsWith("Imported s: 2500000 rows");
    assertThat(out.split("RC=0", -1)).as(out).hasSize(6); // the five small-heap estimates
    assertThat(out).doesNotContain("RC=2").doesNotContain("Exception");
    List<String> small = Files.readAllLines(tmp.resolve("mean-small.csv"));
    assertThat(small).isEqualTo(Files.readAllLines(tmp.resolve("mean-normal.csv")));
    // 7 regions and the total by 2 sexes and the total, after the header
    assertThat(small).hasSize(1 + 8 * 3);
    String total = small.stream().filter(l -> l.startsWith("Total,Total,")).findFirst().get();
    double mean = sumWy / sumW;
    assertThat(total).contains(String.valueOf(mean).substring(0, 6));
    // without psu= every record is its own PSU: the same means, the same CSV in either heap
    List<String> noPsuSmall = Files.readAllLines(tmp.resolve("nopsu-small.csv"));
    assertThat(noPsuSmall).isEqualTo(Files.readAllLines(tmp.resolve("nopsu-normal.csv")));
    assertThat(noPsuSmall).hasSize(1 + 8 * 3);
    assertThat(noPsuSmall.stream().filter(l -> l.startsWith("Total,Total,")).findFirst().get())
        .contains(String.valueOf(mean).substring(0, 6));
    // the change of the mean from wave W1 to W2, PSUs in both waves: the same CSV in either heap
    List<String> changeSmall = Files.readAllLines(tmp.resolve("change-small.csv"));
    assertThat(changeSmall).isEqualTo(Files.readAllLines(tmp.resolve("change-normal.csv")));
    assertThat(changeSmall).hasSize(1 + 8 * 3);
    double diff = waveWy[1] / waveW[1] - waveWy[0] / waveW[0];
    String changeTotal =
        changeSmall.stream().filter(l -> l.startsWith("Total,Total,")).findFirst().get();
    assertThat(Double.parseDouble(changeTotal.split(",")[3])).isCloseTo(diff, within(1e-9));
    // medians with Woodruff intervals: the same CSV in either heap; every value 0..100 is held by
    // about 24,752 records of each weight in every cell, so the weighted median of the total is 50
    List<String> median = Files.readAllLines(tmp.resolve("median-small.csv"));
    assertThat(median).isEqualTo(Files.readAllLines(tmp.resolve("median-normal.csv")));
    assertThat(median).hasSize(1 + 8 * 3).anyMatch(l -> l.startsWith("Total,Total,median:y,50,"));
    // the Gini coefficient with its linearised standard error: the same CSV in either heap; y =
    // i mod 101 in equal shares of each weight, so the Gini is that of 0..100 equally weighted:
    // sum |y_i - y_j| over pairs / (2 n^2 mean) = (101^3 - 101) / 3 / (2 * 101^2 * 50) = 0.3333
    List<String> gini = Files.readAllLines(tmp.resolve("gini-small.csv"));
    assertThat(gini).isEqualTo(Files.readAllLines(tmp.resolve("gini-normal.csv")));
    assertThat(gini).hasSize(1 + 8 * 3);
    String giniTotal = gini.stream().filter(l -> l.startsWith("Total,Total,")).findFirst().get();
    double expected = (101.0 * 101 * 101 - 101) / 3 / (2.0 * 101 * 101 * 50);
    assertThat(Double.parseDouble(giniTotal.split(",")[3])).isCloseTo(expected, within(1e-3));
  }

  @Test
  void giniUnderReplicateWeightsOverColumnsLargerThanTheHeapEqualsTheLargeHeapOne()
      throws Exception {
    Path ws = tmp.resolve("ws");
    Path csv = tmp.resolve("replicates.csv");
    // region: 1 byte a record; y, w and three replicate weights: 8 each -> 41 MB, and in memory the
    // design needs 56 bytes a record more: twice that is more than a 96 MB heap holds, so streamed
    int rows = 1_000_000;
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("region,y,w,rep1,rep2,rep3\n");
      for (int i = 0; i < rows; i++) {
        int wt = 1 + i % 3;
        w.write("R" + i % 7 + "," + (i % 101) + "," + wt);
        for (int k = 0; k < 3; k++) {
          w.write("," + (i % 3 == k ? "0" : String.valueOf(wt * 1.5)));
        }
        w.write("\n");
      }
    }
    String gini =
        "tabulate --db '"
            + ws
            + "' --dataset s --rows region --weight w --replicates 'rep*' --replicate-type jk1"
            + " --se --measure gini:y --out '";
    List<String> small = smallHeapAgreesWithLarge(csv, rows, "96m", gini);

    // 7 regions and the total, after the header
    assertThat(small).hasSize(1 + 8);
    String[] total =
        small.stream().filter(l -> l.startsWith("Total,")).findFirst().get().split(",");
    // y = i mod 101 in (nearly) equal shares of each weight, under every replicate weight too: the
    // Gini of 0..100 equally weighted, (101^3 - 101) / 3 / (2 * 101^2 * 50) = 0.3333, with the
    // replicates' small spread as its standard error
    double expected = (101.0 * 101 * 101 - 101) / 3 / (2.0 * 101 * 101 * 50);
    assertThat(Double.parseDouble(total[2])).isCloseTo(expected, within(1e-3));
    assertThat(Double.parseDouble(total[3])).isPositive().isLessThan(1e-3);
  }

  @Test
  void aGiniWhoseWalksWouldNotFitInMemoryStreamsInsteadOfRunningOutOfMemory() throws Exception {
    Path ws = tmp.resolve("ws");
    Path csv = tmp.resolve("wealth.csv");
    // 1,000,000 households, 50 strata of 20 PSUs, wealth of many distinct values: the columns take
    // 20 MB, which looked as if they fitted a 128 MB heap with the design's arrays, but the weight
    // was copied and the walks in value order sort value, weight and cell and the Gini replays
    // them: in memory this ran out of heap (exit 2, "Out of memory"); now it streams
    int rows = 1_000_000;
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("region,tenure,stratum,psu,w,wealth\n");
      for (int i = 0; i < rows; i++) {
        int s = i % 50;
        w.write(
            "R"
                + rnd.nextInt(9)
                + ",T"
                + rnd.nextInt(4)
                + ",S"
                + s
                + ",P"
                + (s * 20 + rnd.nextInt(20)));
        w.write(
            ","
                + (50 + rnd.nextInt(10_000) / 100.0)
                + ","
                + (long) Math.exp(11 + 1.2 * rnd.nextGaussian()));
        w.write("\n");
      }
    }
    String gini =
        "tabulate --db '"
            + ws
            + "' --dataset s --rows region --cols tenure --weight w"
            + " --design strata=stratum,psu=psu --se --measure gini:wealth --out '";
    List<String> small = smallHeapAgreesWithLarge(csv, rows, "128m", gini);

    // 9 regions and the total by 4 tenures and the total, after the header
    assertThat(small).hasSize(1 + 10 * 5);
    // a lognormal's Gini is 2 Phi(sigma / sqrt 2) - 1: sigma 1.2 gives 0.604 (rounding to whole
    // pounds and uneven weights move it a little)
    double expected =
        2
                * new org.apache.commons.math3.distribution.NormalDistribution()
                    .cumulativeProbability(1.2 / Math.sqrt(2))
            - 1;
    String[] total =
        small.stream().filter(l -> l.startsWith("Total,Total,")).findFirst().get().split(",");
    assertThat(Double.parseDouble(total[3])).isCloseTo(expected, within(0.01));
  }

  /**
   * Imports {@code csv} as dataset {@code s} of workspace {@code ws}, runs {@code tabulate} (ending
   * in {@code --out '}) in a child JVM of {@code smallHeap} and in one of 1 GB, requires both to
   * exit 0 without an exception and to write the same CSV, and returns its lines.
   */
  private List<String> smallHeapAgreesWithLarge(
      Path csv, int rows, String smallHeap, String tabulate) throws Exception {
    Path ws = tmp.resolve("ws");
    String out =
        sh(statbench("256m", "import --db '" + ws + "' --name s --file '" + csv + "'")
                + "\n"
                + statbenchRc(smallHeap, tabulate + tmp.resolve("small.csv") + "'")
                + statbenchRc("1g", tabulate + tmp.resolve("normal.csv") + "'"))
            .out();
    assertThat(out).startsWith("Imported s: " + rows + " rows");
    assertThat(out.split("RC=0", -1)).as(out).hasSize(3);
    assertThat(out).doesNotContain("Exception");
    List<String> small = Files.readAllLines(tmp.resolve("small.csv"));
    assertThat(small).isEqualTo(Files.readAllLines(tmp.resolve("normal.csv")));
    return small;
  }
}
