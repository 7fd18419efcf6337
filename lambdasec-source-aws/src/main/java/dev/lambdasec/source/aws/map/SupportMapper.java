package dev.lambdasec.source.aws.map;

import static dev.lambdasec.source.aws.map.Values.at;

import dev.lambdasec.model.AccountRegion;
import dev.lambdasec.model.Alarm;
import dev.lambdasec.model.CodeSigningConfig;
import dev.lambdasec.model.EventSourceMapping;
import dev.lambdasec.model.KmsKey;
import dev.lambdasec.model.Layer;
import dev.lambdasec.model.LogGroup;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.SecurityGroup;
import dev.lambdasec.model.Subnet;
import dev.lambdasec.model.Trail;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.aws.snapshot.LambdaFacts;
import dev.lambdasec.source.aws.snapshot.SupportFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Supporting resources of one region and the account's security services there. */
final class SupportMapper {

  private final RegionContext ctx;
  private final List<Value<Ref>> alarms = new ArrayList<>();

  SupportMapper(RegionContext ctx) {
    this.ctx = ctx;
  }

  /** Registers ids first, so that functions mapped afterwards refer to them by key. */
  void register(dev.lambdasec.source.aws.snapshot.Snapshot.Region r) {
    r.functions().forEach(f -> ctx.register(f.arn(), f.arn()));
    r.kmsKeys().forEach(k -> ctx.register(k.arn(), k.arn()));
    r.subnets().forEach(s -> ctx.register(s.id(), subnetArn(s.id())));
    r.securityGroups().forEach(g -> ctx.register(g.id(), securityGroupArn(g.id())));
    r.codeSigningConfigs().forEach(c -> ctx.register(c.arn(), c.arn()));
    r.logGroups().forEach(g -> ctx.register(g.name(), logGroupArn(g)));
  }

  private String subnetArn(String id) {
    return "arn:aws:ec2:" + ctx.region + ":" + ctx.account + ":subnet/" + id;
  }

  private String securityGroupArn(String id) {
    return "arn:aws:ec2:" + ctx.region + ":" + ctx.account + ":security-group/" + id;
  }

  private String logGroupArn(SupportFacts.LogGroup g) {
    String arn = g.arn();
    if (arn == null) {
      return "arn:aws:logs:" + ctx.region + ":" + ctx.account + ":log-group:" + g.name();
    }
    return arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
  }

  void eventSourceMapping(LambdaFacts.EventSourceMapping m) {
    String arn = m.arn();
    String function = unqualified(m.functionArn());
    ctx.app.add(
        new EventSourceMapping(
            ctx.meta(arn, "AWS::Lambda::EventSourceMapping"),
            ctx.ref(function, at(arn, "/FunctionArn")),
            Values.of(m.eventSourceArn(), at(arn, "/EventSourceArn")),
            Values.of(sourceType(m.eventSourceArn()), at(arn, "/EventSourceArn")),
            literal(
                m.onFailureDestination(), at(arn, "/DestinationConfig/OnFailure/Destination"))));
  }

  /** A function ARN without its alias or version. */
  static String unqualified(String arn) {
    String[] parts = arn.split(":", -1);
    return parts.length > 7 ? String.join(":", List.of(parts).subList(0, 7)) : arn;
  }

  private static @Nullable String sourceType(@Nullable String arn) {
    if (arn == null) {
      return "kafka";
    }
    String[] parts = arn.split(":", -1);
    if (parts.length < 3) {
      return null;
    }
    return switch (parts[2]) {
      case "sqs" -> "sqs";
      case "kinesis" -> "kinesis";
      case "dynamodb" -> "dynamodb";
      case "kafka" -> "kafka";
      case "mq" -> "mq";
      case "rds" -> "documentdb";
      default -> parts[2];
    };
  }

  void layer(LambdaFacts.Layer l) {
    String arn = l.arn();
    Layer layer =
        new Layer(
            ctx.meta(arn, "AWS::Lambda::LayerVersion"),
            Value.set(l.name(), at(arn, "/LayerName")),
            Value.set(arn, at(arn, "/LayerVersionArn")));
    ctx.app.add(layer);
    Value<Ref> target = Value.set(Ref.to(layer.key()), layer.origin());
    if (l.policy() != null) {
      FunctionMapper.statements(
          arn,
          l.policy(),
          (id, doc, statement) ->
              ctx.app.add(
                  new Permission(
                      ctx.meta(id, "AWS::Lambda::LayerVersionPermission"),
                      target,
                      Value.absent(doc.origin()),
                      doc)));
    } else {
      ctx.gaps
          .find("layerPolicy", ctx.account, ctx.region, arn)
          .ifPresent(gap ->
              ctx.app.add(
                  new Permission(
                      ctx.meta(arn + "#policy", "AWS::Lambda::LayerVersionPermission"),
                      target,
                      Value.absent(layer.origin()),
                      new PolicyDocument(
                          "ResourcePolicy",
                          new dev.lambdasec.model.Node.Unresolved(
                              Gaps.reason(gap), at(arn, "/Policy"))))));
    }
  }

  void codeSigningConfig(LambdaFacts.CodeSigningConfig c) {
    String arn = c.arn();
    List<Value<String>> profiles = new ArrayList<>();
    for (int i = 0; i < c.signingProfiles().size(); i++) {
      profiles.add(
          Value.set(
              c.signingProfiles().get(i),
              at(arn, "/AllowedPublishers/SigningProfileVersionArns/" + i)));
    }
    ctx.app.add(
        new CodeSigningConfig(
            ctx.meta(arn, "AWS::Lambda::CodeSigningConfig"),
            Values.orDefault(
                c.untrustedArtifactOnDeployment(),
                "Warn",
                at(arn, "/CodeSigningPolicies/UntrustedArtifactOnDeployment")),
            profiles));
  }

  void logGroup(SupportFacts.LogGroup g) {
    String arn = logGroupArn(g);
    ctx.app.add(
        new LogGroup(
            ctx.meta(arn, "AWS::Logs::LogGroup"),
            Value.set(g.name(), at(arn, "/logGroupName")),
            Values.of(g.retentionDays(), at(arn, "/retentionInDays")),
            ctx.ref(g.kmsKeyId(), at(arn, "/kmsKeyId"))));
  }

  void alarm(SupportFacts.Alarm a) {
    String arn = a.arn();
    List<Alarm.Metric> metrics = new ArrayList<>();
    for (SupportFacts.Metric m : a.metrics()) {
      metrics.add(new Alarm.Metric(m.namespace(), m.name(), m.dimensions()));
    }
    List<Value<String>> actions = new ArrayList<>();
    for (int i = 0; i < a.alarmActions().size(); i++) {
      actions.add(Value.set(a.alarmActions().get(i), at(arn, "/AlarmActions/" + i)));
    }
    Alarm alarm =
        new Alarm(
            ctx.meta(arn, "AWS::CloudWatch::Alarm"),
            Value.set(a.name(), at(arn, "/AlarmName")),
            metrics,
            Values.orDefault(a.actionsEnabled(), true, at(arn, "/ActionsEnabled")),
            actions);
    ctx.app.add(alarm);
    alarms.add(Value.set(Ref.to(alarm.key()), alarm.origin()));
  }

  void kmsKey(SupportFacts.KmsKey k) {
    String arn = k.arn();
    Origin o = Origin.ofResource(arn);
    boolean awsManaged = "AWS".equals(k.keyManager());
    Value<Boolean> rotation =
        awsManaged
            ? Value.defaulted(true, at(arn, "/KeyRotationEnabled"))
            : ctx.gaps.or(
                Values.of(k.rotationEnabled(), at(arn, "/KeyRotationEnabled")),
                "kmsRotation",
                ctx.account,
                ctx.region,
                arn);
    Value<PolicyDocument> policy =
        k.policy() == null
            ? ctx.gaps.or(Value.absent(o), "kmsPolicy", ctx.account, ctx.region, arn)
            : Value.set(
                new PolicyDocument("KeyPolicy", JsonDocuments.toNode(k.policy(), arn, "/Policy")),
                at(arn, "/Policy"));
    ctx.app.add(
        new KmsKey(
            ctx.meta(arn, "AWS::KMS::Key"), Value.set(arn, at(arn, "/Arn")), rotation, policy));
  }

  void subnet(SupportFacts.Subnet s) {
    String arn = subnetArn(s.id());
    ctx.app.add(
        new Subnet(
            ctx.meta(arn, "AWS::EC2::Subnet"),
            Values.of(s.availabilityZone(), at(arn, "/AvailabilityZone"))));
  }

  void securityGroup(SupportFacts.SecurityGroup g) {
    String arn = securityGroupArn(g.id());
    List<Value<String>> cidrs = new ArrayList<>();
    for (int i = 0; i < g.egressCidrs().size(); i++) {
      cidrs.add(Value.set(g.egressCidrs().get(i), at(arn, "/IpPermissionsEgress/" + i)));
    }
    ctx.app.add(
        new SecurityGroup(
            ctx.meta(arn, "AWS::EC2::SecurityGroup"),
            Value.set(cidrs, at(arn, "/IpPermissionsEgress"))));
  }

  ResourceKey trail(SupportFacts.Trail t) {
    String arn = t.arn();
    Trail trail =
        new Trail(
            ctx.meta(arn, "AWS::CloudTrail::Trail"),
            Values.orDefault(t.multiRegion(), false, at(arn, "/IsMultiRegionTrail")),
            Values.orDefault(t.logFileValidation(), false, at(arn, "/LogFileValidationEnabled")),
            literal(t.kmsKeyId(), at(arn, "/KmsKeyId")),
            facet(Values.of(t.logging(), at(arn, "/IsLogging")), "trailStatus", arn),
            facet(
                Values.of(t.lambdaDataEvents(), at(arn, "/EventSelectors")),
                "trailEventSelectors",
                arn));
    ctx.app.add(trail);
    return trail.key();
  }

  /** The region field of an ARN, or empty. */
  private static final class Arn {
    static String region(String arn) {
      String[] parts = arn.split(":", -1);
      return parts.length > 3 ? parts[3] : "";
    }
  }

  private <T> Value<T> facet(Value<T> value, String facet, String arn) {
    return ctx.gaps.or(value, facet, ctx.account, ctx.region, arn);
  }

  /**
   * The account in this region, with its services; unknown where nothing was collected.
   *
   * @param trails every trail of the account, by ARN, with the key it was mapped under
   */
  void accountRegion(
      SupportFacts.@Nullable Services s, Map<SupportFacts.Trail, ResourceKey> trails) {
    String id = ctx.account + "/" + ctx.region;
    Origin o = at(id, "/Trails");
    List<Value<Ref>> recording = new ArrayList<>();
    trails.forEach((t, key) -> {
      String home = Arn.region(t.arn());
      if (Boolean.TRUE.equals(t.multiRegion()) || ctx.region.equals(home)) {
        recording.add(Value.set(Ref.to(key), o));
      }
    });
    Value<List<Value<Ref>>> covering =
        ctx.gaps
            .find("trails", ctx.account, ctx.region, id)
            .<Value<List<Value<Ref>>>>map(g -> Gaps.unresolved(g, o))
            .orElse(Value.set(recording, o));
    Origin ao = at(id, "/Alarms");
    Value<List<Value<Ref>>> alarmRefs =
        ctx.gaps
            .find("alarms", ctx.account, ctx.region, id)
            .<Value<List<Value<Ref>>>>map(g -> Gaps.unresolved(g, ao))
            .orElse(Value.set(List.copyOf(alarms), ao));
    ctx.app.add(
        new AccountRegion(
            ctx.meta(id, "AWS::Account::Region"),
            ctx.account,
            ctx.region,
            covering,
            alarmRefs,
            service(s == null ? null : s.configRecording(), "config", id, "/ConfigurationRecorder"),
            service(s == null ? null : s.configRecordsLambda(), "config", id, "/RecordingGroup"),
            service(s == null ? null : s.securityHub(), "securityHub", id, "/SecurityHub"),
            service(s == null ? null : s.inspectorLambda(), "inspector", id, "/Inspector/Lambda"),
            service(
                s == null ? null : s.inspectorLambdaCode(),
                "inspector",
                id,
                "/Inspector/LambdaCode"),
            service(
                s == null ? null : s.guardDutyLambda(),
                "guardDuty",
                id,
                "/GuardDuty/LAMBDA_NETWORK_LOGS"),
            service(
                s == null ? null : s.accessAnalyzer(), "accessAnalyzer", id, "/AccessAnalyzer")));
  }

  private Value<Boolean> service(@Nullable Boolean state, String facet, String id, String path) {
    Origin o = at(id, path);
    if (state != null) {
      return Value.set(state, o);
    }
    return ctx.gaps
        .find(facet, ctx.account, ctx.region, id)
        .<Value<Boolean>>map(g -> Gaps.unresolved(g, o))
        .orElse(Value.unresolved(o, "not collected"));
  }

  private static Value<Ref> literal(@Nullable String arn, Origin origin) {
    return arn == null || arn.isEmpty()
        ? Value.absent(origin)
        : Value.set(Ref.literal(arn), origin);
  }
}
