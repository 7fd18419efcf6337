package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Small helpers to read and build {@link Node} trees. */
public final class Nodes {

  private Nodes() {}

  /** The value of {@code key} when {@code node} is a map that has it (the last entry wins). */
  public static @Nullable Node get(@Nullable Node node, String key) {
    return node instanceof MapNode m ? m.get(key).orElse(null) : null;
  }

  /** The value at a path of map keys. */
  public static @Nullable Node at(@Nullable Node node, String... keys) {
    Node current = node;
    for (String key : keys) {
      current = get(current, key);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  /** The text of a non-null scalar. */
  public static Optional<String> text(@Nullable Node node) {
    return node instanceof Scalar s && s.text() != null ? Optional.of(s.text()) : Optional.empty();
  }

  /** The text of a scalar at a key. */
  public static Optional<String> text(@Nullable Node node, String key) {
    return text(get(node, key));
  }

  /** The items of a list, or the node itself as a one-item list; empty for {@code null}. */
  public static List<Node> items(@Nullable Node node) {
    if (node == null) {
      return List.of();
    }
    return node instanceof ListNode l ? l.items() : List.of(node);
  }

  /** Whether the node is a one-key map {@code {Ref: …}} or {@code {Fn::…: …}}. */
  public static boolean isIntrinsic(@Nullable Node node) {
    return intrinsicName(node).isPresent();
  }

  /** The function name of an intrinsic node: {@code Ref} or {@code Fn::…}. */
  public static Optional<String> intrinsicName(@Nullable Node node) {
    if (node instanceof MapNode m && m.entries().size() == 1) {
      String key = m.entries().getFirst().key();
      if (key.equals("Ref") || key.startsWith("Fn::")) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** A one-entry map, the shape of an intrinsic function call. */
  public static MapNode call(String function, Node argument, Origin origin) {
    return new MapNode(List.of(new Entry(function, origin, argument)), origin);
  }

  /** {@code {Ref: id}}. */
  public static MapNode ref(String id, Origin origin) {
    return call("Ref", string(id, origin), origin);
  }

  /** {@code {Fn::GetAtt: [id, attribute]}}. */
  public static MapNode getAtt(String id, String attribute, Origin origin) {
    return call("Fn::GetAtt", list(origin, string(id, origin), string(attribute, origin)), origin);
  }

  /** {@code {Fn::Sub: text}}. */
  public static MapNode sub(String text, Origin origin) {
    return call("Fn::Sub", string(text, origin), origin);
  }

  /** {@code {Fn::Sub: [text, variables]}}. */
  public static MapNode sub(String text, MapNode variables, Origin origin) {
    return call("Fn::Sub", list(origin, string(text, origin), variables), origin);
  }

  /** A text form of a tree's content, ignoring origins; for comparing generated documents. */
  public static String content(@Nullable Node node) {
    return switch (node) {
      case null -> "null";
      case Scalar s -> s.kind() + ":" + s.text();
      case MapNode m -> {
        StringBuilder b = new StringBuilder("{");
        m.entries()
            .forEach(e -> b.append(e.key()).append('=').append(content(e.value())).append(','));
        yield b.append('}').toString();
      }
      case ListNode l -> {
        StringBuilder b = new StringBuilder("[");
        l.items().forEach(i -> b.append(content(i)).append(','));
        yield b.append(']').toString();
      }
      case Node.Reference r -> "ref:" + r.placeholder();
      case Node.Unresolved u -> "unresolved:" + u.reason();
    };
  }

  public static Scalar string(String text, Origin origin) {
    return Scalar.string(text, origin);
  }

  public static Scalar bool(boolean value, Origin origin) {
    return new Scalar(String.valueOf(value), Scalar.Kind.BOOLEAN, origin);
  }

  public static ListNode list(Origin origin, Node... items) {
    return new ListNode(List.of(items), origin);
  }

  public static ListNode list(List<? extends Node> items, Origin origin) {
    return new ListNode(List.copyOf(items), origin);
  }

  /** Starts a map whose entries all carry {@code origin}. */
  public static MapBuilder map(Origin origin) {
    return new MapBuilder(origin);
  }

  /** The number of nodes in a tree. */
  public static long size(Node node) {
    return switch (node) {
      case MapNode m -> 1 + m.entries().stream().mapToLong(e -> size(e.value())).sum();
      case ListNode l -> 1 + l.items().stream().mapToLong(Nodes::size).sum();
      default -> 1;
    };
  }

  /** The same tree with every node placed at {@code origin}. */
  public static Node reorigin(Node node, Origin origin) {
    return switch (node) {
      case Scalar s -> new Scalar(s.text(), s.kind(), origin);
      case MapNode m -> {
        List<Entry> entries = new ArrayList<>();
        for (Entry e : m.entries()) {
          entries.add(new Entry(e.key(), origin, reorigin(e.value(), origin)));
        }
        yield new MapNode(entries, origin);
      }
      case ListNode l ->
          new ListNode(l.items().stream().map(i -> reorigin(i, origin)).toList(), origin);
      case Node.Reference r -> new Node.Reference(r.target(), r.attribute(), origin);
      case Node.Unresolved u -> new Node.Unresolved(u.reason(), origin);
    };
  }

  /** A map with {@code key} set to {@code value}, replacing earlier entries of that key. */
  public static MapNode with(MapNode map, String key, Node value) {
    List<Entry> entries = new ArrayList<>();
    for (Entry e : map.entries()) {
      if (!e.key().equals(key)) {
        entries.add(e);
      }
    }
    entries.add(new Entry(key, value.origin(), value));
    return new MapNode(entries, map.origin());
  }

  /** Builds a {@link MapNode} entry by entry; {@code null} values are skipped. */
  public static final class MapBuilder {
    private final Origin origin;
    private final List<Entry> entries = new ArrayList<>();

    private MapBuilder(Origin origin) {
      this.origin = origin;
    }

    public MapBuilder put(String key, @Nullable Node value) {
      if (value != null) {
        entries.add(new Entry(key, value.origin(), value));
      }
      return this;
    }

    public MapBuilder put(String key, String text) {
      return put(key, Scalar.string(text, origin));
    }

    public MapNode build() {
      return new MapNode(entries, origin);
    }
  }
}
