package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Terraform values as {@link Node} trees: strings, numbers, bools and null are scalars, lists,
 * tuples and sets are list nodes, maps and objects map nodes; an attribute of another resource that
 * is known only after apply is a {@link Reference}, anything else lambdasec cannot know {@link
 * Unresolved}. These helpers convert between the HCL types as Terraform does.
 */
final class Values {

  private Values() {}

  static Scalar string(String text, Origin origin) {
    return Scalar.string(text, origin);
  }

  /** Numbers beyond 10^±{@value} are not read: expanding them would take unbounded time. */
  static final int MAX_EXPONENT = 300;

  static Node number(BigDecimal value, Origin origin) {
    if (!inRange(value)) {
      return new Unresolved("the number is beyond 10^" + MAX_EXPONENT, origin);
    }
    return new Scalar(canonical(value), Scalar.Kind.NUMBER, origin);
  }

  private static boolean inRange(BigDecimal value) {
    if (value.signum() == 0) {
      return true;
    }
    long exponent = (long) value.precision() - value.scale() - 1;
    return Math.abs(exponent) <= MAX_EXPONENT;
  }

  static Scalar bool(boolean value, Origin origin) {
    return new Scalar(String.valueOf(value), Scalar.Kind.BOOLEAN, origin);
  }

  static Scalar nullValue(Origin origin) {
    return new Scalar(null, Scalar.Kind.NULL, origin);
  }

  static boolean isNull(@Nullable Node n) {
    return n instanceof Scalar s && s.kind() == Scalar.Kind.NULL;
  }

  /** Whether a value is fully known: no reference or unresolved part anywhere in it. */
  static boolean isKnown(Node n) {
    return switch (n) {
      case Scalar s -> true;
      case MapNode m -> m.entries().stream().allMatch(e -> isKnown(e.value()));
      case ListNode l -> l.items().stream().allMatch(Values::isKnown);
      default -> false;
    };
  }

  /** The first unknown part of a value, to explain why a result is unknown. */
  static Optional<Node> firstUnknown(Node n) {
    return switch (n) {
      case Scalar s -> Optional.empty();
      case MapNode m ->
          m.entries().stream()
              .map(e -> firstUnknown(e.value()))
              .flatMap(Optional::stream)
              .findFirst();
      case ListNode l ->
          l.items().stream().map(Values::firstUnknown).flatMap(Optional::stream).findFirst();
      default -> Optional.of(n);
    };
  }

  /** Why a value is not known, for the reason of an unresolved result. */
  static String why(Node unknown) {
    return switch (unknown) {
      case Reference r -> r.placeholder() + " is known only after apply";
      case Unresolved u -> u.reason();
      default -> "the value is not known";
    };
  }

  /** An unresolved result caused by an unknown operand, at {@code origin}. */
  static Unresolved unknown(Node cause, Origin origin) {
    return new Unresolved(why(firstUnknown(cause).orElse(cause)), origin);
  }

  /** The text of a string, number or bool, as Terraform converts primitives to strings. */
  static Optional<String> text(@Nullable Node n) {
    if (n instanceof Scalar s && s.kind() != Scalar.Kind.NULL && s.text() != null) {
      return Optional.of(s.text());
    }
    return Optional.empty();
  }

  /** A number, converting numeric strings. */
  static Optional<BigDecimal> numberOf(@Nullable Node n) {
    Optional<String> t = text(n);
    if (t.isEmpty() || (n instanceof Scalar s && s.kind() == Scalar.Kind.BOOLEAN)) {
      return Optional.empty();
    }
    try {
      BigDecimal value = new BigDecimal(t.get().strip());
      return inRange(value) ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A bool, converting the strings {@code "true"} and {@code "false"}. */
  static Optional<Boolean> truth(@Nullable Node n) {
    Optional<String> t = text(n);
    if (t.isEmpty() || (n instanceof Scalar s && s.kind() == Scalar.Kind.NUMBER)) {
      return Optional.empty();
    }
    return switch (t.get().toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  static String canonical(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
  }

  /** A key that is equal for equal values, ignoring origins; for {@code ==}, sets and keys. */
  static String key(Node n) {
    return Nodes.content(n);
  }

  /** The same value placed at {@code origin}: a scalar read through a reference. */
  static Node at(Node n, Origin origin) {
    return switch (n) {
      case Scalar s -> new Scalar(s.text(), s.kind(), origin);
      case Reference r -> new Reference(r.target(), r.attribute(), origin);
      case Unresolved u -> new Unresolved(u.reason(), origin);
      default -> n;
    };
  }

  /** The element count of a collection, when it is a collection. */
  static Optional<Integer> size(Node n) {
    return switch (n) {
      case MapNode m -> Optional.of(m.entries().size());
      case ListNode l -> Optional.of(l.items().size());
      default -> Optional.empty();
    };
  }
}
