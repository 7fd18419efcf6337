package dev.lambdasec.source.iac.terraform.mapping;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.parse.JsonParser;
import dev.lambdasec.source.iac.parse.ParseException;
import java.util.Optional;

/**
 * JSON text and value trees: {@code jsonencode} output, and policy documents written as JSON text
 * (heredocs, quoted strings, {@code file()}, plan values), read into trees whose origins point into
 * the file that holds the text. A text without line information (origin line 0, as in a plan) keeps
 * the origin of the text for every node.
 */
public final class JsonText {

  private static final JsonParser PARSER = new JsonParser(20 << 20);

  private JsonText() {}

  /**
   * The JSON text of a value; references become their placeholders inside strings. Empty when a
   * part is unresolved.
   */
  public static Optional<String> write(Node n) {
    StringBuilder b = new StringBuilder();
    return write(n, b) ? Optional.of(b.toString()) : Optional.empty();
  }

  private static boolean write(Node n, StringBuilder b) {
    switch (n) {
      case Scalar s -> {
        switch (s.kind()) {
          case STRING -> quote(String.valueOf(s.text()), b);
          case NULL -> b.append("null");
          default -> b.append(s.text());
        }
      }
      case Reference r -> quote(r.placeholder(), b);
      case MapNode m -> {
        b.append('{');
        boolean first = true;
        for (Entry e : m.entries()) {
          if (!first) {
            b.append(',');
          }
          first = false;
          quote(e.key(), b);
          b.append(':');
          if (!write(e.value(), b)) {
            return false;
          }
        }
        b.append('}');
      }
      case ListNode l -> {
        b.append('[');
        for (int i = 0; i < l.items().size(); i++) {
          if (i > 0) {
            b.append(',');
          }
          if (!write(l.items().get(i), b)) {
            return false;
          }
        }
        b.append(']');
      }
      case Unresolved u -> {
        return false;
      }
    }
    return true;
  }

  private static void quote(String text, StringBuilder b) {
    b.append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /**
   * The tree of a JSON text whose first character is at {@code at}, with the text's lines taken as
   * lines of that file; unresolved when the text is not JSON.
   */
  public static Node read(String text, Origin at) {
    try {
      Node tree = PARSER.parse(at.file() == null ? "" : at.file(), text);
      if (tree == null) {
        return new Unresolved("the JSON text is empty", at);
      }
      return place(tree, at);
    } catch (ParseException e) {
      return new Unresolved("the text is not valid JSON: " + e.getMessage(), at);
    }
  }

  private static Node place(Node n, Origin base) {
    Origin o = moved(n.origin(), base);
    return switch (n) {
      case MapNode m ->
          new MapNode(
              m.entries().stream()
                  .map(e -> new Entry(e.key(), moved(e.keyOrigin(), base), place(e.value(), base)))
                  .toList(),
              o);
      case ListNode l -> new ListNode(l.items().stream().map(i -> place(i, base)).toList(), o);
      case Scalar s -> new Scalar(s.text(), s.kind(), o);
      case Unresolved u -> new Unresolved(u.reason(), o);
      case Reference r -> new Reference(r.target(), r.attribute(), o);
    };
  }

  private static Origin moved(Origin inner, Origin base) {
    if (base.line() <= 0) {
      return base;
    }
    int line = base.line() + inner.line() - 1;
    int column = inner.line() == 1 ? base.column() + inner.column() - 1 : inner.column();
    return new Origin(base.file(), line, column, base.resourceId(), null);
  }
}
