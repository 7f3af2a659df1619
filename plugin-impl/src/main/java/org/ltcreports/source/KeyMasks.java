package org.ltcreports.source;

/**
 * Which localities each id (a patient, spell or episode id) belongs to, as a bit mask, while a
 * hub's rows are routed ({@link RoutedRows}). An id is kept as a 32-bit key and its mask beside it
 * in one {@code long}: two million patient ids take 32 MB here, not about 200 MB as strings, and
 * fit the processor's cache better. Ids with the same key share one mask, which can only send a row
 * to a locality it does not belong to, never keep it from one it does; each locality's rows are
 * then filtered by their exact ids (two million ids give a few hundred shared keys: a few hundred
 * rows filtered out again).
 *
 * <p>An id is keyed by its bytes as its row was read ({@link RowSpill.Row}), not by a string:
 * making a string of every text a hub's month routes was a quarter of the memory its run asked for.
 *
 * <p>An id's slot is its key scrambled: slots taken in the order of {@link String#hashCode}, as the
 * reader's pools take them ({@link RowMappers.Pool}), made runs of one practice's ids overlap the
 * next practice's, and the routing took three times as long.
 */
final class KeyMasks {
  /** Masks are the low 32 bits of a slot. */
  static final int MAX_BITS = 32;

  /** An id's key from its UTF-8 bytes: never 0 (the empty slot). */
  interface Key {
    int of(byte[] b, int from, int n);
  }

  private long[] slots; // key << 32 | mask; 0 is empty (no key is 0)
  private int size;

  KeyMasks(int expected) {
    slots = new long[Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1];
  }

  /** Adds the bits (below {@link #MAX_BITS}) to the mask of the ids with key {@code k}. */
  void add(int k, long bits) {
    int s = slot(k);
    if (slots[s] == 0) {
      slots[s] = (long) k << 32;
      size++;
    }
    slots[s] |= bits & 0xffffffffL;
    if (size * 10L > slots.length * 7L) {
      grow();
    }
  }

  /** The mask of the ids with key {@code k}; 0 for a key never added. */
  long get(int k) {
    return slots[slot(k)] & 0xffffffffL;
  }

  /** The slot holding {@code k}, or the empty slot where it would go. */
  private int slot(int k) {
    int mask = slots.length - 1;
    int s = (k * 0x9e3779b9) >>> 8 & mask;
    while (slots[s] != 0 && (int) (slots[s] >>> 32) != k) {
      s = (s + 1) & mask;
    }
    return s;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (long v : old) {
      if (v != 0) {
        slots[slot((int) (v >>> 32))] = v;
      }
    }
  }

  /** An id's key: FNV-1a over its bytes, then MurmurHash3's finaliser; never 0 (the empty slot). */
  static int key(byte[] b, int from, int n) {
    int h = 0x811c9dc5;
    for (int i = from; i < from + n; i++) {
      h ^= b[i] & 0xff;
      h *= 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h == 0 ? 1 : h;
  }
}
