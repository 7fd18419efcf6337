package dev.lambdasec.source.iac.terraform.mapping;

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
import dev.lambdasec.source.iac.terraform.mapping.ResourceIndex.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns Terraform values into model values. An attribute the resource omits (or sets to null) takes
 * the provider's default, or is absent, at the origin of the resource; a scalar is set at its own
 * origin; a reference to another resource's attribute that apply computes is a {@link Ref} to that
 * resource where a reference is expected, and unresolved where a value is.
 */
final class Slots {

  private final ResourceIndex index;

  Slots(ResourceIndex index) {
    this.index = index;
  }

  /** Omitted, or set to null: the provider applies its default. */
  static boolean isAbsent(@Nullable Node n) {
    return n == null || (n instanceof Scalar s && s.kind() == Scalar.Kind.NULL);
  }

  static String unknown(Reference r) {
    return r.placeholder() + " is known only after apply";
  }

  /** Written with a value: not omitted, not null, not an empty list of blocks. */
  static boolean isStated(@Nullable Node n) {
    return n != null && !isAbsent(n) && !(n instanceof ListNode l && l.items().isEmpty());
  }

  /** A string attribute; {@code defaultValue} is what the provider applies when it is omitted. */
  Value<String> string(@Nullable Node n, Origin resource, @Nullable String defaultValue) {
    if (n == null || isAbsent(n)) {
      return Value.defaulted(defaultValue, resource);
    }
    return switch (n) {
      case Scalar s -> Value.set(String.valueOf(s.text()), s.origin());
      case Reference r -> Value.unresolved(r.origin(), unknown(r));
      case Unresolved u -> Value.unresolved(u.origin(), u.reason());
      default -> Value.unresolved(n.origin(), "expected a string");
    };
  }

  /** An identifier such as an ARN: a reference reads as its placeholder. */
  Value<String> arn(@Nullable Node n, Origin resource) {
    if (n instanceof Reference r) {
      return Value.set(r.placeholder(), r.origin());
    }
    return string(n, resource, null);
  }

  Value<Integer> integer(@Nullable Node n, Origin resource, @Nullable Integer defaultValue) {
    if (n == null || isAbsent(n)) {
      return Value.defaulted(defaultValue, resource);
    }
    return switch (n) {
      case Scalar s -> {
        try {
          yield Value.set(
              new BigDecimal(String.valueOf(s.text()).strip()).intValueExact(), s.origin());
        } catch (ArithmeticException | NumberFormatException e) {
          yield Value.unresolved(s.origin(), "not a whole number");
        }
      }
      case Reference r -> Value.unresolved(r.origin(), unknown(r));
      case Unresolved u -> Value.unresolved(u.origin(), u.reason());
      default -> Value.unresolved(n.origin(), "expected a number");
    };
  }

  Value<Boolean> bool(@Nullable Node n, Origin resource, @Nullable Boolean defaultValue) {
    if (n == null || isAbsent(n)) {
      return Value.defaulted(defaultValue, resource);
    }
    return switch (n) {
      case Scalar s -> {
        String t = String.valueOf(s.text()).strip().toLowerCase(Locale.ROOT);
        yield t.equals("true") || t.equals("false")
            ? Value.set(t.equals("true"), s.origin())
            : Value.unresolved(s.origin(), "not a bool");
      }
      case Reference r -> Value.unresolved(r.origin(), unknown(r));
      case Unresolved u -> Value.unresolved(u.origin(), u.reason());
      default -> Value.unresolved(n.origin(), "expected a bool");
    };
  }

  /**
   * A reference to another resource: to the resource when the configuration declares it (by
   * address, name or ARN), else the literal as written. An empty string is absent.
   */
  Value<Ref> ref(@Nullable Node n, Origin resource, Kind kind) {
    if (n == null || isAbsent(n) || (n instanceof Scalar s && String.valueOf(s.text()).isEmpty())) {
      return Value.absent(resource);
    }
    return switch (n) {
      case Scalar s -> {
        Optional<String> target = index.target(kind, s);
        yield Value.set(
            target.map(a -> Ref.to(index.key(a))).orElse(Ref.literal(String.valueOf(s.text()))),
            s.origin());
      }
      case Reference r -> {
        Optional<String> target = index.target(kind, r);
        if (target.isPresent()) {
          yield Value.set(Ref.to(index.key(target.get())), r.origin());
        }
        yield Value.unresolved(r.origin(), unknown(r));
      }
      case Unresolved u -> Value.unresolved(u.origin(), u.reason());
      default -> Value.unresolved(n.origin(), "expected an ARN or a reference");
    };
  }

  /** A list of references; an unknown list becomes one unresolved item. */
  List<Value<Ref>> refs(@Nullable Node n, Origin resource, Kind kind) {
    if (n == null || isAbsent(n)) {
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
    if (n == null || isAbsent(n)) {
      return Value.absent(resource);
    }
    return switch (n) {
      case ListNode l ->
          Value.set(l.items().stream().map(i -> arn(i, resource)).toList(), l.origin());
      case Scalar s -> Value.set(List.of(arn(s, resource)), s.origin());
      case Reference r -> Value.unresolved(r.origin(), unknown(r));
      case Unresolved u -> Value.unresolved(u.origin(), u.reason());
      default -> Value.unresolved(n.origin(), "expected a list");
    };
  }

  /** A map of strings, such as environment variables or tags; empty by default. */
  Value<Map<String, Value<String>>> stringMap(@Nullable Node n, Origin resource) {
    if (n == null || isAbsent(n)) {
      return Value.defaulted(Map.of(), resource);
    }
    return switch (n) {
      case MapNode m -> {
        Map<String, Value<String>> out = new LinkedHashMap<>();
        for (Entry e : m.entries()) {
          out.put(
              e.key(),
              isAbsent(e.value())
                  ? Value.set("", e.value().origin())
                  : string(e.value(), e.value().origin(), null));
        }
        yield Value.set(out, m.origin());
      }
      case Reference r -> Value.unresolved(r.origin(), unknown(r));
      case Unresolved u -> Value.unresolved(u.origin(), u.reason());
      default -> Value.unresolved(n.origin(), "expected a map");
    };
  }

  /** A policy attribute; absent when omitted. */
  Value<PolicyDocument> policy(String name, @Nullable Node n, Origin resource) {
    if (n == null || isAbsent(n)) {
      return Value.absent(resource);
    }
    Node document = document(n, resource);
    return Value.set(new PolicyDocument(name, document), document.origin());
  }

  /**
   * A policy as a tree: written as an object ({@code jsonencode}, a policy document data source) or
   * as JSON text (a heredoc, a string, {@code file()}), read where the text is written.
   */
  static Node document(@Nullable Node n, Origin resource) {
    if (n == null || isAbsent(n)) {
      return new Unresolved("no policy", resource);
    }
    return switch (n) {
      case Scalar s when s.kind() == Scalar.Kind.STRING && s.text() != null -> text(s);
      case Reference r -> new Unresolved(unknown(r), r.origin());
      case Scalar s -> new Unresolved("the policy is not a JSON document", s.origin());
      default -> n;
    };
  }

  private static Node text(Scalar s) {
    String text = String.valueOf(s.text());
    if (!text.stripLeading().startsWith("{")) {
      return new Unresolved("the policy is not a JSON document", s.origin());
    }
    return JsonText.read(text, s.origin());
  }
}
