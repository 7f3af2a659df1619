package org.ltcreports.casemanagement;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts per practice and key (a breakdown, or a note's count), keys in a fixed order. */
final class Tally {
  private final Map<String, Map<String, Long>> byPractice = new HashMap<>();

  void add(String practice, String key) {
    add(practice, key, 1);
  }

  void add(String practice, String key, long n) {
    if (practice == null) {
      return;
    }
    byPractice.computeIfAbsent(practice, k -> new HashMap<>()).merge(key, n, Long::sum);
  }

  long get(String practice, String key) {
    Map<String, Long> m = byPractice.get(practice);
    return m == null ? 0 : m.getOrDefault(key, 0L);
  }

  long total(String practice) {
    Map<String, Long> m = byPractice.get(practice);
    return m == null ? 0 : m.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Every key of {@code keys} in that order, zeros included. */
  Map<String, Number> breakdown(String practice, List<String> keys) {
    Map<String, Number> out = new LinkedHashMap<>();
    for (String k : keys) {
      out.put(k, get(practice, k));
    }
    return out;
  }
}
