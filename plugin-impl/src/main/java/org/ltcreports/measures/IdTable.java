package org.ltcreports.measures;

/**
 * Ids (patient ids, spell ids) numbered 0, 1, 2… in the order they are first added, in three arrays
 * (open addressing, linear probing on the hash code's spread low bits, as {@code HashMap} picks a
 * bucket). A {@code HashMap} keyed by these ids costs a node per id, and ids such as {@code
 * K83003-007109}, whose hash codes collide often in the low bits, turn its buckets into trees
 * searched by string comparison; here a probe compares the stored hash codes, next to each other in
 * memory, before any string.
 */
final class IdTable {
  private String[] ids;
  private int[] hashes;
  private int[] numbers;
  private int size;

  IdTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(2, expected * 2 - 1)) << 1; // at least 2n
    ids = new String[capacity];
    hashes = new int[capacity];
    numbers = new int[capacity];
  }

  /** The id's number, adding it with the next number when it is new. */
  int add(String id) {
    int h = id.hashCode();
    int mask = ids.length - 1;
    int s = spread(h) & mask;
    for (String seen; (seen = ids[s]) != null; s = (s + 1) & mask) {
      if (hashes[s] == h && seen.equals(id)) {
        return numbers[s];
      }
    }
    ids[s] = id;
    hashes[s] = h;
    numbers[s] = size++;
    if (size * 2 > ids.length) {
      grow();
    }
    return size - 1;
  }

  /** The id's number, or -1 when it was never added (or is null). */
  int numberOf(String id) {
    if (id == null) {
      return -1;
    }
    int h = id.hashCode();
    int mask = ids.length - 1;
    for (int s = spread(h) & mask; ids[s] != null; s = (s + 1) & mask) {
      if (hashes[s] == h && ids[s].equals(id)) {
        return numbers[s];
      }
    }
    return -1;
  }

  /** How many distinct ids were added. */
  int size() {
    return size;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private void grow() {
    String[] oldIds = ids;
    int[] oldHashes = hashes;
    int[] oldNumbers = numbers;
    ids = new String[oldIds.length * 2];
    hashes = new int[oldIds.length * 2];
    numbers = new int[oldIds.length * 2];
    int mask = ids.length - 1;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != null) {
        int s = spread(oldHashes[i]) & mask;
        while (ids[s] != null) {
          s = (s + 1) & mask;
        }
        ids[s] = oldIds[i];
        hashes[s] = oldHashes[i];
        numbers[s] = oldNumbers[i];
      }
    }
  }
}
