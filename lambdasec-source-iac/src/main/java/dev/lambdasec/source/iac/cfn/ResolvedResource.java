package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.ResourceKey;
import org.jspecify.annotations.Nullable;

/**
 * A resource whose properties have been evaluated, ready for mapping.
 *
 * @param properties the evaluated properties: a map, or {@link Unresolved} when the whole map is
 *     built by something lambdasec cannot evaluate
 */
record ResolvedResource(
    String id,
    String type,
    String modelType,
    Node properties,
    Origin origin,
    @Nullable String definedBy) {

  /**
   * The property at a path of keys; {@code null} when the template omits it, an {@link Unresolved}
   * node when an enclosing value is unknown.
   */
  @Nullable Node get(String... path) {
    return at(properties, path);
  }

  /** The value at a path below {@code node}, with the same rules as {@link #get}. */
  static @Nullable Node at(@Nullable Node node, String... path) {
    Node current = node;
    for (String key : path) {
      switch (current) {
        case null -> {
          return null;
        }
        case Unresolved u -> {
          return u;
        }
        case Reference r -> {
          return new Unresolved(r.placeholder() + " is known only after deployment", r.origin());
        }
        case MapNode m -> current = m.get(key).orElse(null);
        default -> {
          return null;
        }
      }
    }
    return current;
  }

  Meta meta(String scope) {
    return new Meta(new ResourceKey(scope, id), modelType, origin, definedBy);
  }
}
