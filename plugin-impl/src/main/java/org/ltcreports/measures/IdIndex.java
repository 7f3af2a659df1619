package org.ltcreports.measures;

/**
 * The position of each of a sorted array of distinct ids, found by hashing into one int array: a
 * per-patient index over 600,000 patients in about 5 MB, where a {@code HashMap} node per patient
 * costs 20 MB more and the live heap of a locality pack is what limits it.
 */
final class IdIndex {
  private final String[] ids;
  private final int[] slots; // position + 1; 0 is an empty slot (open addressing, linear probing)
  private final int shift;

  /** {@code ids} sorted and distinct, without nulls; the array is kept, not copied. */
  IdIndex(String[] ids) {
    this.ids = ids;
    int capacity = Integer.highestOneBit(Math.max(2, ids.length * 2 - 1)) << 1; // at least 2n
    this.slots = new int[capacity];
    this.shift = 32 - Integer.numberOfTrailingZeros(capacity);
    int mask = capacity - 1;
    for (int i = 0; i < ids.length; i++) {
      int s = slot(ids[i]);
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = i + 1;
    }
  }

  /** The id's position in the array, or -1. */
  int positionOf(String id) {
    if (id == null) {
      return -1;
    }
    int mask = slots.length - 1;
    for (int s = slot(id), v; (v = slots[s]) != 0; s = (s + 1) & mask) {
      if (ids[v - 1].equals(id)) {
        return v - 1;
      }
    }
    return -1;
  }

  int size() {
    return ids.length;
  }

  String id(int position) {
    return ids[position];
  }

  // Fibonacci hashing: the high bits of hash × 2^32/φ, so similar ids spread over the table.
  private int slot(String id) {
    return (id.hashCode() * 0x9E3779B9) >>> shift;
  }
}
