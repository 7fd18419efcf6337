package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.parse.JsonParser;
import dev.lambdasec.source.iac.parse.ParseException;
import org.jspecify.annotations.Nullable;

/**
 * Policy documents written as JSON text in a template string (CloudFormation accepts both): the
 * text is read as a tree whose origins point into the template, so findings name the template line.
 */
final class EmbeddedJson {

  private static final JsonParser JSON = new JsonParser(1 << 20);

  private EmbeddedJson() {}

  /** {@code node} itself, or the tree of the JSON object it holds as text. */
  static Node policy(Node node) {
    if (!(node instanceof Scalar s) || s.kind() != Scalar.Kind.STRING || s.text() == null) {
      return node;
    }
    String text = s.text();
    if (!text.stripLeading().startsWith("{")) {
      return node;
    }
    Origin at = s.origin();
    try {
      Node tree = JSON.parse(at.file() == null ? "" : at.file(), text);
      if (tree == null) {
        return new Unresolved("empty policy document", at);
      }
      // A multi-line string is a block scalar whose text starts on the line after the indicator.
      int lineOffset = text.contains("\n") ? at.line() : at.line() - 1;
      return shift(tree, at, lineOffset);
    } catch (ParseException e) {
      return new Unresolved("the policy document text is not valid JSON: " + e.getMessage(), at);
    }
  }

  private static Node shift(Node n, Origin base, int lineOffset) {
    Origin o = moved(n.origin(), base, lineOffset);
    return switch (n) {
      case MapNode m ->
          new MapNode(
              m.entries().stream()
                  .map(e ->
                      new Entry(
                          e.key(),
                          moved(e.keyOrigin(), base, lineOffset),
                          shift(e.value(), base, lineOffset)))
                  .toList(),
              o);
      case ListNode l ->
          new ListNode(l.items().stream().map(i -> shift(i, base, lineOffset)).toList(), o);
      case Scalar s -> new Scalar(s.text(), s.kind(), o);
      case Unresolved u -> new Unresolved(u.reason(), o);
      case Node.Reference r -> new Node.Reference(r.target(), r.attribute(), o);
    };
  }

  private static Origin moved(Origin inner, Origin base, int lineOffset) {
    return new Origin(
        base.file(),
        inner.line() + lineOffset,
        inner.column(),
        base.resourceId(),
        join(base.path(), inner.path()));
  }

  private static @Nullable String join(@Nullable String outer, @Nullable String inner) {
    if (outer == null) {
      return inner;
    }
    return inner == null ? outer : outer + inner;
  }
}
