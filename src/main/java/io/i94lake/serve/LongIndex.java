package io.i94lake.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows by a long key (cicid, admission number) without boxing: an open-addressing table from key to its first
 * row, and a chain to the next row with the same key. About 16 bytes per row instead of ~60 for a HashMap.
 */
final class LongIndex {
  private static final int EMPTY = -1;
  private final long[] keys;
  private final int[] firstRow;
  private final int[] nextRow;
  private final int mask;

  LongIndex(long[] rowKeys, int rows) {
    int capacity = Integer.highestOneBit(Math.max(2, rows) * 2 - 1) << 1;
    keys = new long[capacity];
    firstRow = new int[capacity];
    java.util.Arrays.fill(firstRow, EMPTY);
    nextRow = new int[rows];
    mask = capacity - 1;
    for (int row = rows - 1; row >= 0; row--) {
      int slot = slot(rowKeys[row]);
      keys[slot] = rowKeys[row];
      nextRow[row] = firstRow[slot];
      firstRow[slot] = row;
    }
  }

  private int slot(long key) {
    int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
    while (firstRow[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** The rows with this key, in row order. */
  List<Integer> rows(long key) {
    List<Integer> rows = new ArrayList<>(1);
    for (int row = firstRow[slot(key)]; row != EMPTY; row = nextRow[row]) {
      rows.add(row);
    }
    return rows;
  }
}
