package org.statbench.store;

import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Encodes the columns of one {@link CsvBatch} at a time on the calling thread plus one helper
 * thread (when the machine has more than one core): each column of the batch is a task, the most
 * expensive columns (as measured on the previous batch) first. Each accumulator is touched by one
 * thread at a time, and batches are encoded in file order, so every column sees its values in
 * order. The first error in (record, column) order is kept, as a sequential reader would report it.
 */
final class ColumnStage implements AutoCloseable {
  private final ColumnAccumulator[] columns;
  private final long[] cost;
  private final Object lock = new Object();
  private final Thread helper;

  // guarded by lock
  private Work current;
  private int generation;
  private int pending;
  private boolean closed;

  /** One batch's tasks; a fresh counter per batch so a late helper cannot take the next batch's. */
  private static final class Work {
    final CsvBatch batch;
    final Integer[] order;
    final AtomicInteger next = new AtomicInteger();
    RuntimeException error;
    long errorRecord = Long.MAX_VALUE;
    int errorColumn = Integer.MAX_VALUE;

    Work(CsvBatch batch, Integer[] order) {
      this.batch = batch;
      this.order = order;
    }
  }

  ColumnStage(ColumnAccumulator[] columns) {
    this.columns = columns;
    this.cost = new long[columns.length];
    if (Runtime.getRuntime().availableProcessors() > 1 && columns.length > 1) {
      helper = new Thread(this::helperLoop, "statbench-import-encoder");
      helper.setDaemon(true);
      helper.start();
    } else {
      helper = null;
    }
  }

  /**
   * Starts encoding a batch; the helper thread begins at once, the caller joins in with {@link
   * #finish()}.
   */
  void start(CsvBatch batch) {
    Integer[] order = new Integer[columns.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingLong((Integer c) -> cost[c]).reversed());
    synchronized (lock) {
      current = new Work(batch, order);
      pending = columns.length;
      generation++;
      lock.notifyAll();
    }
  }

  /**
   * Takes part in encoding the started batch and waits until it is done.
   *
   * @throws RuntimeException the first error in file order, e.g. an InputException
   */
  void finish() throws InterruptedException {
    Work w;
    synchronized (lock) {
      w = current;
    }
    runTasks(w);
    synchronized (lock) {
      while (pending > 0) {
        lock.wait();
      }
    }
    if (w.error != null) {
      throw w.error;
    }
  }

  private void helperLoop() {
    int seen = 0;
    while (true) {
      Work w;
      synchronized (lock) {
        while (generation == seen && !closed) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        seen = generation;
        w = current;
      }
      runTasks(w);
    }
  }

  private void runTasks(Work w) {
    int t;
    while ((t = w.next.getAndIncrement()) < columns.length) {
      int c = w.order[t];
      long t0 = System.nanoTime();
      try {
        columns[c].addAll(w.batch);
      } catch (RuntimeException | Error e) {
        RuntimeException re = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        long record = firstBadRecord(e, w.batch);
        synchronized (lock) {
          if (record < w.errorRecord || (record == w.errorRecord && c < w.errorColumn)) {
            w.error = re;
            w.errorRecord = record;
            w.errorColumn = c;
          }
        }
      }
      cost[c] = System.nanoTime() - t0;
      synchronized (lock) {
        if (--pending == 0) {
          lock.notifyAll();
        }
      }
    }
  }

  /** The line of an input error orders errors of different columns; others come first. */
  private static long firstBadRecord(Throwable e, CsvBatch batch) {
    if (e instanceof org.statbench.core.InputException ie && ie.line() > 0) {
      return ie.line();
    }
    return -1;
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
  }
}
