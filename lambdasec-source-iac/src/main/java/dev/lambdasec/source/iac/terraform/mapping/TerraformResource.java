package dev.lambdasec.source.iac.terraform.mapping;

import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import org.jspecify.annotations.Nullable;

/**
 * One managed resource instance with its values: attributes by name, nested blocks as lists of maps
 * (as in a plan's JSON). Values the configuration does not state are missing; values known only
 * after apply are {@link Reference} or {@link Unresolved} nodes.
 *
 * @param address the Terraform address, such as {@code module.api.aws_lambda_function.fn[0]}
 * @param type the resource type, such as {@code aws_lambda_function}
 * @param origin where the resource is declared
 */
public record TerraformResource(String address, String type, MapNode body, Origin origin) {

  /**
   * The value at a path of attribute and block names; a block is read as its first item. {@code
   * null} when the resource does not state it, an {@link Unresolved} node when an enclosing value
   * is not known.
   */
  @Nullable Node get(String... path) {
    return at(body, path);
  }

  static @Nullable Node at(@Nullable Node node, String... path) {
    Node current = node;
    for (String key : path) {
      current = single(current);
      switch (current) {
        case null -> {
          return null;
        }
        case Unresolved u -> {
          return u;
        }
        case Reference r -> {
          return new Unresolved(r.placeholder() + " is known only after apply", r.origin());
        }
        case MapNode m -> current = m.get(key).orElse(null);
        default -> {
          return null;
        }
      }
    }
    return current;
  }

  /** A nested block written once is a one-item list; its item. */
  static @Nullable Node single(@Nullable Node n) {
    if (n instanceof ListNode l) {
      return l.items().isEmpty() ? null : l.items().getFirst();
    }
    return n;
  }

  Meta meta(String scope) {
    return Meta.of(scope, address, type, origin);
  }
}
