package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * SAM policy templates ({@code S3ReadPolicy: {BucketName: …}}): the bundled definitions with the
 * template's parameters replaced by the values the author gave, which may be intrinsics.
 */
final class PolicyTemplates {

  private static final MapNode TEMPLATES = templates();

  private PolicyTemplates() {}

  private static MapNode templates() {
    Node templates = BundledData.read("policy_templates.json").get("Templates").orElse(null);
    if (templates instanceof MapNode m) {
      return m;
    }
    throw new IllegalStateException("policy_templates.json has no Templates");
  }

  static boolean has(String name) {
    return TEMPLATES.get(name).isPresent();
  }

  /** The outcome of expanding a template: the policy document, or the missing parameters. */
  record Expansion(Optional<MapNode> document, Set<String> missing) {}

  /**
   * The policy document of template {@code name} with {@code values} substituted; every node the
   * template contributes is placed at {@code at}, the values keep their own origins.
   */
  static Expansion expand(String name, Node values, Origin at) {
    Node template = TEMPLATES.get(name).orElseThrow();
    Set<String> parameters = new TreeSet<>();
    if (Nodes.get(template, "Parameters") instanceof MapNode declared) {
      parameters.addAll(declared.keys());
    }
    Set<String> missing = new TreeSet<>();
    for (String p : parameters) {
      if (Nodes.get(values, p) == null) {
        missing.add(p);
      }
    }
    Node definition = Nodes.get(template, "Definition");
    if (!missing.isEmpty() || !(definition instanceof MapNode)) {
      return new Expansion(Optional.empty(), missing);
    }
    Node substituted = substitute(definition, parameters, values, at);
    return new Expansion(Optional.of((MapNode) substituted), missing);
  }

  private static Node substitute(Node node, Set<String> parameters, Node values, Origin at) {
    return switch (node) {
      case MapNode m -> {
        if (m.entries().size() == 1
            && m.entries().getFirst().key().equals("Ref")
            && Nodes.text(m.entries().getFirst().value())
                .filter(parameters::contains)
                .isPresent()) {
          String parameter = Nodes.text(m.entries().getFirst().value()).orElseThrow();
          Node value = Nodes.get(values, parameter);
          yield value != null ? value : Nodes.reorigin(m, at);
        }
        List<Entry> entries = new ArrayList<>();
        for (Entry e : m.entries()) {
          entries.add(new Entry(e.key(), at, substitute(e.value(), parameters, values, at)));
        }
        yield new MapNode(entries, at);
      }
      case ListNode l -> {
        List<Node> items = new ArrayList<>();
        for (Node item : l.items()) {
          items.add(substitute(item, parameters, values, at));
        }
        yield new ListNode(items, at);
      }
      default -> Nodes.reorigin(node, at);
    };
  }
}
