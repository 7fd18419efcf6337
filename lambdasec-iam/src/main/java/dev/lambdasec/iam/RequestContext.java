package dev.lambdasec.iam;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The condition keys of a request as far as they are known. A key is either known with its values,
 * known to be absent, or unknown; conditions on unknown keys stay conditions (neither assumed true
 * nor false). Keys are matched case-insensitively, as IAM does.
 */
public final class RequestContext {

  private static final RequestContext UNKNOWN = new RequestContext(Map.of(), Set.of(), false);

  private final Map<String, List<String>> values;
  private final Set<String> absent;
  private final boolean closed;

  private RequestContext(Map<String, List<String>> values, Set<String> absent, boolean closed) {
    this.values = values;
    this.absent = absent;
    this.closed = closed;
  }

  /** Nothing is known about the request's condition keys: every condition stays a condition. */
  public static RequestContext unknown() {
    return UNKNOWN;
  }

  /** A complete request: the keys given, every other key is absent. */
  public static RequestContext of(Map<String, List<String>> keys) {
    return new RequestContext(lower(keys), Set.of(), true);
  }

  /**
   * A partial request: the keys given are known, {@code absent} are known absent, others unknown.
   */
  public static RequestContext partial(Map<String, List<String>> keys, Set<String> absent) {
    return new RequestContext(
        lower(keys),
        absent.stream()
            .map(k -> k.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet()),
        false);
  }

  private static Map<String, List<String>> lower(Map<String, List<String>> keys) {
    Map<String, List<String>> out = new HashMap<>();
    keys.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    return Map.copyOf(out);
  }

  /** How a key is known. */
  public enum Knowledge {
    PRESENT,
    ABSENT,
    UNKNOWN
  }

  public Knowledge knowledge(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (values.containsKey(k)) {
      return Knowledge.PRESENT;
    }
    return closed || absent.contains(k) ? Knowledge.ABSENT : Knowledge.UNKNOWN;
  }

  /** The values of a present key. */
  public Optional<List<String>> values(String key) {
    return Optional.ofNullable(values.get(key.toLowerCase(Locale.ROOT)));
  }
}
