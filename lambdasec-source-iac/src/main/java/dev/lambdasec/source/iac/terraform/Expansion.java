package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The instances a resource or module block has, from its {@code count} or {@code for_each}.
 *
 * <p>A block whose number of instances is not known before apply, or that its variables' defaults
 * alone switch off, is read as one instance under its bare address ({@link Kind#BARE}), with {@code
 * count.index} and {@code each} unresolved: an auditor wants to see what such a block would create
 * once it is switched on. A block that values the user gave switch off ({@code -var}, {@code
 * .tfvars}, a module argument) has no instances.
 *
 * @param keys instance keys: {@code 0…n-1} for {@code count}, the map keys for {@code for_each}
 * @param values {@code each.value} by key, for {@code for_each}
 * @param reason why a bare instance stands for the block, for a note
 */
record Expansion(Kind kind, List<String> keys, Map<String, Node> values, @Nullable String reason) {

  /** How a block's instances are addressed. */
  enum Kind {
    /** No {@code count} or {@code for_each}: one instance, bare address. */
    SINGLE,
    /** {@code count}: {@code addr[0]}…. */
    COUNT,
    /** {@code for_each}: {@code addr["key"]}…. */
    FOR_EACH,
    /** Unknown or switched off by defaults only: one instance under the bare address. */
    BARE
  }

  Expansion {
    keys = List.copyOf(keys);
    values = Map.copyOf(values);
  }

  static Expansion single() {
    return new Expansion(Kind.SINGLE, List.of(""), Map.of(), null);
  }

  static Expansion bare(String reason) {
    return new Expansion(Kind.BARE, List.of(""), Map.of(), reason);
  }

  static Expansion count(int n) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(String.valueOf(i));
    }
    return new Expansion(Kind.COUNT, keys, Map.of(), null);
  }

  static Expansion forEach(Map<String, Node> values) {
    return new Expansion(
        Kind.FOR_EACH, new ArrayList<>(values.keySet()), new LinkedHashMap<>(values), null);
  }

  /** The address suffix of the instance with {@code key}: {@code [0]}, {@code ["k"]} or none. */
  String suffix(String key) {
    return switch (kind) {
      case COUNT -> "[" + key + "]";
      case FOR_EACH -> "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
      default -> "";
    };
  }

  /** {@code count} and {@code each} as the instance with {@code key} sees them. */
  Map<String, Node> names(String key, Origin at) {
    return switch (kind) {
      case SINGLE -> Map.of();
      case COUNT ->
          Map.of("count", object(at, "index", Values.number(new java.math.BigDecimal(key), at)));
      case FOR_EACH -> {
        Node value = values.get(key);
        yield Map.of(
            "each",
            object(
                at,
                "key",
                Values.string(key, at),
                "value",
                value == null ? Values.nullValue(at) : value));
      }
      case BARE -> {
        String why = reason == null ? "the instance is not known" : reason;
        Node unknown = new Unresolved(why, at);
        yield Map.of(
            "count",
            object(at, "index", unknown),
            "each",
            object(at, "key", unknown, "value", unknown));
      }
    };
  }

  /**
   * The value of the whole block as other expressions see it: one instance, a list of instances
   * ({@code count}) or a map of them ({@code for_each}), each a reference to its address.
   */
  Node value(String base, Origin at) {
    return switch (kind) {
      case SINGLE, BARE -> new Node.Reference(base, null, at);
      case COUNT ->
          new ListNode(
              keys.stream()
                  .map(k -> (Node) new Node.Reference(base + suffix(k), null, at))
                  .toList(),
              at);
      case FOR_EACH ->
          new MapNode(
              keys.stream()
                  .map(k -> new Node.Entry(k, at, new Node.Reference(base + suffix(k), null, at)))
                  .toList(),
              at);
    };
  }

  private static MapNode object(Origin at, Object... keyValues) {
    List<Node.Entry> entries = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      entries.add(new Node.Entry((String) keyValues[i], at, (Node) keyValues[i + 1]));
    }
    return new MapNode(entries, at);
  }
}
