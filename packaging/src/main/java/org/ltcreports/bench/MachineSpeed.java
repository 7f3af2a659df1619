package org.ltcreports.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixed piece of work timed on one thread, printed beside every scenario's figures. The shared
 * development machine's speed changes from hour to hour: session 19's code took 29 to 36 s for a
 * warm ICB run one day and 42 to 47 s the next (session 20), when a fixed Python loop took 1.9 s at
 * one hour and 3.4 s at another. The load average does not show it (the other tenants of the host
 * are not in it); this figure does, so two benches can be compared only when it is about the same.
 * The work is what the engine spends its time on: texts made, hashed and looked up in a map larger
 * than the processor's cache, and numbers sorted. Its {@link #CHECKSUM} holds it the same from
 * version to version.
 */
final class MachineSpeed {
  /** The work's result: a change to the work changes it, and then old figures do not compare. */
  static final long CHECKSUM = -1162629006358462L;

  private static final int IDS = 500_000;

  private MachineSpeed() {}

  /** "speed 350 ms": the best of five runs of the work after two to compile it; lower is faster. */
  static String describe() {
    work();
    work();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      work();
      best = Math.min(best, System.nanoTime() - t);
    }
    return String.format(Locale.ROOT, "speed %d ms", best / 1_000_000);
  }

  /** One run of the work; its checksum. */
  static long work() {
    SplittableRandom random = new SplittableRandom(20261207L);
    String[] ids = new String[IDS];
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < IDS; i++) {
      ids[i] = "P" + (random.nextInt(90_000_000) + 10_000_000);
      positions.putIfAbsent(ids[i], i);
    }
    long sum = 0;
    long[] keys = new long[IDS];
    for (int i = 0; i < IDS; i++) {
      sum += positions.get(ids[random.nextInt(IDS)]);
      keys[i] = random.nextLong();
    }
    Arrays.sort(keys);
    return sum * 31 + keys[IDS / 2];
  }
}
