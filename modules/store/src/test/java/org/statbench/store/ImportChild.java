package org.statbench.store;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.statbench.core.StatBenchException;

/**
 * A separate JVM for process-level tests ({@link KilledImportTest}).
 *
 * <ul>
 *   <li>{@code import WS CSV NAME STAGE}: imports, printing {@code STAGE} and then hanging when the
 *       import reaches the given stage ({@code Reading} or {@code Writing}), so the parent can kill
 *       it there;
 *   <li>{@code open WS}: opens the workspace, printing {@code OPENED} or the error message.
 * </ul>
 */
public final class ImportChild {
  private ImportChild() {}

  public static void main(String[] args) throws Exception {
    Path ws = Path.of(args[1]);
    if (args[0].equals("open")) {
      try (Workspace w = Workspace.open(ws)) {
        System.out.println("OPENED");
      } catch (StatBenchException e) {
        System.out.println("ERROR " + e.getMessage());
        System.exit(2);
      }
      return;
    }
    String stage = args[4];
    AtomicInteger calls = new AtomicInteger();
    try (Workspace w = Workspace.open(ws)) {
      w.importCsv(
          ImportRequest.of(args[3], Path.of(args[2])),
          (done, total, message) -> {
            // "Writing": hang after the first column is committed to the new column file
            if (message.startsWith(stage) && calls.incrementAndGet() == 2) {
              System.out.println(stage.toUpperCase(java.util.Locale.ROOT));
              System.out.flush();
              try {
                Thread.sleep(120_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          },
          null);
    }
    System.out.println("FINISHED");
  }
}
