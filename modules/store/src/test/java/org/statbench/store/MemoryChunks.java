package org.statbench.store;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A chunk sink in memory, for tests that look at what an import stores. */
final class MemoryChunks implements ChunkSink {
  final Map<String, byte[]> stored = new ConcurrentHashMap<>();
  private final Map<String, byte[]> spilled = new ConcurrentHashMap<>();

  @Override
  public void put(String key, byte[] value) {
    stored.put(key, value);
  }

  @Override
  public void spill(int ord, int chunk, int width, byte[] values) {
    spilled.put(ord + "/" + chunk, values.clone());
  }

  @Override
  public byte[] unspill(int ord, int chunk, int width, int length) {
    return Arrays.copyOf(spilled.get(ord + "/" + chunk), length);
  }

  @Override
  public void reset() {
    stored.clear();
    spilled.clear();
  }

  /** The stored values, ordered by key. */
  Map<String, byte[]> sorted() {
    return new TreeMap<>(stored);
  }
}
