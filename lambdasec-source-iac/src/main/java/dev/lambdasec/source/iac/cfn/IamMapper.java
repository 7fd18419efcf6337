package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.ResourceIndex.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * IAM roles with the policies attached to them: inline {@code Policies}, {@code AWS::IAM::Policy}
 * and {@code AWS::IAM::RolePolicy} resources, {@code ManagedPolicyArns} and {@code
 * AWS::IAM::ManagedPolicy} resources that name the role.
 */
final class IamMapper {

  private final ResourceIndex index;
  private final Slots slots;
  private final Map<String, List<PolicyDocument>> attachedInline = new HashMap<>();
  private final Map<String, List<Value<Ref>>> attachedManaged = new HashMap<>();

  IamMapper(ResourceIndex index, Slots slots, List<ResolvedResource> resources) {
    this.index = index;
    this.slots = slots;
    for (ResolvedResource r : resources) {
      switch (r.type()) {
        case "AWS::IAM::Policy" -> {
          PolicyDocument doc = document(r);
          for (Node role : Nodes.items(r.get("Roles"))) {
            roleId(role, r.origin())
                .ifPresent(
                    id -> attachedInline.computeIfAbsent(id, k -> new ArrayList<>()).add(doc));
          }
        }
        case "AWS::IAM::RolePolicy" ->
            roleId(r.get("RoleName"), r.origin())
                .ifPresent(id ->
                    attachedInline.computeIfAbsent(id, k -> new ArrayList<>()).add(document(r)));
        case "AWS::IAM::ManagedPolicy" -> {
          for (Node role : Nodes.items(r.get("Roles"))) {
            Value<Ref> attachment = Value.set(Ref.to(index.key(r.id())), role.origin());
            roleId(role, r.origin())
                .ifPresent(id ->
                    attachedManaged.computeIfAbsent(id, k -> new ArrayList<>()).add(attachment));
          }
        }
        default -> {
          // not an attachment
        }
      }
    }
  }

  private Optional<String> roleId(@Nullable Node node, Origin origin) {
    return slots
        .ref(node, origin, Kind.ROLE)
        .known()
        .map(Ref::key)
        .filter(k -> index.isType(k.id(), "AWS::IAM::Role"))
        .map(k -> k.id());
  }

  private static PolicyDocument document(ResolvedResource r) {
    String name = Nodes.text(r.get("PolicyName")).orElse(r.id());
    return new PolicyDocument(name, orUnresolved(r.get("PolicyDocument"), r.origin()));
  }

  private static Node orUnresolved(@Nullable Node n, Origin origin) {
    return n != null ? EmbeddedJson.policy(n) : new Unresolved("no PolicyDocument", origin);
  }

  Role role(ResolvedResource r) {
    Origin o = r.origin();
    List<PolicyDocument> inline = new ArrayList<>();
    Node policies = r.get("Policies");
    if (policies instanceof ListNode list) {
      for (int i = 0; i < list.items().size(); i++) {
        Node item = list.items().get(i);
        String name = Nodes.text(ResolvedResource.at(item, "PolicyName")).orElse("Policies/" + i);
        Node doc = item instanceof Unresolved ? item : ResolvedResource.at(item, "PolicyDocument");
        inline.add(new PolicyDocument(name, orUnresolved(doc, item.origin())));
      }
    } else if (policies instanceof Unresolved u) {
      inline.add(new PolicyDocument("Policies", u));
    }
    inline.addAll(attachedInline.getOrDefault(r.id(), List.of()));
    List<Value<Ref>> managed =
        new ArrayList<>(slots.refs(r.get("ManagedPolicyArns"), o, Kind.MANAGED_POLICY));
    managed.addAll(attachedManaged.getOrDefault(r.id(), List.of()));
    return new Role(
        r.meta(index.scope()),
        slots.string(r.get("RoleName"), o, null),
        Value.absent(o),
        slots.policy("AssumeRolePolicyDocument", r.get("AssumeRolePolicyDocument"), o),
        inline,
        managed,
        slots.ref(r.get("PermissionsBoundary"), o, Kind.MANAGED_POLICY),
        slots.tags(r.get("Tags"), o));
  }

  ManagedPolicy managedPolicy(ResolvedResource r) {
    Origin o = r.origin();
    Value<String> name = slots.string(r.get("ManagedPolicyName"), o, null);
    return new ManagedPolicy(
        r.meta(index.scope()),
        name,
        Value.absent(o),
        new PolicyDocument(name.known().orElse(r.id()), orUnresolved(r.get("PolicyDocument"), o)));
  }
}
