package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A function's {@code Policies} added to its generated role, item by item as SAM reads them: a
 * string is an AWS managed policy name or an ARN; another intrinsic is a managed policy ARN; a map
 * with {@code Statement} is an inline policy; a one-key map naming a policy template is that
 * template's statements. Inline policies are named {@code <Id>RolePolicy<index>}, the index being
 * the item's position in {@code Policies}.
 */
final class SamPolicies {

  private final SamExpander sam;
  private final String functionId;
  private final SamRole role;

  SamPolicies(SamExpander sam, String functionId, SamRole role) {
    this.sam = sam;
    this.functionId = functionId;
    this.role = role;
  }

  void add(@Nullable Node policies) {
    if (policies == null) {
      return;
    }
    List<Node> items = policies instanceof ListNode l ? l.items() : List.of(policies);
    for (int i = 0; i < items.size(); i++) {
      add(items.get(i), functionId + "RolePolicy" + i);
    }
  }

  private void add(Node item, String name) {
    Origin at = item.origin();
    if (item instanceof Scalar s && s.text() != null) {
      role.managed(ManagedPolicyNames.arn(s.text()), at);
      return;
    }
    Optional<String> intrinsic = Nodes.intrinsicName(item);
    if (intrinsic.filter("Fn::If"::equals).isPresent()) {
      conditional((MapNode) item, name);
      return;
    }
    if (intrinsic.isPresent()) {
      role.managed(item);
      return;
    }
    if (item instanceof MapNode m && m.get("Statement").isPresent()) {
      role.inline(name, m, at);
      return;
    }
    role.inline(name, template(item), at);
  }

  /**
   * {@code Fn::If} around policies: each branch is converted as an item of its kind (names of
   * managed policies become ARNs, templates become documents); inline branches keep the {@code
   * Fn::If} so the condition decides.
   */
  private void conditional(MapNode item, String name) {
    Node arguments = item.entries().getFirst().value();
    if (!(arguments instanceof ListNode l) || l.items().size() != 3) {
      role.inline(
          name,
          new Node.Unresolved("Fn::If in Policies needs three items", item.origin()),
          item.origin());
      return;
    }
    List<Node> managedBranches = new ArrayList<>();
    List<Node> inlineBranches = new ArrayList<>();
    managedBranches.add(l.items().get(0));
    inlineBranches.add(l.items().get(0));
    boolean managed = false;
    for (Node branch : l.items().subList(1, 3)) {
      if (isNoValue(branch)) {
        managedBranches.add(branch);
        inlineBranches.add(branch);
      } else if (branch instanceof Scalar s && s.text() != null) {
        managedBranches.add(Nodes.string(ManagedPolicyNames.arn(s.text()), s.origin()));
        managed = true;
      } else if (Nodes.isIntrinsic(branch)) {
        managedBranches.add(branch);
        managed = true;
      } else {
        Node document =
            branch instanceof MapNode m && m.get("Statement").isEmpty() ? template(m) : branch;
        inlineBranches.add(SamRole.policy(name, document, branch.origin()));
      }
    }
    if (managed) {
      role.managed(
          Nodes.call("Fn::If", Nodes.list(managedBranches, arguments.origin()), item.origin()));
    } else {
      // SAM wraps the whole policy entry in the Fn::If, so a false condition leaves no policy.
      role.inlineEntry(
          Nodes.call("Fn::If", Nodes.list(inlineBranches, arguments.origin()), item.origin()));
    }
  }

  private static boolean isNoValue(Node node) {
    return Nodes.text(Nodes.get(node, "Ref")).filter("AWS::NoValue"::equals).isPresent();
  }

  /** A policy template item; an unknown name or missing parameters leave the policy unresolved. */
  private Node template(Node item) {
    Origin at = item.origin();
    if (!(item instanceof MapNode m) || m.entries().size() != 1) {
      sam.notes()
          .add(at, "policy in Policies of " + functionId + " is not a policy document or template");
      return new Node.Unresolved("policy is not a policy document or SAM policy template", at);
    }
    String name = m.entries().getFirst().key();
    if (!PolicyTemplates.has(name)) {
      sam.notes().add(at, "unknown SAM policy template " + name);
      return new Node.Unresolved("unknown SAM policy template " + name, at);
    }
    PolicyTemplates.Expansion expansion =
        PolicyTemplates.expand(name, m.entries().getFirst().value(), at);
    if (expansion.document().isEmpty()) {
      String missing = String.join(", ", expansion.missing());
      sam.notes().add(at, "SAM policy template " + name + " misses parameters " + missing);
      return new Node.Unresolved("policy template " + name + " misses " + missing, at);
    }
    return expansion.document().get();
  }
}
