package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns evaluated property nodes into model values. A property the template omits (or sets to null)
 * takes the AWS default, or is absent, at the origin of the resource; a scalar is set at its own
 * origin; what cannot be known before deployment is unresolved with the reason.
 */
final class Slots {

  private final ResourceIndex index;

  Slots(ResourceIndex index) {
    this.index = index;
  }

  private static boolean isNull(Node n) {
    return n instanceof Scalar s && s.kind() == Scalar.Kind.NULL;
  }

  /** A string property; {@code defaultValue} is what AWS applies when it is omitted. */
  Value<String> string(@Nullable Node n, Origin resource, @Nullable String defaultValue) {
    if (n == null || isNull(n)) {
      return Value.defaulted(defaultValue, resource);
    }
    return switch (n) {
      case Scalar s -> Value.set(String.valueOf(s.text()), s.origin());
      case Reference r -> Value.unresolved(r.origin(), unknown(r));
      case Unresolved u -> Value.unresolved(u.origin(), u.reason());
      default -> Value.unresolved(n.origin(), "expected a string");
    };
  }

  /** An ARN or other identifier: a reference to a resource reads as its placeholder. */
  Value<String> arn(@Nullable Node n, Origin resource) {
    if (n instanceof Reference r) {
      return Value.set(r.placeholder(), r.origin());
    }
    return string(n, resource, null);
  }

  Value<Integer> integer(@Nullable Node n, Origin resource, @Nullable Integer defaultValue) {
    if (n == null || isNull(n)) {
      return Value.defaulted(defaultValue, resource);
    }
    return switch (n) {
      case Scalar s -> parseInt(s);
      case Reference r -> Value.unresolved(r.origin(), unknown(r));
      case Unresolved u -> Value.unresolved(u.origin(), u.reason());
      default -> Value.unresolved(n.origin(), "expected a number");
    };
  }

  private static Value<Integer> parseInt(Scalar s) {
    try {
      return Value.set(
          new BigDecimal(String.valueOf(s.text()).strip()).intValueExact(), s.origin());
    } catch (ArithmeticException | NumberFormatException e) {
      return Value.unresolved(s.origin(), "not a whole number");
    }
  }

  Value<Boolean> bool(@Nullable Node n, Origin resource, @Nullable Boolean defaultValue) {
    if (n == null || isNull(n)) {
      return Value.defaulted(defaultValue, resource);
    }
    return switch (n) {
      case Scalar s -> {
        String t = String.valueOf(s.text()).strip().toLowerCase(Locale.ROOT);
        yield t.equals("true") || t.equals("false")
            ? Value.set(t.equals("true"), s.origin())
            : Value.unresolved(s.origin(), "not a boolean");
      }
      case Reference r -> Value.unresolved(r.origin(), unknown(r));
      case Unresolved u -> Value.unresolved(u.origin(), u.reason());
      default -> Value.unresolved(n.origin(), "expected a boolean");
    };
  }

  /**
   * A reference to another resource: to the resource when it is in the template (by logical id or
   * by its physical name), else the literal ARN or name as written. An empty string is absent.
   */
  Value<Ref> ref(@Nullable Node n, Origin resource, ResourceIndex.Kind kind) {
    if (n == null || isNull(n) || (n instanceof Scalar s && String.valueOf(s.text()).isEmpty())) {
      return Value.absent(resource);
    }
    return switch (n) {
      case Scalar s -> {
        String text = String.valueOf(s.text());
        Ref ref =
            index.byLiteral(kind, text).map(id -> Ref.to(index.key(id))).orElse(Ref.literal(text));
        yield Value.set(ref, s.origin());
      }
      case Reference r -> reference(r, kind);
      case Unresolved u -> Value.unresolved(u.origin(), u.reason());
      default -> Value.unresolved(n.origin(), "expected an ARN or a reference");
    };
  }

  private Value<Ref> reference(Reference r, ResourceIndex.Kind kind) {
    Optional<String> target = index.target(kind, r.target());
    if (target.isPresent()) {
      return Value.set(Ref.to(index.key(target.get())), r.origin());
    }
    if (!r.target().startsWith("AWS::") && index.get(r.target()).isPresent()) {
      return Value.set(Ref.to(index.key(r.target())), r.origin());
    }
    return Value.unresolved(r.origin(), unknown(r));
  }

  /** A list of references; an unknown list becomes one unresolved item. */
  List<Value<Ref>> refs(@Nullable Node n, Origin resource, ResourceIndex.Kind kind) {
    if (n == null || isNull(n)) {
      return List.of();
    }
    if (n instanceof ListNode l) {
      List<Value<Ref>> out = new ArrayList<>();
      for (Node item : l.items()) {
        Value<Ref> v = ref(item, resource, kind);
        if (!v.isAbsent()) {
          out.add(v);
        }
      }
      return out;
    }
    return List.of(ref(n, resource, kind));
  }

  /** A list of strings; absent when omitted. References read as placeholders. */
  Value<List<Value<String>>> strings(@Nullable Node n, Origin resource) {
    if (n == null || isNull(n)) {
      return Value.absent(resource);
    }
    return switch (n) {
      case ListNode l ->
          Value.set(l.items().stream().map(i -> arn(i, resource)).toList(), l.origin());
      case Scalar s -> Value.set(List.of(arn(s, resource)), s.origin());
      case Reference r -> Value.set(List.of(arn(r, resource)), r.origin());
      case Unresolved u -> Value.unresolved(u.origin(), u.reason());
      default -> Value.unresolved(n.origin(), "expected a list");
    };
  }

  /** A map of strings such as environment variables; empty by default. */
  Value<Map<String, Value<String>>> stringMap(@Nullable Node n, Origin resource) {
    if (n == null || isNull(n)) {
      return Value.defaulted(Map.of(), resource);
    }
    return switch (n) {
      case MapNode m -> {
        Map<String, Value<String>> out = new LinkedHashMap<>();
        for (Entry e : m.entries()) {
          out.put(e.key(), stringValue(e.value()));
        }
        yield Value.set(out, m.origin());
      }
      case Unresolved u -> Value.unresolved(u.origin(), u.reason());
      default -> Value.unresolved(n.origin(), "expected a map");
    };
  }

  /** A value inside a map: a reference reads as unresolved, a null as an empty string. */
  private Value<String> stringValue(Node n) {
    if (isNull(n)) {
      return Value.set("", n.origin());
    }
    return string(n, n.origin(), null);
  }

  /** Tags as a CloudFormation list of {@code {Key, Value}}, or as a map; empty by default. */
  Value<Map<String, Value<String>>> tags(@Nullable Node n, Origin resource) {
    if (n instanceof ListNode l) {
      Map<String, Value<String>> out = new LinkedHashMap<>();
      for (Node item : l.items()) {
        Optional<String> key = Nodes.text(Nodes.get(item, "Key"));
        Node value = Nodes.get(item, "Value");
        if (key.isPresent()) {
          out.put(key.get(), value == null ? Value.set("", item.origin()) : stringValue(value));
        }
      }
      return Value.set(out, l.origin());
    }
    return stringMap(n, resource);
  }

  /** A policy document property; absent when omitted, kept unresolved inside when unknown. */
  Value<PolicyDocument> policy(String name, @Nullable Node n, Origin resource) {
    if (n == null || isNull(n)) {
      return Value.absent(resource);
    }
    return Value.set(new PolicyDocument(name, EmbeddedJson.policy(n)), n.origin());
  }

  static String unknown(Reference r) {
    return r.placeholder() + " is known only after deployment";
  }
}
