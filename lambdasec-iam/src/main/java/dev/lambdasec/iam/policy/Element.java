package dev.lambdasec.iam.policy;

import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Value;
import java.util.List;

/**
 * A string-or-list statement element ({@code Action}, {@code NotAction}, {@code Resource}…).
 *
 * @param present whether the statement has the element at all
 * @param values the entries; a reference to another resource is a SET value holding its placeholder
 *     text ({@code ${Bucket.Arn}}), an entry lambdasec cannot evaluate is UNRESOLVED
 */
public record Element(boolean present, List<Value<String>> values, Origin origin) {

  public Element {
    values = List.copyOf(values);
  }

  public static Element absent(Origin origin) {
    return new Element(false, List.of(), origin);
  }

  public boolean hasUnresolved() {
    return values.stream().anyMatch(Value::isUnresolved);
  }

  /** The known entries. */
  public List<String> known() {
    return values.stream().flatMap(v -> v.known().stream()).toList();
  }

  /** True when a known entry equals {@code text} (case-sensitive). */
  public boolean contains(String text) {
    return known().contains(text);
  }
}
