package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.CodeSigningConfig;
import dev.lambdasec.model.KmsKey;
import dev.lambdasec.model.Layer;
import dev.lambdasec.model.LogGroup;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.SecurityGroup;
import dev.lambdasec.model.Subnet;
import dev.lambdasec.model.Trail;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.ResourceIndex.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Supporting resources: layers, code signing, log groups, keys, subnets, security groups, trails.
 */
final class SupportMapper {

  private static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";

  private final ResourceIndex index;
  private final Slots slots;
  private final Map<String, List<Node>> extraEgress = new HashMap<>();

  SupportMapper(ResourceIndex index, Slots slots, List<ResolvedResource> resources) {
    this.index = index;
    this.slots = slots;
    for (ResolvedResource r : resources) {
      if (r.type().equals("AWS::EC2::SecurityGroupEgress")
          && r.get("GroupId") instanceof Reference group) {
        extraEgress.computeIfAbsent(group.target(), k -> new ArrayList<>()).add(r.properties());
      }
    }
  }

  Layer layer(ResolvedResource r) {
    return new Layer(
        r.meta(index.scope()),
        slots.string(r.get("LayerName"), r.origin(), null),
        Value.absent(r.origin()));
  }

  CodeSigningConfig codeSigningConfig(ResolvedResource r) {
    Origin o = r.origin();
    Value<List<Value<String>>> profiles =
        slots.strings(r.get("AllowedPublishers", "SigningProfileVersionArns"), o);
    return new CodeSigningConfig(
        r.meta(index.scope()),
        slots.string(r.get("CodeSigningPolicies", "UntrustedArtifactOnDeployment"), o, "Warn"),
        profiles
            .known()
            .orElse(
                profiles.isUnresolved()
                    ? List.of(
                        Value.unresolved(profiles.origin(), String.valueOf(profiles.reason())))
                    : List.of()));
  }

  LogGroup logGroup(ResolvedResource r) {
    Origin o = r.origin();
    return new LogGroup(
        r.meta(index.scope()),
        slots.string(r.get("LogGroupName"), o, null),
        slots.integer(r.get("RetentionInDays"), o, null),
        slots.ref(r.get("KmsKeyId"), o, Kind.KMS_KEY));
  }

  KmsKey kmsKey(ResolvedResource r) {
    Origin o = r.origin();
    return new KmsKey(
        r.meta(index.scope()),
        Value.absent(o),
        slots.bool(r.get("EnableKeyRotation"), o, false),
        slots.policy("KeyPolicy", r.get("KeyPolicy"), o));
  }

  /** A zone chosen by {@code Fn::Select [N, Fn::GetAZs]} reads {@code ${AWS::AZ.N}}. */
  Subnet subnet(ResolvedResource r) {
    Node zone = r.get("AvailabilityZone");
    Value<String> az =
        zone instanceof Reference ref && ref.target().equals(Intrinsics.AVAILABILITY_ZONE)
            ? Value.set(ref.placeholder(), ref.origin())
            : slots.string(zone, r.origin(), null);
    return new Subnet(r.meta(index.scope()), az);
  }

  /** Egress CIDRs; a group without egress rules keeps the default allow-all rule (absent). */
  SecurityGroup securityGroup(ResolvedResource r) {
    Origin o = r.origin();
    Node egress = r.get("SecurityGroupEgress");
    List<Node> separate = extraEgress.getOrDefault(r.id(), List.of());
    if (egress instanceof Unresolved u) {
      return new SecurityGroup(r.meta(index.scope()), Value.unresolved(u.origin(), u.reason()));
    }
    if (egress == null && separate.isEmpty()) {
      return new SecurityGroup(r.meta(index.scope()), Value.absent(o));
    }
    List<Node> rules = new ArrayList<>(Nodes.items(egress));
    rules.addAll(separate);
    List<Value<String>> cidrs = new ArrayList<>();
    for (Node rule : rules) {
      for (String key : List.of("CidrIp", "CidrIpv6")) {
        Node cidr = ResolvedResource.at(rule, key);
        if (cidr != null) {
          cidrs.add(slots.string(cidr, o, null));
        }
      }
    }
    return new SecurityGroup(
        r.meta(index.scope()), Value.set(cidrs, egress != null ? egress.origin() : o));
  }

  Trail trail(ResolvedResource r) {
    Origin o = r.origin();
    return new Trail(
        r.meta(index.scope()),
        slots.bool(r.get("IsMultiRegionTrail"), o, false),
        slots.bool(r.get("EnableLogFileValidation"), o, false),
        slots.ref(r.get("KMSKeyId"), o, Kind.KMS_KEY),
        slots.bool(r.get("IsLogging"), o, null),
        lambdaDataEvents(r));
  }

  /**
   * Whether the trail records Lambda data events: a basic selector with a data resource of type
   * {@code AWS::Lambda::Function}, or an advanced selector on {@code resources.type}.
   */
  private static Value<Boolean> lambdaDataEvents(ResolvedResource r) {
    Node basic = r.get("EventSelectors");
    Node advanced = r.get("AdvancedEventSelectors");
    for (Node selectors : new Node[] {basic, advanced}) {
      if (selectors instanceof Unresolved u) {
        return Value.unresolved(u.origin(), u.reason());
      }
    }
    for (Node selector : Nodes.items(basic)) {
      for (Node data : Nodes.items(ResolvedResource.at(selector, "DataResources"))) {
        Node type = ResolvedResource.at(data, "Type");
        if (type != null && Nodes.text(type).filter(LAMBDA_FUNCTION::equals).isPresent()) {
          return Value.set(true, type.origin());
        }
      }
    }
    for (Node selector : Nodes.items(advanced)) {
      for (Node field : Nodes.items(ResolvedResource.at(selector, "FieldSelectors"))) {
        boolean onType =
            Nodes.text(ResolvedResource.at(field, "Field"))
                .filter("resources.type"::equals)
                .isPresent();
        Node equals = ResolvedResource.at(field, "Equals");
        if (onType && equals instanceof ListNode values && containsLambda(values)) {
          return Value.set(true, field.origin());
        }
      }
    }
    Node written = basic != null ? basic : advanced;
    return written != null
        ? Value.set(false, written.origin())
        : Value.defaulted(false, r.origin());
  }

  private static boolean containsLambda(@Nullable ListNode values) {
    return values != null
        && values.items().stream()
            .anyMatch(v -> Nodes.text(v).filter(LAMBDA_FUNCTION::equals).isPresent());
  }
}
