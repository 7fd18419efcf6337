package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.IamGroup;
import dev.lambdasec.model.IamUser;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * IAM roles, users and groups with the policies attached to them: inline {@code Policies}, {@code
 * AWS::IAM::Policy} and {@code AWS::IAM::RolePolicy}/{@code UserPolicy}/{@code GroupPolicy}
 * resources, {@code ManagedPolicyArns} and {@code AWS::IAM::ManagedPolicy} resources that name the
 * principal. A policy resource attached to no principal of the template (it names roles, users or
 * groups defined elsewhere) holds its document itself, as a {@link ManagedPolicy} of its own type,
 * so its statements are still judged.
 */
final class IamMapper {

  /** A property of a policy resource that names principals, and what it names. */
  private record Attachment(String property, Kind kind, String type) {}

  private static final List<Attachment> LISTS =
      List.of(
          new Attachment("Roles", Kind.ROLE, "AWS::IAM::Role"),
          new Attachment("Users", Kind.USER, "AWS::IAM::User"),
          new Attachment("Groups", Kind.GROUP, "AWS::IAM::Group"));

  private static final Map<String, Attachment> SINGLE =
      Map.of(
          "AWS::IAM::RolePolicy", new Attachment("RoleName", Kind.ROLE, "AWS::IAM::Role"),
          "AWS::IAM::UserPolicy", new Attachment("UserName", Kind.USER, "AWS::IAM::User"),
          "AWS::IAM::GroupPolicy", new Attachment("GroupName", Kind.GROUP, "AWS::IAM::Group"));

  private final ResourceIndex index;
  private final Slots slots;
  private final Map<String, List<PolicyDocument>> attachedInline = new HashMap<>();
  private final Map<String, List<Value<Ref>>> attachedManaged = new HashMap<>();
  private final Set<String> detached = new HashSet<>();

  IamMapper(ResourceIndex index, Slots slots, List<ResolvedResource> resources) {
    this.index = index;
    this.slots = slots;
    for (ResolvedResource r : resources) {
      Attachment single = SINGLE.get(r.type());
      if (r.type().equals("AWS::IAM::Policy") || single != null) {
        PolicyDocument doc = document(r);
        List<String> holders = new ArrayList<>();
        if (single != null) {
          principalId(r.get(single.property()), r.origin(), single).ifPresent(holders::add);
        } else {
          for (Attachment a : LISTS) {
            for (Node n : Nodes.items(r.get(a.property()))) {
              principalId(n, r.origin(), a).ifPresent(holders::add);
            }
          }
        }
        holders.forEach(id -> attachedInline.computeIfAbsent(id, k -> new ArrayList<>()).add(doc));
        if (holders.isEmpty()) {
          detached.add(r.id());
        }
      } else if (r.type().equals("AWS::IAM::ManagedPolicy")) {
        for (Attachment a : LISTS) {
          for (Node n : Nodes.items(r.get(a.property()))) {
            Value<Ref> attachment = Value.set(Ref.to(index.key(r.id())), n.origin());
            principalId(n, r.origin(), a)
                .ifPresent(id ->
                    attachedManaged.computeIfAbsent(id, k -> new ArrayList<>()).add(attachment));
          }
        }
      }
    }
  }

  private Optional<String> principalId(@Nullable Node node, Origin origin, Attachment a) {
    return slots
        .ref(node, origin, a.kind())
        .known()
        .map(Ref::key)
        .filter(k -> index.isType(k.id(), a.type()))
        .map(k -> k.id());
  }

  /** True for a policy resource that no principal of the template holds. */
  boolean isDetached(ResolvedResource r) {
    return detached.contains(r.id());
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
    return new Role(
        r.meta(index.scope()),
        slots.string(r.get("RoleName"), o, null),
        Value.absent(o),
        slots.policy("AssumeRolePolicyDocument", r.get("AssumeRolePolicyDocument"), o),
        inline(r),
        managed(r),
        slots.ref(r.get("PermissionsBoundary"), o, Kind.MANAGED_POLICY),
        slots.tags(r.get("Tags"), o));
  }

  IamUser user(ResolvedResource r) {
    Origin o = r.origin();
    return new IamUser(
        r.meta(index.scope()),
        slots.string(r.get("UserName"), o, null),
        inline(r),
        managed(r),
        slots.ref(r.get("PermissionsBoundary"), o, Kind.MANAGED_POLICY));
  }

  IamGroup group(ResolvedResource r) {
    return new IamGroup(
        r.meta(index.scope()),
        slots.string(r.get("GroupName"), r.origin(), null),
        inline(r),
        managed(r));
  }

  /** A policy resource no principal of the template holds, as the holder of its document. */
  ManagedPolicy detachedPolicy(ResolvedResource r) {
    PolicyDocument doc = document(r);
    return new ManagedPolicy(
        r.meta(index.scope()), Value.set(doc.name(), r.origin()), Value.absent(r.origin()), doc);
  }

  /** The principal's own {@code Policies} and the policy resources that name it. */
  private List<PolicyDocument> inline(ResolvedResource r) {
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
    return inline;
  }

  private List<Value<Ref>> managed(ResolvedResource r) {
    List<Value<Ref>> managed =
        new ArrayList<>(slots.refs(r.get("ManagedPolicyArns"), r.origin(), Kind.MANAGED_POLICY));
    managed.addAll(attachedManaged.getOrDefault(r.id(), List.of()));
    return managed;
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
