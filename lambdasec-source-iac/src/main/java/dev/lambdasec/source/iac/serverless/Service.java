package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A service with its variables resolved: the sections the expansion reads, the stage and region,
 * and how names are built from them.
 *
 * @param config the resolved service
 * @param stage {@code --stage}, {@code provider.stage} or {@code dev}
 * @param region {@code --region}, {@code provider.region} or {@code us-east-1}
 */
record Service(MapNode config, Node stage, Node region) {

  /** {@code service}, or {@code service.name} in the old map form. */
  Node name() {
    Node service = config.get("service").orElse(null);
    Node named = Nodes.get(service, "name");
    Node name = named != null ? named : service;
    return name == null ? new Unresolved("the service has no name", config.origin()) : name;
  }

  MapNode provider() {
    return config.get("provider").orElse(null) instanceof MapNode m
        ? m
        : Nodes.map(config.origin()).build();
  }

  /** A provider setting at a path of keys. */
  @Nullable Node provider(String... path) {
    return Nodes.at(provider(), path);
  }

  /** The origin of a provider key as written, else of the provider. */
  Origin providerOrigin(String key) {
    for (Node.Entry e : provider().entries()) {
      if (e.key().equals(key)) {
        return e.keyOrigin();
      }
    }
    return provider().origin();
  }

  MapNode section(String key) {
    return config.get(key).orElse(null) instanceof MapNode m
        ? m
        : Nodes.map(config.origin()).build();
  }

  /** The text of a resolved value, when it is a known scalar. */
  static Optional<String> text(@Nullable Node node) {
    return node instanceof Scalar s && s.kind() != Scalar.Kind.NULL
        ? Nodes.text(node)
        : Optional.empty();
  }

  /** Whether a resolved value is {@code true} (YAML or string). */
  static boolean isTrue(@Nullable Node node) {
    return text(node)
        .map(t -> t.strip().toLowerCase(Locale.ROOT))
        .filter("true"::equals)
        .isPresent();
  }

  /**
   * Text joined from literal strings and resolved values; a value known only at deployment becomes
   * its placeholder, an unresolved one makes the whole text unresolved.
   */
  static Node join(Origin at, Object... parts) {
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      switch (part) {
        case String s -> out.append(s);
        case Scalar s -> out.append(s.text() == null ? "" : s.text());
        case Reference r -> out.append(r.placeholder());
        case Unresolved u -> {
          return new Unresolved(u.reason(), at);
        }
        case Node n -> {
          return new Unresolved("a name part is not a string", n.origin());
        }
        default -> throw new IllegalArgumentException("not a name part: " + part.getClass());
      }
    }
    return Scalar.string(out.toString(), at);
  }

  /** {@code <service>-<stage>}, the prefix of every default name. */
  Node prefix(Origin at) {
    return join(at, name(), "-", stage());
  }

  /** The value of the function setting, else of the provider setting. */
  @Nullable Node inherited(MapNode function, String key, String... providerPath) {
    Node own = function.get(key).orElse(null);
    if (own != null && !(own instanceof Scalar s && s.kind() == Scalar.Kind.NULL)) {
      return own;
    }
    return provider(providerPath.length == 0 ? new String[] {key} : providerPath);
  }

  /** A single value as a one-item list; lists stay. */
  static List<Node> items(@Nullable Node node) {
    return Nodes.items(node);
  }
}
