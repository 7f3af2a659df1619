package org.ltcreports.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The statistical disclosure control policy for the PUBLIC audience (governance.md): a count from 1
 * to {@code threshold} is suppressed, every other count is rounded to the nearest {@code
 * roundingBase}, 0 stays 0. The version is written in every output's footer and in the audit log.
 *
 * @param version e.g. {@code sdc-2026.1}; change it whenever threshold or base change
 * @param threshold the largest count that is suppressed (NHS Digital: 7)
 * @param roundingBase counts above the threshold are rounded to a multiple of this (NHS Digital: 5)
 */
public record DisclosurePolicy(String version, int threshold, int roundingBase) {

  public static final String KEY_VERSION = "disclosure.version";
  public static final String KEY_THRESHOLD = "disclosure.threshold";
  public static final String KEY_ROUNDING_BASE = "disclosure.rounding-base";

  /** NHS Digital's rule: suppress 1–7, round the rest to the nearest 5. */
  public static final DisclosurePolicy DEFAULT = new DisclosurePolicy("sdc-2026.1", 7, 5);

  public DisclosurePolicy {
    Objects.requireNonNull(version, "version");
    if (version.isBlank()) {
      throw new IllegalArgumentException(KEY_VERSION + " must not be blank");
    }
    if (threshold < 0) {
      throw new IllegalArgumentException(KEY_THRESHOLD + " must be 0 or more, got " + threshold);
    }
    if (roundingBase < 1) {
      throw new IllegalArgumentException(
          KEY_ROUNDING_BASE + " must be 1 or more, got " + roundingBase);
    }
  }

  /**
   * Reads the policy from configuration, every key optional (defaults: {@link #DEFAULT}). Problems
   * are added to {@code problems} (one line each) and the default is used for that key, so a caller
   * validating a whole configuration file can report every problem at once.
   */
  public static DisclosurePolicy read(Properties config, List<String> problems) {
    String version = config.getProperty(KEY_VERSION);
    version = version == null || version.isBlank() ? DEFAULT.version : version.trim();
    int threshold = intKey(config, KEY_THRESHOLD, DEFAULT.threshold, 0, problems);
    int base = intKey(config, KEY_ROUNDING_BASE, DEFAULT.roundingBase, 1, problems);
    return new DisclosurePolicy(version, threshold, base);
  }

  /** Reads the policy; throws {@link IllegalArgumentException} naming every bad key. */
  public static DisclosurePolicy from(Properties config) {
    List<String> problems = new ArrayList<>();
    DisclosurePolicy policy = read(config, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return policy;
  }

  /** True for a count that must not be shown: 1 to threshold (0 is shown). */
  public boolean isSmall(Number count) {
    if (count == null) {
      return false;
    }
    double v = count.doubleValue();
    return v > 0 && v <= threshold;
  }

  /**
   * The count rounded to the nearest multiple of the base (halves round up). 0 stays 0; a non-zero
   * count never rounds to 0 (which would read as "none"), whatever the threshold.
   */
  public long round(Number count) {
    double v = count.doubleValue();
    if (v == 0) {
      return 0;
    }
    long rounded = Math.round(v / roundingBase) * roundingBase;
    return rounded == 0 ? (long) Math.signum(v) * roundingBase : rounded;
  }

  private static int intKey(
      Properties config, String key, int defaultValue, int min, List<String> problems) {
    String raw = config.getProperty(key);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value < min) {
        problems.add(key + " must be a whole number of at least " + min + ", got '" + raw + "'");
        return defaultValue;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(key + " must be a whole number, got '" + raw + "'");
      return defaultValue;
    }
  }
}
