package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites {@code Ref}, {@code Fn::GetAtt} and {@code Fn::Sub} references to the framework's
 * logical ids of functions ({@code HelloLambdaFunction}) so that they name the function's id in the
 * model ({@code hello}).
 */
final class ReferenceRewriter {

  private final Map<String, String> targets;

  ReferenceRewriter(Map<String, String> targets) {
    this.targets = targets;
  }

  Node rewrite(Node node) {
    if (targets.isEmpty()) {
      return node;
    }
    return switch (node) {
      case MapNode m -> {
        Optional<String> fn = Nodes.intrinsicName(m);
        if (fn.isPresent()) {
          Entry call = m.entries().getFirst();
          Node argument =
              switch (fn.get()) {
                case "Ref" -> renamed(call.value());
                case "Fn::GetAtt" -> getAtt(call.value());
                case "Fn::Sub" -> sub(rewrite(call.value()));
                default -> rewrite(call.value());
              };
          yield new MapNode(List.of(new Entry(call.key(), call.keyOrigin(), argument)), m.origin());
        }
        List<Entry> entries = new ArrayList<>();
        for (Entry e : m.entries()) {
          entries.add(new Entry(e.key(), e.keyOrigin(), rewrite(e.value())));
        }
        yield new MapNode(entries, m.origin());
      }
      case ListNode l -> new ListNode(l.items().stream().map(this::rewrite).toList(), l.origin());
      default -> node;
    };
  }

  private Node renamed(Node name) {
    if (name instanceof Scalar s && s.text() != null && targets.containsKey(s.text())) {
      return new Scalar(targets.get(s.text()), s.kind(), s.origin());
    }
    return name;
  }

  /** {@code [Target, Attribute]} or {@code Target.Attribute}. */
  private Node getAtt(Node argument) {
    if (argument instanceof ListNode l && !l.items().isEmpty()) {
      List<Node> items = new ArrayList<>(l.items());
      items.set(0, renamed(items.getFirst()));
      return new ListNode(items, l.origin());
    }
    if (argument instanceof Scalar s && s.text() != null && s.text().contains(".")) {
      int dot = s.text().indexOf('.');
      String target = s.text().substring(0, dot);
      String to = targets.get(target);
      return to == null ? s : new Scalar(to + s.text().substring(dot), s.kind(), s.origin());
    }
    return argument;
  }

  /**
   * The template string of a {@code Fn::Sub} with {@code ${Target}} and {@code ${Target.X}}
   * renamed.
   */
  private Node sub(Node argument) {
    if (argument instanceof Scalar s && s.text() != null) {
      String text = s.text();
      for (Map.Entry<String, String> t : targets.entrySet()) {
        text =
            text.replace("${" + t.getKey() + "}", "${" + t.getValue() + "}")
                .replace("${" + t.getKey() + ".", "${" + t.getValue() + ".");
      }
      return new Scalar(text, s.kind(), s.origin());
    }
    if (argument instanceof ListNode l && !l.items().isEmpty()) {
      List<Node> items = new ArrayList<>(l.items());
      items.set(0, sub(items.getFirst()));
      return new ListNode(items, l.origin());
    }
    return argument;
  }
}
