package dev.lambdasec.source.aws.map;

import static dev.lambdasec.source.aws.map.Values.at;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.ServiceNotification;
import dev.lambdasec.model.Value;
import dev.lambdasec.model.VpcConfig;
import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.secrets.SecretMatch;
import dev.lambdasec.source.aws.snapshot.LambdaFacts;
import dev.lambdasec.source.aws.snapshot.LambdaFacts.EnvVar;
import dev.lambdasec.source.aws.snapshot.Snapshot.Gap;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Functions with their resource policies, URLs and the asynchronous triggers those imply. */
final class FunctionMapper {

  /** Services whose invocations through a resource policy are asynchronous (event) invocations. */
  private static final Set<String> ASYNC_SERVICES =
      Set.of("s3", "sns", "events", "logs", "ses", "iot", "codecommit", "config", "codepipeline");

  private static final DateTimeFormatter LAMBDA_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT);

  private final RegionContext ctx;
  private final SecretDetector secrets;

  FunctionMapper(RegionContext ctx, SecretDetector secrets) {
    this.ctx = ctx;
    this.secrets = secrets;
  }

  void map(LambdaFacts.Function f) {
    String arn = f.arn();
    Meta meta = ctx.meta(arn, "AWS::Lambda::Function");
    Origin o = meta.origin();
    LambdaFunction fn =
        LambdaFunction.builder(meta)
            .name(Value.set(f.name(), at(arn, "/FunctionName")))
            .arn(Value.set(arn, at(arn, "/FunctionArn")))
            .runtime(Values.of(f.runtime(), at(arn, "/Runtime")))
            .handler(Values.of(f.handler(), at(arn, "/Handler")))
            .packageType(Values.orDefault(f.packageType(), "Zip", at(arn, "/PackageType")))
            .architectures(architectures(f, o))
            .memorySize(Values.orDefault(f.memorySize(), 128, at(arn, "/MemorySize")))
            .timeout(Values.orDefault(f.timeout(), 3, at(arn, "/Timeout")))
            .environment(environment(f))
            .kmsKey(ctx.ref(f.kmsKeyArn(), at(arn, "/KMSKeyArn")))
            .vpc(vpc(f))
            .tracingMode(
                Values.orDefault(f.tracingMode(), "PassThrough", at(arn, "/TracingConfig/Mode")))
            .logGroup(ctx.ref(f.logGroup(), at(arn, "/LoggingConfig/LogGroup")))
            .deadLetterTarget(literal(f.deadLetterTarget(), at(arn, "/DeadLetterConfig/TargetArn")))
            .onFailureDestination(
                facet(
                    literal(
                        f.onFailureDestination(),
                        at(arn, "/EventInvokeConfig/DestinationConfig/OnFailure/Destination")),
                    "eventInvokeConfig",
                    arn))
            .reservedConcurrency(
                facet(
                    Values.of(f.reservedConcurrency(), at(arn, "/Concurrency")),
                    "reservedConcurrency",
                    arn))
            .layers(layers(f))
            .codeSigningConfig(
                facet(
                    ctx.ref(f.codeSigningConfigArn(), at(arn, "/CodeSigningConfigArn")),
                    "codeSigning",
                    arn))
            .role(literal(f.role(), at(arn, "/Role")))
            .tags(facet(Value.set(tags(f, arn), at(arn, "/Tags")), "tags", arn))
            .lastModified(instant(f.lastModified(), at(arn, "/LastModified")))
            .lastInvoked(
                facet(instant(f.lastInvoked(), at(arn, "/Invocations")), "invocations", arn))
            .build();
    ctx.app.add(fn);
    permissions(f, fn);
    urls(f, fn);
  }

  private <T> Value<T> facet(Value<T> value, String facet, String arn) {
    return ctx.gaps.or(value, facet, ctx.account, ctx.region, arn);
  }

  private static Value<Ref> literal(@Nullable String arn, Origin origin) {
    return arn == null || arn.isEmpty()
        ? Value.absent(origin)
        : Value.set(Ref.literal(arn), origin);
  }

  private static Value<List<Value<String>>> architectures(LambdaFacts.Function f, Origin o) {
    if (f.architectures().isEmpty()) {
      return Value.defaulted(List.of(Value.defaulted("x86_64", o)), o);
    }
    List<Value<String>> list = new ArrayList<>();
    for (int i = 0; i < f.architectures().size(); i++) {
      list.add(Value.set(f.architectures().get(i), at(f.arn(), "/Architectures/" + i)));
    }
    return Value.set(list, at(f.arn(), "/Architectures"));
  }

  private static Map<String, Value<String>> tags(LambdaFacts.Function f, String arn) {
    Map<String, Value<String>> tags = new LinkedHashMap<>();
    f.tags().forEach((k, v) -> tags.put(k, Value.set(v, at(arn, "/Tags/" + k))));
    return tags;
  }

  /**
   * References in clear; secrets as the detector's token, which the detector judges as it judged
   * the value; other values withheld (UNRESOLVED, so no rule reads them).
   */
  private Value<Map<String, Value<String>>> environment(LambdaFacts.Function f) {
    String arn = f.arn();
    Map<String, Value<String>> vars = new LinkedHashMap<>();
    for (EnvVar v : f.environment()) {
      Origin o = at(arn, "/Environment/Variables/" + v.name());
      Value<String> value =
          switch (v.kind()) {
            case REFERENCE ->
                v.value() != null ? Value.set(v.value(), o) : Value.unresolved(o, "not kept");
            case SECRET -> secret(v, o);
            case WITHHELD ->
                Value.unresolved(
                    o, "value withheld by the collector (fingerprint " + v.fingerprint() + ")");
          };
      vars.put(v.name(), value);
    }
    return Value.set(vars, at(arn, "/Environment/Variables"));
  }

  private Value<String> secret(EnvVar v, Origin o) {
    LambdaFacts.Secret s = v.secret();
    if (s == null) {
      return Value.unresolved(o, "secret withheld without the detector's verdict");
    }
    try {
      SecretMatch m =
          new SecretMatch(
              s.ruleId(),
              s.description(),
              SecretMatch.Kind.valueOf(s.kind()),
              SecretMatch.Confidence.valueOf(s.confidence()));
      return Value.set(secrets.withheld(m), o);
    } catch (IllegalArgumentException e) {
      return Value.unresolved(o, "secret withheld with an unreadable verdict");
    }
  }

  private Value<VpcConfig> vpc(LambdaFacts.Function f) {
    Origin o = at(f.arn(), "/VpcConfig");
    LambdaFacts.Vpc vpc = f.vpc();
    if (vpc == null || vpc.subnetIds().isEmpty()) {
      return Value.absent(o);
    }
    List<Value<Ref>> subnets = new ArrayList<>();
    for (int i = 0; i < vpc.subnetIds().size(); i++) {
      String id = vpc.subnetIds().get(i);
      subnets.add(Value.set(ctx.ref(id), at(f.arn(), "/VpcConfig/SubnetIds/" + i)));
    }
    List<Value<Ref>> groups = new ArrayList<>();
    for (int i = 0; i < vpc.securityGroupIds().size(); i++) {
      String id = vpc.securityGroupIds().get(i);
      groups.add(Value.set(ctx.ref(id), at(f.arn(), "/VpcConfig/SecurityGroupIds/" + i)));
    }
    return Value.set(new VpcConfig(subnets, groups), o);
  }

  private List<Value<Ref>> layers(LambdaFacts.Function f) {
    List<Value<Ref>> out = new ArrayList<>();
    for (int i = 0; i < f.layers().size(); i++) {
      out.add(Value.set(Ref.literal(f.layers().get(i)), at(f.arn(), "/Layers/" + i + "/Arn")));
    }
    return out;
  }

  private static Value<Instant> instant(@Nullable String text, Origin o) {
    if (text == null) {
      return Value.absent(o);
    }
    try {
      return Value.set(OffsetDateTime.parse(text, LAMBDA_TIME).toInstant(), o);
    } catch (DateTimeParseException e) {
      try {
        return Value.set(Instant.parse(text), o);
      } catch (DateTimeParseException e2) {
        return Value.unresolved(o, "unreadable timestamp");
      }
    }
  }

  // ------------------------------------------------------------------------------- policies

  private void permissions(LambdaFacts.Function f, LambdaFunction fn) {
    for (String qualifier : qualifiersWithGap(f, "policy", true)) {
      String target = qualified(f.arn(), qualifier);
      Gap gap = ctx.gaps.find("policy", ctx.account, ctx.region, target).orElseThrow();
      String id = target + "#policy";
      Origin o = at(target, "/Policy");
      ctx.app.add(
          new Permission(
              ctx.meta(id, "AWS::Lambda::Permission"),
              Value.set(Ref.to(fn.key()), o),
              Values.of(qualifier, o),
              new PolicyDocument("ResourcePolicy", new Node.Unresolved(Gaps.reason(gap), o))));
    }
    for (LambdaFacts.ResourcePolicy p : f.policies()) {
      String target = qualified(f.arn(), p.qualifier());
      statements(
          target,
          p.document(),
          (id, doc, statement) -> {
            Origin o = doc.origin();
            Permission permission =
                new Permission(
                    ctx.meta(id, "AWS::Lambda::Permission"),
                    Value.set(Ref.to(fn.key()), o),
                    Values.of(p.qualifier(), at(target, "/Qualifier")),
                    doc);
            ctx.app.add(permission);
            if (statement != null) {
              notification(permission, fn, statement);
            }
          });
    }
  }

  /**
   * The function ({@code null}) and those of its aliases (and, with {@code versions}, published
   * versions) whose {@code facet} the collector could not read.
   */
  private List<@Nullable String> qualifiersWithGap(
      LambdaFacts.Function f, String facet, boolean versions) {
    List<@Nullable String> all = new ArrayList<>();
    all.add(null);
    all.addAll(f.aliases());
    if (versions) {
      all.addAll(f.versions());
    }
    List<@Nullable String> out = new ArrayList<>();
    for (String q : all) {
      if (ctx.gaps.find(facet, ctx.account, ctx.region, qualified(f.arn(), q)).isPresent()) {
        out.add(q);
      }
    }
    return out;
  }

  static String qualified(String arn, @Nullable String qualifier) {
    return qualifier == null ? arn : arn + ":" + qualifier;
  }

  /** Receives one statement of a resource policy as its own document. */
  interface StatementSink {
    void accept(String id, PolicyDocument document, @Nullable JsonNode statement);
  }

  /**
   * Splits a resource policy into one document per statement (as AWS stores each {@code
   * AddPermission}), each keeping its original path; ids are {@code <target>#<Sid>}.
   */
  static void statements(String target, String json, StatementSink sink) {
    JsonNode doc = JsonDocuments.parse(json);
    Origin o = at(target, "/Policy");
    if (doc == null || !doc.isObject()) {
      sink.accept(
          target + "#policy",
          new PolicyDocument("ResourcePolicy", JsonDocuments.toNode(json, target, "")),
          null);
      return;
    }
    JsonNode statements = doc.get("Statement");
    List<JsonNode> list = new ArrayList<>();
    if (statements != null && statements.isArray()) {
      statements.forEach(list::add);
    } else if (statements != null && statements.isObject()) {
      list.add(statements);
    }
    JsonNode version = doc.get("Version");
    for (int i = 0; i < list.size(); i++) {
      JsonNode s = list.get(i);
      String path = statements != null && statements.isArray() ? "/Statement/" + i : "/Statement";
      List<Node.Entry> entries = new ArrayList<>();
      if (version != null) {
        entries.add(
            new Node.Entry(
                "Version",
                at(target, "/Version"),
                JsonDocuments.toNode(version, target, "/Version")));
      }
      entries.add(
          new Node.Entry(
              "Statement",
              at(target, "/Statement"),
              new Node.ListNode(List.of(JsonDocuments.toNode(s, target, path)), o)));
      String sid = s.path("Sid").asText("");
      sink.accept(
          target + "#" + (sid.isEmpty() ? String.valueOf(i) : sid),
          new PolicyDocument("ResourcePolicy", new Node.MapNode(entries, o)),
          s);
    }
  }

  /** An Allow for an event-sending service means the function is invoked asynchronously by it. */
  private void notification(Permission permission, LambdaFunction fn, JsonNode statement) {
    if (!"Allow".equals(statement.path("Effect").asText())) {
      return;
    }
    JsonNode service = statement.path("Principal").path("Service");
    List<String> services = new ArrayList<>();
    if (service.isTextual()) {
      services.add(service.asText());
    } else if (service.isArray()) {
      service.forEach(s -> services.add(s.asText()));
    }
    for (String s : services) {
      String prefix = s.endsWith(".amazonaws.com") ? s.substring(0, s.indexOf('.')) : s;
      if (!ASYNC_SERVICES.contains(prefix)) {
        continue;
      }
      Origin o = permission.origin();
      Optional<String> source = sourceArn(statement.path("Condition"));
      ctx.app.add(
          new ServiceNotification(
              ctx.meta(permission.id() + "#" + prefix, "AWS::Lambda::EventSource"),
              Value.set(Ref.to(fn.key()), o),
              prefix,
              source.<Value<Ref>>map(a -> Value.set(Ref.literal(a), o)).orElse(Value.absent(o))));
    }
  }

  private static Optional<String> sourceArn(JsonNode condition) {
    for (String op : List.of("ArnLike", "ArnEquals", "StringEquals", "StringLike")) {
      JsonNode v = condition.path(op).path("AWS:SourceArn");
      if (v.isMissingNode()) {
        v = condition.path(op).path("aws:SourceArn");
      }
      if (v.isTextual()) {
        return Optional.of(v.asText());
      }
    }
    return Optional.empty();
  }

  // ----------------------------------------------------------------------------------- URLs

  private void urls(LambdaFacts.Function f, LambdaFunction fn) {
    for (String qualifier : qualifiersWithGap(f, "url", false)) {
      String target = qualified(f.arn(), qualifier);
      Gap gap = ctx.gaps.find("url", ctx.account, ctx.region, target).orElseThrow();
      Origin o = at(target, "/FunctionUrlConfig");
      ctx.app.add(
          new FunctionUrl(
              ctx.meta(target + "#url", "AWS::Lambda::Url"),
              Value.set(Ref.to(fn.key()), o),
              Values.of(qualifier, o),
              Gaps.unresolved(gap, at(target, "/FunctionUrlConfig/AuthType")),
              Value.absent(o)));
    }
    for (LambdaFacts.Url u : f.urls()) {
      String target = qualified(f.arn(), u.qualifier());
      Origin o = at(target, "/FunctionUrlConfig");
      ctx.app.add(
          new FunctionUrl(
              ctx.meta(target + "#url", "AWS::Lambda::Url"),
              Value.set(Ref.to(fn.key()), o),
              Values.of(u.qualifier(), at(target, "/FunctionUrlConfig/Qualifier")),
              Value.set(u.authType(), at(target, "/FunctionUrlConfig/AuthType")),
              cors(u.cors(), target, "/FunctionUrlConfig/Cors")));
    }
  }

  static Value<FunctionUrl.Cors> cors(LambdaFacts.@Nullable Cors cors, String arn, String path) {
    Origin o = at(arn, path);
    if (cors == null) {
      return Value.absent(o);
    }
    return Value.set(
        new FunctionUrl.Cors(
            strings(cors.allowOrigins(), arn, path + "/AllowOrigins"),
            strings(cors.allowMethods(), arn, path + "/AllowMethods"),
            Values.of(cors.allowCredentials(), at(arn, path + "/AllowCredentials"))),
        o);
  }

  private static Value<List<Value<String>>> strings(List<String> list, String arn, String path) {
    List<Value<String>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(Value.set(list.get(i), at(arn, path + "/" + i)));
    }
    return Value.set(out, at(arn, path));
  }
}
