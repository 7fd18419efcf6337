package dev.lambdasec.source.iac.terraform.mapping;

import dev.lambdasec.model.CodeSigningConfig;
import dev.lambdasec.model.KmsKey;
import dev.lambdasec.model.Layer;
import dev.lambdasec.model.LogGroup;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.SecurityGroup;
import dev.lambdasec.model.Subnet;
import dev.lambdasec.model.Trail;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.terraform.mapping.ResourceIndex.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Supporting resources: layers, code signing, log groups, keys (with a separate {@code
 * aws_kms_key_policy}), subnets, security groups (with their separate egress rule resources) and
 * trails.
 */
final class SupportMapper {

  private static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";

  private final ResourceIndex index;
  private final Slots slots;
  private final Map<String, List<Value<String>>> extraEgress = new HashMap<>();
  private final Map<String, TerraformResource> keyPolicies = new HashMap<>();

  SupportMapper(
      ResourceIndex index,
      Slots slots,
      List<TerraformResource> resources,
      Contributions contributions) {
    this.index = index;
    this.slots = slots;
    for (TerraformResource r : resources) {
      if (r.type().equals("aws_kms_key_policy")) {
        index
            .target(Kind.KMS_KEY, r.get("key_id"))
            .ifPresent(key -> {
              keyPolicies.put(key, r);
              contributions.add(r.address(), key);
            });
        continue;
      }
      boolean egress =
          r.type().equals("aws_vpc_security_group_egress_rule")
              || (r.type().equals("aws_security_group_rule")
                  && ResourceIndex.text(r.get("type")).filter("egress"::equals).isPresent());
      if (!egress) {
        continue;
      }
      index
          .target(Kind.ANY, r.get("security_group_id"))
          .ifPresent(group -> {
            List<Value<String>> cidrs = extraEgress.computeIfAbsent(group, k -> new ArrayList<>());
            cidrs.addAll(cidrs(r.body(), r.origin()));
            contributions.add(r.address(), group);
          });
    }
  }

  Layer layer(TerraformResource r) {
    return new Layer(
        r.meta(index.scope()),
        slots.string(r.get("layer_name"), r.origin(), null),
        Value.absent(r.origin()));
  }

  CodeSigningConfig codeSigningConfig(TerraformResource r) {
    Origin o = r.origin();
    Value<List<Value<String>>> profiles =
        slots.strings(r.get("allowed_publishers", "signing_profile_version_arns"), o);
    return new CodeSigningConfig(
        r.meta(index.scope()),
        slots.string(r.get("policies", "untrusted_artifact_on_deployment"), o, "Warn"),
        profiles
            .known()
            .orElse(
                profiles.isUnresolved()
                    ? List.of(
                        Value.unresolved(profiles.origin(), String.valueOf(profiles.reason())))
                    : List.of()));
  }

  /** Retention 0, the provider's default, keeps logs forever: no retention. */
  LogGroup logGroup(TerraformResource r) {
    Origin o = r.origin();
    Value<Integer> retention = slots.integer(r.get("retention_in_days"), o, null);
    if (retention.isPresent() && retention.get() == 0) {
      retention = Value.defaulted(null, retention.origin());
    }
    return new LogGroup(
        r.meta(index.scope()),
        slots.string(r.get("name"), o, null),
        retention,
        slots.ref(r.get("kms_key_id"), o, Kind.KMS_KEY));
  }

  /** A key, with the policy of a separate {@code aws_kms_key_policy} naming it, if any. */
  KmsKey kmsKey(TerraformResource r) {
    Origin o = r.origin();
    TerraformResource separate = keyPolicies.get(r.address());
    Value<PolicyDocument> policy =
        separate != null && !Slots.isStated(r.get("policy"))
            ? slots.policy("policy", separate.get("policy"), separate.origin())
            : slots.policy("policy", r.get("policy"), o);
    return new KmsKey(
        r.meta(index.scope()),
        Value.absent(o),
        slots.bool(r.get("enable_key_rotation"), o, false),
        policy);
  }

  Subnet subnet(TerraformResource r) {
    Node zone = r.get("availability_zone");
    return new Subnet(
        r.meta(index.scope()),
        slots.arn(Slots.isStated(zone) ? zone : r.get("availability_zone_id"), r.origin()));
  }

  /**
   * Egress CIDRs. Terraform removes the allow-all rule AWS adds to a new group, so a group without
   * {@code egress} blocks or separate egress rules has no egress at all.
   */
  SecurityGroup securityGroup(TerraformResource r) {
    Origin o = r.origin();
    Node egress = r.get("egress");
    if (egress instanceof Unresolved u) {
      return new SecurityGroup(r.meta(index.scope()), Value.unresolved(u.origin(), u.reason()));
    }
    List<Value<String>> out = new ArrayList<>();
    for (Node rule : Nodes.items(egress)) {
      out.addAll(cidrs(rule, o));
    }
    out.addAll(extraEgress.getOrDefault(r.address(), List.of()));
    return new SecurityGroup(
        r.meta(index.scope()), Value.set(out, egress != null ? egress.origin() : o));
  }

  private List<Value<String>> cidrs(Node rule, Origin o) {
    List<Value<String>> out = new ArrayList<>();
    for (String key : List.of("cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6")) {
      Node cidr = TerraformResource.at(rule, key);
      if (cidr instanceof ListNode l) {
        l.items().forEach(i -> out.add(slots.string(i, o, null)));
      } else if (Slots.isStated(cidr)) {
        out.add(slots.string(cidr, o, null));
      }
    }
    return out;
  }

  Trail trail(TerraformResource r) {
    Origin o = r.origin();
    return new Trail(
        r.meta(index.scope()),
        slots.bool(r.get("is_multi_region_trail"), o, false),
        slots.bool(r.get("enable_log_file_validation"), o, false),
        slots.ref(r.get("kms_key_id"), o, Kind.KMS_KEY),
        slots.bool(r.get("enable_logging"), o, true),
        lambdaDataEvents(r));
  }

  /**
   * Whether the trail records Lambda data events: an {@code event_selector} with a {@code
   * data_resource} of type {@code AWS::Lambda::Function}, or an {@code advanced_event_selector}
   * with a {@code field_selector} on {@code resources.type}.
   */
  private static Value<Boolean> lambdaDataEvents(TerraformResource r) {
    Node basic = r.body().get("event_selector").orElse(null);
    Node advanced = r.body().get("advanced_event_selector").orElse(null);
    for (Node selectors : new Node[] {basic, advanced}) {
      if (selectors instanceof Unresolved u) {
        return Value.unresolved(u.origin(), u.reason());
      }
    }
    for (Node selector : Nodes.items(basic)) {
      for (Node data : Nodes.items(TerraformResource.at(selector, "data_resource"))) {
        Node type = TerraformResource.at(data, "type");
        if (type != null && ResourceIndex.text(type).filter(LAMBDA_FUNCTION::equals).isPresent()) {
          return Value.set(true, type.origin());
        }
      }
    }
    for (Node selector : Nodes.items(advanced)) {
      for (Node field : Nodes.items(TerraformResource.at(selector, "field_selector"))) {
        boolean onType =
            ResourceIndex.text(TerraformResource.at(field, "field"))
                .filter("resources.type"::equals)
                .isPresent();
        Optional<Node> equals = Optional.ofNullable(TerraformResource.at(field, "equals"));
        if (onType
            && equals.isPresent()
            && Nodes.items(equals.get()).stream()
                .anyMatch(v -> ResourceIndex.text(v).filter(LAMBDA_FUNCTION::equals).isPresent())) {
          return Value.set(true, field.origin());
        }
      }
    }
    Node written = Slots.isStated(basic) ? basic : Slots.isStated(advanced) ? advanced : null;
    return written != null
        ? Value.set(false, written.origin())
        : Value.defaulted(false, r.origin());
  }
}
