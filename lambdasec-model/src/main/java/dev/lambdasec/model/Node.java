package dev.lambdasec.model;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A document tree with an origin on every node: policy documents, and adapter-internal template
 * trees. Intrinsics that an adapter could not evaluate stay visible as {@link Unresolved} or {@link
 * Reference} nodes instead of being guessed.
 */
public sealed interface Node {

  Origin origin();

  /** A scalar as written: a string, number, boolean or null. */
  record Scalar(@Nullable String text, Kind kind, Origin origin) implements Node {
    /** The YAML/JSON type of a scalar. */
    public enum Kind {
      STRING,
      NUMBER,
      BOOLEAN,
      NULL
    }

    public static Scalar string(String text, Origin origin) {
      return new Scalar(text, Kind.STRING, origin);
    }
  }

  /**
   * A mapping. Entries keep their order and their own key origins; duplicate keys are kept, not
   * merged.
   */
  record MapNode(List<Entry> entries, Origin origin) implements Node {
    public MapNode {
      entries = List.copyOf(entries);
    }

    /**
     * The value of the last entry with {@code key}, as JSON and YAML readers commonly resolve it.
     */
    public Optional<Node> get(String key) {
      Node found = null;
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          found = e.value();
        }
      }
      return Optional.ofNullable(found);
    }

    public List<String> keys() {
      return entries.stream().map(Entry::key).toList();
    }
  }

  /** One key of a {@link MapNode}. */
  record Entry(String key, Origin keyOrigin, Node value) {}

  /** A sequence. */
  record ListNode(List<Node> items, Origin origin) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }
  }

  /**
   * A reference to another resource of the same source (CloudFormation {@code Ref}/{@code GetAtt},
   * Terraform {@code aws_iam_role.x.arn}): a specific resource whose physical value is unknown
   * before deployment.
   *
   * @param target the logical id or address of the referenced resource
   * @param attribute the attribute ({@code Arn}, {@code arn}…), or {@code null} for a plain {@code
   *     Ref}
   */
  record Reference(String target, @Nullable String attribute, Origin origin) implements Node {
    /**
     * A placeholder that stands for the referenced value inside strings: {@code
     * ${Target.Attribute}}.
     */
    public String placeholder() {
      return "${" + target + (attribute != null ? "." + attribute : "") + "}";
    }
  }

  /** Something the source sets but lambdasec cannot evaluate; {@code reason} says why. */
  record Unresolved(String reason, Origin origin) implements Node {}
}
