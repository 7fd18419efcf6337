package dev.lambdasec.iam.policy;

import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code Principal} or {@code NotPrincipal} element.
 *
 * @param everyone the element is the bare string {@code "*"}
 * @param byType entries by principal type, in written order: {@code AWS}, {@code Service}, {@code
 *     Federated}, {@code CanonicalUser}
 */
public record Principals(boolean everyone, Map<String, List<Value<String>>> byType, Origin origin) {

  public Principals {
    Map<String, List<Value<String>>> copy = new LinkedHashMap<>();
    byType.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    byType = Collections.unmodifiableMap(copy);
  }

  public List<Value<String>> of(String type) {
    return byType.getOrDefault(type, List.of());
  }

  /**
   * {@code "*"}, {@code {"AWS": "*"}} or {@code {"CanonicalUser": "*"}}: anyone, authenticated or
   * not.
   */
  public boolean includesAnyone() {
    return everyone
        || of("AWS").stream().anyMatch(v -> v.known().filter("*"::equals).isPresent())
        || of("CanonicalUser").stream().anyMatch(v -> v.known().filter("*"::equals).isPresent());
  }

  /** Known service principals, lower-cased. */
  public List<String> services() {
    return of("Service").stream()
        .flatMap(v -> v.known().stream())
        .map(s -> s.toLowerCase(Locale.ROOT))
        .toList();
  }

  public boolean hasUnresolved() {
    return byType.values().stream().flatMap(List::stream).anyMatch(Value::isUnresolved);
  }
}
