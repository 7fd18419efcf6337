package dev.lambdasec.source.iac.terraform.mapping;

import dev.lambdasec.model.IamGroup;
import dev.lambdasec.model.IamUser;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.terraform.mapping.ResourceIndex.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * IAM roles, users and groups with every policy that reaches them: {@code inline_policy} blocks and
 * {@code managed_policy_arns}, and the separate {@code aws_iam_*_policy}, {@code
 * aws_iam_*_policy_attachment} and {@code aws_iam_policy_attachment} resources; customer managed
 * {@code aws_iam_policy} resources.
 */
final class IamMapper {

  private final ResourceIndex index;
  private final Slots slots;
  private final Map<String, List<PolicyDocument>> inline = new HashMap<>();
  private final Map<String, List<Value<Ref>>> managed = new HashMap<>();
  private final Map<String, PolicyDocument> outside = new HashMap<>();

  IamMapper(
      ResourceIndex index,
      Slots slots,
      List<TerraformResource> resources,
      Contributions contributions) {
    this.index = index;
    this.slots = slots;
    for (TerraformResource r : resources) {
      switch (r.type()) {
        case "aws_iam_role_policy" -> inline(r, "role", Kind.ROLE, contributions);
        case "aws_iam_user_policy" -> inline(r, "user", Kind.USER, contributions);
        case "aws_iam_group_policy" -> inline(r, "group", Kind.GROUP, contributions);
        case "aws_iam_role_policy_attachment" -> attach(r, r.get("role"), Kind.ROLE, contributions);
        case "aws_iam_user_policy_attachment" -> attach(r, r.get("user"), Kind.USER, contributions);
        case "aws_iam_group_policy_attachment" ->
            attach(r, r.get("group"), Kind.GROUP, contributions);
        case "aws_iam_policy_attachment" -> {
          for (Node role : Nodes.items(r.get("roles"))) {
            attach(r, role, Kind.ROLE, contributions);
          }
          for (Node user : Nodes.items(r.get("users"))) {
            attach(r, user, Kind.USER, contributions);
          }
          for (Node group : Nodes.items(r.get("groups"))) {
            attach(r, group, Kind.GROUP, contributions);
          }
        }
        default -> {
          // not an attachment
        }
      }
    }
  }

  private void inline(TerraformResource r, String holder, Kind kind, Contributions contributions) {
    String name = ResourceIndex.text(r.get("name")).orElse(r.address());
    PolicyDocument doc = new PolicyDocument(name, Slots.document(r.get("policy"), r.origin()));
    Optional<String> target = index.target(kind, r.get(holder));
    if (target.isPresent()) {
      inline.computeIfAbsent(target.get(), k -> new ArrayList<>()).add(doc);
      contributions.add(r.address(), target.get());
    } else {
      outside.put(r.address(), doc);
    }
  }

  /**
   * An inline policy whose role, user or group is declared outside the configuration (a module
   * given the role's name, say): the policy still grants what it says, so it is read as the holder
   * it is written for, under its own address, with what the configuration does not show unresolved.
   */
  Optional<Resource> outsideHolder(TerraformResource r) {
    PolicyDocument doc = outside.get(r.address());
    if (doc == null) {
      return Optional.empty();
    }
    Origin o = r.origin();
    String kind = r.type().substring("aws_iam_".length(), r.type().length() - "_policy".length());
    Value<String> name = slots.string(r.get(kind), o, null);
    Value<Ref> boundary =
        Value.unresolved(o, "the " + kind + " is not declared in this configuration");
    return Optional.of(
        switch (kind) {
          case "user" ->
              new IamUser(r.meta(index.scope()), name, List.of(doc), List.of(), boundary);
          case "group" -> new IamGroup(r.meta(index.scope()), name, List.of(doc), List.of());
          default ->
              new Role(
                  r.meta(index.scope()),
                  name,
                  Value.absent(o),
                  Value.unresolved(o, "the role is not declared in this configuration"),
                  List.of(doc),
                  List.of(),
                  boundary,
                  Value.defaulted(Map.of(), o));
        });
  }

  private void attach(
      TerraformResource r, @Nullable Node holder, Kind kind, Contributions contributions) {
    index
        .target(kind, holder)
        .ifPresent(h -> {
          Value<Ref> policy = slots.ref(r.get("policy_arn"), r.origin(), Kind.POLICY);
          if (!policy.isAbsent()) {
            managed.computeIfAbsent(h, k -> new ArrayList<>()).add(policy);
          }
          contributions.add(r.address(), h);
        });
  }

  private List<PolicyDocument> inlinePolicies(TerraformResource r) {
    List<PolicyDocument> out = new ArrayList<>();
    Node blocks = r.get("inline_policy");
    List<Node> items = Nodes.items(blocks);
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      Node policy = TerraformResource.at(item, "policy");
      if (Slots.isAbsent(policy)) {
        continue; // an empty inline_policy block removes the role's inline policies
      }
      String name =
          ResourceIndex.text(TerraformResource.at(item, "name")).orElse("inline_policy/" + i);
      out.add(new PolicyDocument(name, Slots.document(policy, item.origin())));
    }
    out.addAll(inline.getOrDefault(r.address(), List.of()));
    return out;
  }

  private List<Value<Ref>> managedPolicies(TerraformResource r) {
    List<Value<Ref>> out =
        new ArrayList<>(slots.refs(r.get("managed_policy_arns"), r.origin(), Kind.POLICY));
    out.addAll(managed.getOrDefault(r.address(), List.of()));
    return out;
  }

  Role role(TerraformResource r) {
    Origin o = r.origin();
    return new Role(
        r.meta(index.scope()),
        slots.string(r.get("name"), o, null),
        Value.absent(o),
        slots.policy("assume_role_policy", r.get("assume_role_policy"), o),
        inlinePolicies(r),
        managedPolicies(r),
        slots.ref(r.get("permissions_boundary"), o, Kind.POLICY),
        slots.stringMap(r.get("tags"), o));
  }

  /**
   * An {@code aws_iam_policy_document} no expression of the configuration uses, as a policy that
   * holds its own document (like a CloudFormation policy attached to nothing), when it is an
   * identity policy; a document with principals is a trust or resource policy and is left out.
   */
  Optional<ManagedPolicy> standaloneDocument(TerraformResource r) {
    Node json = r.get("json");
    if (json == null) {
      return Optional.empty();
    }
    for (Node statement : Nodes.items(TerraformResource.at(json, "Statement"))) {
      if (statement instanceof Node.MapNode m
          && (m.get("Principal").isPresent() || m.get("NotPrincipal").isPresent())) {
        return Optional.empty();
      }
    }
    Origin o = r.origin();
    return Optional.of(
        new ManagedPolicy(
            r.meta(index.scope()),
            Value.absent(o),
            Value.absent(o),
            new PolicyDocument(r.address(), Slots.document(json, o))));
  }

  ManagedPolicy managedPolicy(TerraformResource r) {
    Origin o = r.origin();
    Value<String> name = slots.string(r.get("name"), o, null);
    return new ManagedPolicy(
        r.meta(index.scope()),
        name,
        Value.absent(o),
        new PolicyDocument(name.known().orElse(r.address()), Slots.document(r.get("policy"), o)));
  }

  IamUser user(TerraformResource r) {
    Origin o = r.origin();
    return new IamUser(
        r.meta(index.scope()),
        slots.string(r.get("name"), o, null),
        inline.getOrDefault(r.address(), List.of()),
        managed.getOrDefault(r.address(), List.of()),
        slots.ref(r.get("permissions_boundary"), o, Kind.POLICY));
  }

  IamGroup group(TerraformResource r) {
    return new IamGroup(
        r.meta(index.scope()),
        slots.string(r.get("name"), r.origin(), null),
        inline.getOrDefault(r.address(), List.of()),
        managed.getOrDefault(r.address(), List.of()));
  }
}
