package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.ListNode;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One function expanded as the framework compiles it: the {@code AWS::Lambda::Function} (kept under
 * the function's key, which is the id users know), its log group, function URL and its permission,
 * event invoke config, and what its events generate. Settings the function does not write are taken
 * from {@code provider}.
 */
final class FunctionExpander {

  private static final List<String> URL_CORS_HEADERS =
      List.of("Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token");

  private final ServiceExpander sls;
  private final Service service;
  private final Fn fn;
  private final MapNode c;
  private final Origin at;

  FunctionExpander(ServiceExpander sls, Fn fn) {
    this.sls = sls;
    this.service = sls.service();
    this.fn = fn;
    this.c = fn.config();
    this.at = fn.at();
  }

  void expand(@Nullable Node providerRole) {
    Node name = nameOf();
    Node logGroupName = Service.join(at, "/aws/lambda/", name);
    boolean logs = !Service.isTrue(fn.get("disableLogs"));
    ExecutionRole role = fn.role();
    Nodes.MapBuilder p = Nodes.map(c.origin());
    p.put("FunctionName", name);
    p.put("Handler", fn.get("handler"));
    Node image = fn.get("image");
    if (image != null) {
      p.put("PackageType", Nodes.string("Image", image.origin()));
      p.put("Code", Nodes.map(image.origin()).put("ImageUri", imageUri(image)).build());
    } else {
      p.put("Runtime", runtime());
      p.put("Code", artifact());
    }
    p.put("MemorySize", orDefault(service.inherited(c, "memorySize"), "1024"));
    p.put("Timeout", orDefault(service.inherited(c, "timeout"), "6"));
    p.put("Description", fn.get("description"));
    p.put("Environment", environment());
    p.put("KmsKeyArn", kmsKey());
    Node vpc = vpc();
    p.put("VpcConfig", vpc);
    Node tracing = tracing();
    if (tracing != null) {
      p.put("TracingConfig", Nodes.map(tracing.origin()).put("Mode", tracing).build());
    }
    Node onError = fn.get("onError");
    if (onError != null) {
      p.put("DeadLetterConfig", Nodes.map(onError.origin()).put("TargetArn", onError).build());
    }
    p.put("ReservedConcurrentExecutions", fn.get("reservedConcurrency"));
    p.put("Layers", service.inherited(c, "layers"));
    p.put("Architectures", architectures());
    p.put("Role", roleOf(providerRole));
    p.put("Tags", tags());
    if (logs && !(name instanceof Scalar)) {
      // The log group name cannot be known, so link the function to the log group directly.
      p.put(
          "LoggingConfig",
          Nodes.map(at).put("LogGroup", Nodes.ref(LogicalIds.logGroup(fn.key()), at)).build());
    }
    sls.put(fn.key(), "AWS::Lambda::Function", p.build(), at, null);
    sls.rename(LogicalIds.lambda(fn.key()), fn.key());
    if (logs) {
      logGroup(logGroupName);
    }
    if (role != null) {
      if (logs) {
        role.logGroup(logGroupName);
      }
      if (vpc != null) {
        role.managed(Nodes.sub(ExecutionRole.VPC_POLICY, vpc.origin()));
      }
      if (tracing != null && Service.text(tracing).filter("Active"::equals).isPresent()) {
        role.allow(
            List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"),
            List.of(Nodes.string("*", tracing.origin())),
            tracing.origin());
      }
      if (onError != null) {
        Destinations.grant(role, Destinations.typeOf(onError, sls), onError, onError.origin());
      }
    }
    url();
    new Destinations(sls, fn).eventInvokeConfig();
    events();
  }

  private Node nameOf() {
    Node given = fn.get("name");
    if (given != null && !(given instanceof Scalar s && s.kind() == Scalar.Kind.NULL)) {
      return given;
    }
    return Service.join(at, service.prefix(at), "-", fn.key());
  }

  private Node runtime() {
    Node runtime = service.inherited(c, "runtime");
    return runtime != null
        ? runtime
        : new Unresolved("no runtime is written; the framework's version decides the default", at);
  }

  /** A setting the function and the provider leave out: the framework's default. */
  private Node orDefault(@Nullable Node given, String number) {
    return given != null ? given : new Scalar(number, Scalar.Kind.NUMBER, at);
  }

  /** {@code package.artifact} of the function or the service: where the code is packaged. */
  private @Nullable Node artifact() {
    Node own = Nodes.at(c, "package", "artifact");
    Node artifact = own != null ? own : Nodes.at(service.section("package"), "artifact");
    return artifact;
  }

  /** {@code image: uri} or {@code image: {uri}}; named images of {@code provider.ecr} stay open. */
  private Node imageUri(Node image) {
    Node uri = image instanceof MapNode m ? m.get("uri").orElse(null) : image;
    if (uri instanceof Scalar s && s.text() != null && s.text().contains(".dkr.ecr.")) {
      return uri;
    }
    if (uri instanceof Scalar s && s.text() != null) {
      return new Unresolved("image " + s.text() + " is built at deployment", image.origin());
    }
    return uri != null ? uri : new Unresolved("the image is built at deployment", image.origin());
  }

  /** {@code provider.environment} overridden by the function's own variables. */
  private @Nullable Node environment() {
    Node shared = service.provider("environment");
    Node own = fn.get("environment");
    if (shared == null && own == null) {
      return null;
    }
    for (Node n : new Node[] {shared, own}) {
      if (n != null && !(n instanceof MapNode) && !isNull(n)) {
        return Nodes.map(n.origin())
            .put(
                "Variables",
                n instanceof Unresolved u
                    ? u
                    : new Unresolved("environment is not a map of variables", n.origin()))
            .build();
      }
    }
    MapNode merged = merge(shared, own);
    return Nodes.map(merged.origin()).put("Variables", merged).build();
  }

  /** The entries of {@code base} overridden by those of {@code over}; either may be absent. */
  static MapNode merge(@Nullable Node base, @Nullable Node over) {
    List<Entry> entries = new ArrayList<>();
    Origin origin = over != null ? over.origin() : base != null ? base.origin() : Origin.NONE;
    if (base instanceof MapNode b) {
      entries.addAll(b.entries());
    }
    if (over instanceof MapNode o) {
      for (Entry e : o.entries()) {
        entries.removeIf(x -> x.key().equals(e.key()));
        entries.add(e);
      }
    }
    return new MapNode(entries, origin);
  }

  private static boolean isNull(@Nullable Node n) {
    return n instanceof Scalar s && s.kind() == Scalar.Kind.NULL;
  }

  private @Nullable Node kmsKey() {
    Node key = service.inherited(c, "kmsKeyArn");
    if (key == null) {
      key = service.inherited(c, "awsKmsKeyArn");
    }
    return key;
  }

  /** {@code vpc: {securityGroupIds, subnetIds}} of the function, else of the provider. */
  private @Nullable Node vpc() {
    Node vpc = service.inherited(c, "vpc");
    if (vpc == null || isNull(vpc)) {
      return null;
    }
    if (!(vpc instanceof MapNode m) || Nodes.isIntrinsic(vpc)) {
      return vpc instanceof Unresolved ? vpc : new Unresolved("vpc is not a map", vpc.origin());
    }
    return Nodes.map(m.origin())
        .put("SecurityGroupIds", m.get("securityGroupIds").orElse(null))
        .put("SubnetIds", m.get("subnetIds").orElse(null))
        .build();
  }

  /**
   * {@code tracing: Active|PassThrough|true} of the function, else {@code provider.tracing.lambda};
   * {@code null} when tracing is off.
   */
  private @Nullable Node tracing() {
    Node own = fn.get("tracing");
    Node mode = own != null ? own : service.provider("tracing", "lambda");
    if (mode == null || isNull(mode)) {
      return null;
    }
    if (mode instanceof Scalar s && s.text() != null) {
      String t = s.text().strip().toLowerCase(Locale.ROOT);
      return switch (t) {
        case "true", "active" -> Nodes.string("Active", s.origin());
        case "passthrough" -> Nodes.string("PassThrough", s.origin());
        case "false" -> null;
        default -> s;
      };
    }
    return mode;
  }

  private @Nullable Node architectures() {
    Node arch = service.inherited(c, "architecture");
    return arch == null || arch instanceof ListNode ? arch : Nodes.list(arch.origin(), arch);
  }

  /**
   * The function's own {@code role}, else the role the provider names, else the generated one. A
   * name without {@code :} is the logical id of a role in {@code resources}.
   */
  private Node roleOf(@Nullable Node providerRole) {
    Node own = fn.get("role");
    if (own != null && !isNull(own)) {
      return roleValue(own);
    }
    ExecutionRole role = fn.role();
    if (role != null) {
      return role.arn(providerRole != null ? providerRole.origin() : at);
    }
    return providerRole != null
        ? roleValue(providerRole)
        : new Unresolved("the function has no role", at);
  }

  static Node roleValue(Node role) {
    if (role instanceof Scalar s && s.text() != null && !s.text().contains(":")) {
      return Nodes.getAtt(s.text(), "Arn", s.origin());
    }
    return role;
  }

  /** {@code provider.stackTags}, {@code provider.tags} and the function's {@code tags}. */
  private @Nullable Node tags() {
    MapNode merged =
        merge(merge(service.provider("stackTags"), service.provider("tags")), fn.get("tags"));
    if (merged.entries().isEmpty()) {
      return null;
    }
    List<Node> list = new ArrayList<>();
    for (Entry e : merged.entries()) {
      list.add(
          Nodes.map(e.keyOrigin())
              .put("Key", Nodes.string(e.key(), e.keyOrigin()))
              .put("Value", e.value())
              .build());
    }
    return Nodes.list(list, merged.origin());
  }

  /**
   * {@code <Name>LogGroup}, with the retention of the function or the provider (a key is merged in
   * through {@code resources}, the framework has no setting for it).
   */
  private void logGroup(Node name) {
    Node retention = service.inherited(c, "logRetentionInDays");
    sls.put(
        LogicalIds.logGroup(fn.key()),
        "AWS::Logs::LogGroup",
        Nodes.map(at).put("LogGroupName", name).put("RetentionInDays", retention).build(),
        at,
        fn.key());
  }

  /**
   * {@code url: true} or {@code url: {authorizer: aws_iam, cors}}: {@code <Name>LambdaFunctionUrl},
   * and the public permission the framework adds when there is no authorizer.
   */
  private void url() {
    Node url = fn.get("url");
    if (url == null || isNull(url) || Service.text(url).filter("false"::equals).isPresent()) {
      return;
    }
    Origin o = url.origin();
    Node authorizer = Nodes.get(url, "authorizer");
    Node authType;
    if (authorizer instanceof Unresolved u) {
      authType = u;
    } else {
      boolean iam = Service.text(authorizer).filter(a -> a.equalsIgnoreCase("aws_iam")).isPresent();
      authType =
          Nodes.string(iam ? "AWS_IAM" : "NONE", authorizer != null ? authorizer.origin() : o);
    }
    sls.put(
        fn.logical() + "LambdaFunctionUrl",
        "AWS::Lambda::Url",
        Nodes.map(o)
            .put("TargetFunctionArn", fn.arn(o))
            .put("AuthType", authType)
            .put("Cors", cors(Nodes.get(url, "cors")))
            .put("InvokeMode", Nodes.get(url, "invokeMode"))
            .build(),
        o,
        fn.key());
    if (Service.text(authType).filter("NONE"::equals).isPresent()) {
      sls.put(
          fn.logical() + "LambdaPermissionFnUrl",
          "AWS::Lambda::Permission",
          Nodes.map(o)
              .put("FunctionName", fn.arn(o))
              .put("Action", "lambda:InvokeFunctionUrl")
              .put("Principal", "*")
              .put("FunctionUrlAuthType", "NONE")
              .build(),
          o,
          fn.key());
    }
  }

  /** The URL's CORS: {@code true} opens it to every origin, a map names what it allows. */
  private static @Nullable Node cors(@Nullable Node cors) {
    if (cors == null || isNull(cors) || Service.text(cors).filter("false"::equals).isPresent()) {
      return null;
    }
    Origin o = cors.origin();
    if (cors instanceof Unresolved) {
      return cors;
    }
    Optional<MapNode> given = cors instanceof MapNode m ? Optional.of(m) : Optional.empty();
    Node origins = given.flatMap(m -> m.get("allowedOrigins")).orElse(null);
    Node methods = given.flatMap(m -> m.get("allowedMethods")).orElse(null);
    Node headers = given.flatMap(m -> m.get("allowedHeaders")).orElse(null);
    return Nodes.map(o)
        .put("AllowOrigins", origins != null ? origins : Nodes.list(o, Nodes.string("*", o)))
        .put("AllowMethods", methods != null ? methods : Nodes.list(o, Nodes.string("*", o)))
        .put("AllowHeaders", headers != null ? headers : strings(URL_CORS_HEADERS, o))
        .put("AllowCredentials", given.flatMap(m -> m.get("allowCredentials")).orElse(null))
        .put("ExposeHeaders", given.flatMap(m -> m.get("exposedResponseHeaders")).orElse(null))
        .put("MaxAge", given.flatMap(m -> m.get("maxAge")).orElse(null))
        .build();
  }

  static Node strings(List<String> values, Origin o) {
    return Nodes.list(values.stream().map(v -> (Node) Nodes.string(v, o)).toList(), o);
  }

  private void events() {
    Node events = fn.get("events");
    if (events == null || isNull(events)) {
      return;
    }
    if (!(events instanceof ListNode list)) {
      sls.notes().add(events.origin(), "events of function " + fn.key() + " are not a list");
      return;
    }
    Events expander = sls.events();
    for (Node item : list.items()) {
      if (item instanceof MapNode m && m.entries().size() == 1) {
        Entry e = m.entries().getFirst();
        expander.expand(fn, e.key(), e.value(), e.keyOrigin());
      } else if (item instanceof Scalar s && s.text() != null) {
        // An event without settings, such as "- alexaSkill".
        expander.expand(fn, s.text(), new Scalar(null, Scalar.Kind.NULL, s.origin()), s.origin());
      } else if (item instanceof Unresolved u) {
        sls.notes().add(u.origin(), "an event of " + fn.key() + " is not read: " + u.reason());
      } else {
        sls.notes().add(item.origin(), "an event of " + fn.key() + " is not a single-key map");
      }
    }
  }
}
