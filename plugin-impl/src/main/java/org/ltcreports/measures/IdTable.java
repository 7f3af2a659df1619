package org.ltcreports.measures;

/**
 * Ids (patient ids, spell ids) numbered 0, 1, 2… in the order they are first added, in two arrays
 * (open addressing, linear probing, Fibonacci hashing as {@link IdIndex}). A {@code HashMap} keyed
 * by these ids is both larger (a node per id) and slow: ids such as {@code K83003-007109} differ
 * only in their last digits, the low bits of their hash codes cluster, and its buckets turn into
 * trees searched by string comparison.
 */
final class IdTable {
  private String[] ids;
  private int[] numbers; // number + 1; 0 is an empty slot
  private int shift;
  private int size;

  IdTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(2, expected * 2 - 1)) << 1; // at least 2n
    ids = new String[capacity];
    numbers = new int[capacity];
    shift = 32 - Integer.numberOfTrailingZeros(capacity);
  }

  /** The id's number, adding it with the next number when it is new. */
  int add(String id) {
    int mask = ids.length - 1;
    int s = IdIndex.slot(id, shift);
    for (String seen; (seen = ids[s]) != null; s = (s + 1) & mask) {
      if (seen.equals(id)) {
        return numbers[s] - 1;
      }
    }
    ids[s] = id;
    numbers[s] = ++size;
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
    int mask = ids.length - 1;
    for (int s = IdIndex.slot(id, shift); ids[s] != null; s = (s + 1) & mask) {
      if (ids[s].equals(id)) {
        return numbers[s] - 1;
      }
    }
    return -1;
  }

  /** How many distinct ids were added. */
  int size() {
    return size;
  }

  private void grow() {
    String[] oldIds = ids;
    int[] oldNumbers = numbers;
    ids = new String[oldIds.length * 2];
    numbers = new int[oldIds.length * 2];
    shift--;
    int mask = ids.length - 1;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != null) {
        int s = IdIndex.slot(oldIds[i], shift);
        while (ids[s] != null) {
          s = (s + 1) & mask;
        }
        ids[s] = oldIds[i];
        numbers[s] = oldNumbers[i];
      }
    }
  }
}
