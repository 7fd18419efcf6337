package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The execution role SAM generates for a function without {@code Role}: {@code <Function>Role},
 * trusting Lambda, with the basic execution policy and what the function's settings, {@code
 * Policies} and events add. Managed policy ARNs and inline documents are deduplicated as SAM does.
 */
final class SamRole {

  private final String id;
  private final Origin origin;
  private final List<Node> managed = new ArrayList<>();
  private final List<Node> inline = new ArrayList<>();

  SamRole(String id, Origin origin) {
    this.id = id;
    this.origin = origin;
  }

  String id() {
    return id;
  }

  /** Adds a managed policy ARN (a string or an intrinsic) unless it is there already. */
  void managed(Node arn) {
    String content = Nodes.content(arn);
    if (managed.stream().noneMatch(m -> Nodes.content(m).equals(content))) {
      managed.add(arn);
    }
  }

  void managed(String arn, Origin at) {
    managed(Nodes.string(arn, at));
  }

  /** Adds an inline policy unless a policy with the same document is there already. */
  void inline(String name, Node document, Origin at) {
    String content = Nodes.content(document);
    if (inline.stream()
        .noneMatch(p -> Nodes.content(Nodes.get(p, "PolicyDocument")).equals(content))) {
      inline.add(policy(name, document, at));
    }
  }

  /** {@code {PolicyName: name, PolicyDocument: document}}. */
  static MapNode policy(String name, Node document, Origin at) {
    return Nodes.map(at).put("PolicyName", name).put("PolicyDocument", document).build();
  }

  /** Adds an inline policy entry as written, such as an {@code Fn::If} around whole policies. */
  void inlineEntry(Node entry) {
    inline.add(entry);
  }

  /** An inline policy as SAM writes it: {@code {Statement: [statements]}}. */
  void statements(String name, Origin at, Node... statements) {
    inline(name, Nodes.map(at).put("Statement", Nodes.list(at, statements)).build(), at);
  }

  /** {@code {Effect: Allow, Action: action, Resource: resource}}. */
  static MapNode allow(Node action, @Nullable Node resource, Origin at) {
    return Nodes.map(at)
        .put("Action", action)
        .put("Effect", "Allow")
        .put("Resource", resource)
        .build();
  }

  static MapNode allow(String action, @Nullable Node resource, Origin at) {
    return allow(Nodes.string(action, at), resource, at);
  }

  static MapNode allow(List<String> actions, @Nullable Node resource, Origin at) {
    return allow(
        Nodes.list(actions.stream().map(a -> (Node) Nodes.string(a, at)).toList(), at),
        resource,
        at);
  }

  /** The trust policy SAM writes when the function gives none: Lambda may assume the role. */
  static MapNode trust(String service, Origin at) {
    MapNode statement =
        Nodes.map(at)
            .put("Action", Nodes.list(at, Nodes.string("sts:AssumeRole", at)))
            .put("Effect", "Allow")
            .put(
                "Principal",
                Nodes.map(at).put("Service", Nodes.list(at, Nodes.string(service, at))).build())
            .build();
    return Nodes.map(at)
        .put("Version", "2012-10-17")
        .put("Statement", Nodes.list(at, statement))
        .build();
  }

  /** The role's properties. */
  MapNode properties(
      Node trust, @Nullable Node path, @Nullable Node boundary, @Nullable Node tags) {
    return Nodes.map(origin)
        .put("AssumeRolePolicyDocument", trust)
        .put("ManagedPolicyArns", managed.isEmpty() ? null : Nodes.list(managed, origin))
        .put("Policies", inline.isEmpty() ? null : Nodes.list(inline, origin))
        .put("Path", path)
        .put("PermissionsBoundary", boundary)
        .put("Tags", tags)
        .build();
  }
}
