package org.ltcreports.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Makes an event's parameters safe to store and hash: secrets and connection strings are replaced
 * by {@value #REDACTED}, values become plain JSON (strings, numbers, booleans, lists, maps; other
 * objects by {@code toString()}), and keys are sorted so the JSON text is canonical.
 */
final class AuditParameters {
  static final String REDACTED = "[redacted]";
  static final int MAX_LENGTH = 10_000;

  /** Keys whose values are never stored, whatever they hold. */
  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "pass(word|wd)?|pwd|secret|token|credential|jdbc|url|dsn|connection|api[-_.]?key|"
              + "private[-_.]?key",
          Pattern.CASE_INSENSITIVE);

  /** Values that look like connection strings or embedded credentials. */
  private static final Pattern SECRET_VALUE =
      Pattern.compile(
          "jdbc:|postgres(ql)?://|password\\s*[=:]|pwd\\s*=|://[^/\\s]*:[^/\\s]*@",
          Pattern.CASE_INSENSITIVE);

  private AuditParameters() {}

  /** Canonical, redacted JSON of the parameters; a placeholder object when it would be too long. */
  static String toJson(Map<String, Object> parameters) {
    String json = CanonicalJson.write(clean(parameters));
    if (json.length() > MAX_LENGTH) {
      return CanonicalJson.write(Map.of("_truncated", true, "_length", json.length()));
    }
    return json;
  }

  /** A single text field (user name, codes): kept unless it looks like a connection string. */
  static String redactText(String value) {
    return value != null && SECRET_VALUE.matcher(value).find() ? REDACTED : value;
  }

  private static Map<String, Object> clean(Map<?, ?> map) {
    Map<String, Object> out = new TreeMap<>();
    map.forEach(
        (k, v) -> {
          String key = String.valueOf(k);
          out.put(key, SECRET_KEY.matcher(key).find() ? REDACTED : cleanValue(v));
        });
    return out;
  }

  private static Object cleanValue(Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      return clean(m);
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(cleanValue(x)));
      return out;
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (v instanceof char[] || v instanceof byte[]) {
      return REDACTED; // raw buffers are how passwords travel
    }
    return redactText(v.toString());
  }
}
