package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of template parameters: an override given on the command line wins over {@code
 * Default}; list types become lists; parameters read from SSM are unknown before deployment.
 */
final class ParameterValues {

  private ParameterValues() {}

  static Map<String, Node> of(MapNode parameters, Map<String, String> overrides) {
    Map<String, Node> values = new HashMap<>();
    for (Entry e : parameters.entries()) {
      values.put(e.key(), value(e, overrides));
    }
    return values;
  }

  private static Node value(Entry declaration, Map<String, String> overrides) {
    String name = declaration.key();
    Origin origin = declaration.keyOrigin();
    String type = Nodes.text(declaration.value(), "Type").orElse("String").strip();
    if (type.startsWith("AWS::SSM::Parameter::Value")) {
      return new Node.Unresolved(
          "parameter " + name + " is read from SSM Parameter Store at deployment", origin);
    }
    String override = overrides.get(name);
    Node given =
        override != null
            ? Node.Scalar.string(override, origin)
            : Nodes.get(declaration.value(), "Default");
    if (given == null) {
      return new Node.Unresolved(
          "parameter " + name + " has no value; pass --param " + name + "=…", origin);
    }
    boolean list = type.startsWith("List<") || type.equals("CommaDelimitedList");
    if (given instanceof Node.ListNode l) {
      return list ? l : new Node.Unresolved("parameter " + name + " has a list default", origin);
    }
    if (!(given instanceof Node.Scalar s)) {
      return new Node.Unresolved(
          "parameter " + name + " has a default that is not a value", origin);
    }
    String text = s.text() == null ? "" : s.text();
    if (!list) {
      return Node.Scalar.string(text, s.origin());
    }
    // A CommaDelimitedList has one member more than it has commas, and each member is trimmed
    // (CloudFormation parameter documentation).
    List<Node> items =
        Arrays.stream(text.split(",", -1))
            .map(part -> (Node) Node.Scalar.string(part.strip(), s.origin()))
            .toList();
    return new Node.ListNode(items, s.origin());
  }
}
