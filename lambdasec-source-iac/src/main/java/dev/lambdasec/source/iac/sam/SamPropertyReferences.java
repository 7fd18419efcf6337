package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.HashMap;
import java.util.Map;

/**
 * SAM's references to the resources it generates: {@code !Ref MyFunction.Alias} and {@code !Ref
 * MyFunction.Version} (also inside {@code Fn::Sub}) stand for the alias and version SAM publishes.
 */
final class SamPropertyReferences {

  private final Map<String, String> targets = new HashMap<>();

  /** Records that {@code reference} ({@code Function.Alias}) stands for {@code logicalId}. */
  void add(String reference, String logicalId) {
    targets.put(reference, logicalId);
  }

  boolean isEmpty() {
    return targets.isEmpty();
  }

  /** The tree with every such reference pointing at the generated resource. */
  Node rewrite(Node node) {
    return switch (node) {
      case MapNode m -> {
        if (Nodes.intrinsicName(m).isPresent()) {
          Entry call = m.entries().getFirst();
          String target = Nodes.text(call.value()).map(targets::get).orElse(null);
          if (call.key().equals("Ref") && target != null) {
            yield Nodes.call("Ref", Nodes.string(target, call.value().origin()), m.origin());
          }
          if (call.key().equals("Fn::Sub")) {
            yield Nodes.call("Fn::Sub", substitute(rewrite(call.value())), m.origin());
          }
        }
        yield new MapNode(
            m.entries().stream()
                .map(e -> new Entry(e.key(), e.keyOrigin(), rewrite(e.value())))
                .toList(),
            m.origin());
      }
      case ListNode l -> new ListNode(l.items().stream().map(this::rewrite).toList(), l.origin());
      default -> node;
    };
  }

  /** The template string of a Fn::Sub with {@code ${Function.Alias}} replaced. */
  private Node substitute(Node argument) {
    if (argument instanceof Scalar s && s.text() != null) {
      String text = s.text();
      for (Map.Entry<String, String> t : targets.entrySet()) {
        text = text.replace("${" + t.getKey() + "}", "${" + t.getValue() + "}");
      }
      return new Scalar(text, s.kind(), s.origin());
    }
    if (argument instanceof ListNode l && !l.items().isEmpty()) {
      java.util.List<Node> items = new java.util.ArrayList<>(l.items());
      items.set(0, substitute(items.getFirst()));
      return new ListNode(items, l.origin());
    }
    return argument;
  }
}
