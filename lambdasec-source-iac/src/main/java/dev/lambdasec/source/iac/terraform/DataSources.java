package dev.lambdasec.source.iac.terraform;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.terraform.mapping.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What data sources give that lambdasec can know before apply: the policy an {@code
 * aws_iam_policy_document} renders (as a tree whose statements point at the blocks that wrote
 * them), and the account, region and partition, which read as the same placeholders every source
 * uses ({@code ${AWS::AccountId}}, {@code ${AWS::Region}}).
 */
final class DataSources {

  private static final String VERSION = "2012-10-17";

  private DataSources() {}

  /** The body of a data instance with the attributes its type computes. */
  static MapNode complete(Instance instance, MapNode body, Origin at) {
    Map<String, Node> computed = new LinkedHashMap<>();
    switch (instance.type()) {
      case "aws_iam_policy_document" -> {
        Node document = policyDocument(body, at);
        computed.put("json", document);
        computed.put("minified_json", document);
      }
      case "aws_caller_identity" ->
          computed.put("account_id", new Reference("AWS::AccountId", null, at));
      case "aws_region" -> {
        Node region = new Reference("AWS::Region", null, at);
        computed.put("name", region);
        computed.put("region", region);
        computed.put("id", region);
      }
      case "aws_partition" -> {
        computed.put("partition", Values.string("aws", at));
        computed.put("id", Values.string("aws", at));
        computed.put("dns_suffix", Values.string("amazonaws.com", at));
      }
      default -> {
        // other data sources are read from the account at plan time
      }
    }
    if (computed.isEmpty()) {
      return body;
    }
    List<Entry> entries = new ArrayList<>(body.entries());
    computed.forEach((k, v) -> {
      if (body.get(k).isEmpty()) {
        entries.add(new Entry(k, at, v));
      }
    });
    return new MapNode(entries, body.origin());
  }

  /** The policy an {@code aws_iam_policy_document} renders, merged with its source documents. */
  static Node policyDocument(MapNode body, Origin at) {
    List<Node> statements = new ArrayList<>();
    for (Node source : Nodes.items(body.get("source_policy_documents").orElse(null))) {
      Optional<List<Node>> from = statementsOf(source);
      if (from.isEmpty()) {
        return new Unresolved("a source policy document is not known", source.origin());
      }
      statements.addAll(from.get());
    }
    for (Node block : Nodes.items(body.get("statement").orElse(null))) {
      merge(statements, block instanceof MapNode m ? statement(m) : block);
    }
    for (Node override : Nodes.items(body.get("override_policy_documents").orElse(null))) {
      Optional<List<Node>> from = statementsOf(override);
      if (from.isEmpty()) {
        return new Unresolved("an override policy document is not known", override.origin());
      }
      from.get().forEach(s -> merge(statements, s));
    }
    Nodes.MapBuilder doc = Nodes.map(at);
    doc.put(
        "Version",
        body.get("version").filter(v -> !Values.isNull(v)).orElse(Values.string(VERSION, at)));
    body.get("policy_id").filter(v -> !Values.isNull(v)).ifPresent(v -> doc.put("Id", v));
    doc.put("Statement", new ListNode(statements, at));
    return doc.build();
  }

  /** Adds a statement, replacing an earlier one with the same {@code Sid}. */
  private static void merge(List<Node> statements, Node statement) {
    Optional<String> sid = Values.text(Nodes.get(statement, "Sid"));
    if (sid.isPresent() && !sid.get().isEmpty()) {
      for (int i = 0; i < statements.size(); i++) {
        if (Values.text(Nodes.get(statements.get(i), "Sid"))
            .filter(sid.get()::equals)
            .isPresent()) {
          statements.set(i, statement);
          return;
        }
      }
    }
    statements.add(statement);
  }

  private static Optional<List<Node>> statementsOf(Node document) {
    Node tree = document;
    if (Values.text(document).isPresent()) {
      tree = JsonText.read(Values.text(document).orElseThrow(), document.origin());
    }
    if (!(tree instanceof MapNode m)) {
      return Optional.empty();
    }
    return Optional.of(Nodes.items(m.get("Statement").orElse(null)));
  }

  private static Node statement(MapNode block) {
    Origin at = block.origin();
    Nodes.MapBuilder s = Nodes.map(at);
    present(block, "sid")
        .filter(v -> Values.text(v).filter(t -> !t.isEmpty()).isPresent())
        .ifPresent(v -> s.put("Sid", v));
    s.put("Effect", present(block, "effect").orElse(Values.string("Allow", at)));
    present(block, "actions").ifPresent(v -> s.put("Action", v));
    present(block, "not_actions").ifPresent(v -> s.put("NotAction", v));
    present(block, "resources").ifPresent(v -> s.put("Resource", v));
    present(block, "not_resources").ifPresent(v -> s.put("NotResource", v));
    present(block, "principals").ifPresent(v -> s.put("Principal", principals(v)));
    present(block, "not_principals").ifPresent(v -> s.put("NotPrincipal", principals(v)));
    present(block, "condition").ifPresent(v -> s.put("Condition", conditions(v)));
    return s.build();
  }

  private static Optional<Node> present(MapNode block, String key) {
    return block.get(key).filter(v -> !Values.isNull(v));
  }

  /** {@code principals {type, identifiers}} blocks as a JSON {@code Principal}. */
  private static Node principals(Node blocks) {
    Map<String, List<Node>> byType = new LinkedHashMap<>();
    Origin first = blocks.origin();
    for (Node block : Nodes.items(blocks)) {
      Optional<String> type = Values.text(Nodes.get(block, "type"));
      if (type.isEmpty()) {
        return new Unresolved("a principal type is not known", block.origin());
      }
      Node ids = Nodes.get(block, "identifiers");
      if (type.get().equals("*")) {
        return Values.string("*", block.origin());
      }
      List<Node> list = byType.computeIfAbsent(type.get(), k -> new ArrayList<>());
      if (ids instanceof Unresolved || ids instanceof Reference) {
        list.add(ids);
      } else {
        list.addAll(Nodes.items(ids));
      }
    }
    Nodes.MapBuilder out = Nodes.map(first);
    byType.forEach((type, ids) -> out.put(type, new ListNode(ids, first)));
    return out.build();
  }

  /** {@code condition {test, variable, values}} blocks as a JSON {@code Condition}. */
  private static Node conditions(Node blocks) {
    Map<String, Map<String, List<Node>>> byTest = new LinkedHashMap<>();
    Origin first = blocks.origin();
    for (Node block : Nodes.items(blocks)) {
      Optional<String> test = Values.text(Nodes.get(block, "test"));
      Optional<String> variable = Values.text(Nodes.get(block, "variable"));
      if (test.isEmpty() || variable.isEmpty()) {
        return new Unresolved("a condition test or variable is not known", block.origin());
      }
      Node values = Nodes.get(block, "values");
      List<Node> into =
          byTest
              .computeIfAbsent(test.get(), k -> new LinkedHashMap<>())
              .computeIfAbsent(variable.get(), k -> new ArrayList<>());
      if (values instanceof ListNode l) {
        into.addAll(l.items());
      } else if (values != null) {
        into.add(values);
      }
    }
    Nodes.MapBuilder out = Nodes.map(first);
    byTest.forEach((test, variables) -> {
      Nodes.MapBuilder inner = Nodes.map(first);
      variables.forEach((variable, values) -> inner.put(variable, new ListNode(values, first)));
      out.put(test, inner.build());
    });
    return out.build();
  }
}
