package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One {@code AWS::Serverless::Function} expanded: the {@code AWS::Lambda::Function} under the same
 * logical id, its generated role, alias, event invoke config, function URL and event resources.
 */
final class SamFunction {

  /** Properties SAM copies to the Lambda function unchanged. */
  private static final List<String> COPIED =
      List.of(
          "FunctionName",
          "Description",
          "Handler",
          "Runtime",
          "MemorySize",
          "Timeout",
          "Environment",
          "KmsKeyArn",
          "VpcConfig",
          "ReservedConcurrentExecutions",
          "CodeSigningConfigArn",
          "Layers",
          "Architectures",
          "LoggingConfig",
          "PackageType",
          "ImageConfig",
          "EphemeralStorage",
          "FileSystemConfigs",
          "SnapStart",
          "RuntimeManagementConfig",
          "RecursiveLoop",
          "TenancyConfig",
          "DurableConfig");

  private final SamExpander sam;
  private final TemplateResource fn;
  private final MapNode p;
  private final String id;
  private @Nullable SamRole role;
  private @Nullable String aliasId;
  private @Nullable String aliasName;

  SamFunction(SamExpander sam, TemplateResource fn) {
    this.sam = sam;
    this.fn = fn;
    this.p = fn.properties() instanceof MapNode m ? m : Nodes.map(fn.origin()).build();
    this.id = fn.id();
  }

  String id() {
    return id;
  }

  TemplateResource resource() {
    return fn;
  }

  @Nullable SamRole role() {
    return role;
  }

  /** What events and permissions invoke: the alias when SAM publishes one, else the function. */
  Node invokeName(Origin at) {
    String alias = aliasId;
    return alias != null ? Nodes.ref(alias, at) : Nodes.ref(id, at);
  }

  /** The ARN of what events invoke. */
  Node invokeArn(Origin at) {
    String alias = aliasId;
    return alias != null ? Nodes.ref(alias, at) : Nodes.getAtt(id, "Arn", at);
  }

  /** The placeholder of what API integrations invoke, inside a Fn::Sub. */
  String invokePlaceholder() {
    String alias = aliasId;
    return alias != null ? "${" + alias + "}" : "${" + id + ".Arn}";
  }

  @Nullable String aliasName() {
    return aliasName;
  }

  void expand() {
    Node aliasNode = p.get("AutoPublishAlias").orElse(null);
    sam.text(aliasNode)
        .ifPresent(name -> {
          aliasName = name;
          aliasId = id + "Alias" + name.replaceAll("[^A-Za-z0-9]", "");
        });
    if (generatesRole()) {
      role = new SamRole(id + "Role", keyOrigin("Policies").orElse(fn.origin()));
      baseManagedPolicies(role);
    }
    sam.put(fn.expandedAs("AWS::Lambda::Function", lambdaProperties()));
    String alias = aliasId;
    if (alias != null && aliasNode != null) {
      publishAlias(alias, aliasNode);
    }
    SamRole r = role;
    if (r != null) {
      deadLetterPolicy(r);
    }
    eventInvokeConfig();
    if (r != null) {
      new SamPolicies(sam, id, r).add(p.get("Policies").orElse(null));
    }
    functionUrl();
    new SamEvents(sam, this).expand(p.get("Events").orElse(null));
    if (r != null) {
      Node trust = p.get("AssumeRolePolicyDocument").orElse(null);
      Origin at = keyOrigin("Policies").orElse(fn.origin());
      sam.put(
          TemplateResource.generated(
              r.id(),
              "AWS::IAM::Role",
              r.properties(
                  trust != null ? trust : SamRole.trust("lambda.amazonaws.com", at),
                  p.get("RolePath").orElse(null),
                  p.get("PermissionsBoundary").orElse(null),
                  tags()),
              at,
              fn));
    }
  }

  /** SAM generates a role unless {@code Role} is given (and not {@code AWS::NoValue}). */
  private boolean generatesRole() {
    Node given = p.get("Role").orElse(null);
    return given == null || sam.resolve(given) == null;
  }

  private void baseManagedPolicies(SamRole r) {
    Origin at = keyOrigin("Policies").orElse(fn.origin());
    r.managed(
        ManagedPolicyNames.aws(
            p.get("DurableConfig").isPresent()
                ? "service-role/AWSLambdaBasicDurableExecutionRolePolicy"
                : "service-role/AWSLambdaBasicExecutionRole"),
        at);
    Node tracing = p.get("Tracing").orElse(null);
    // SAM adds X-Ray write access whenever Tracing is set and not Disabled, PassThrough included.
    if (tracing != null && !sam.text(tracing).filter("Disabled"::equals).isPresent()) {
      r.managed(ManagedPolicyNames.aws("AWSXrayWriteOnlyAccess"), tracing.origin());
    }
    p.get("VpcConfig")
        .ifPresent(vpc ->
            r.managed(
                ManagedPolicyNames.aws("service-role/AWSLambdaVPCAccessExecutionRole"),
                vpc.origin()));
  }

  private MapNode lambdaProperties() {
    Nodes.MapBuilder out = Nodes.map(p.origin());
    for (String key : COPIED) {
      out.put(key, p.get(key).orElse(null));
    }
    out.put("Code", code());
    Node tracing = p.get("Tracing").orElse(null);
    if (tracing != null && !sam.text(tracing).filter("Disabled"::equals).isPresent()) {
      out.put("TracingConfig", Nodes.map(tracing.origin()).put("Mode", tracing).build());
    }
    Node dlq = p.get("DeadLetterQueue").orElse(null);
    if (dlq != null) {
      out.put(
          "DeadLetterConfig",
          Nodes.map(dlq.origin()).put("TargetArn", Nodes.get(dlq, "TargetArn")).build());
    }
    SamRole r = role;
    Node givenRole = p.get("Role").orElse(null);
    out.put(
        "Role",
        r != null
            ? Nodes.getAtt(r.id(), "Arn", keyOrigin("Policies").orElse(fn.origin()))
            : givenRole);
    out.put("Tags", tags());
    return out.build();
  }

  /**
   * {@code CodeUri} (an S3 URI, a {@code Bucket/Key} map or a local path), {@code InlineCode},
   * {@code ImageUri}.
   */
  private @Nullable Node code() {
    boolean image = sam.text(p.get("PackageType").orElse(null)).filter("Image"::equals).isPresent();
    if (image) {
      Node uri = p.get("ImageUri").orElse(null);
      return uri == null ? null : Nodes.map(uri.origin()).put("ImageUri", uri).build();
    }
    Node inline = p.get("InlineCode").orElse(null);
    if (inline != null) {
      return Nodes.map(inline.origin()).put("ZipFile", inline).build();
    }
    Node codeUri = p.get("CodeUri").orElse(null);
    if (codeUri instanceof MapNode location && !Nodes.isIntrinsic(location)) {
      return Nodes.map(location.origin())
          .put("S3Bucket", location.get("Bucket").orElse(null))
          .put("S3Key", location.get("Key").orElse(null))
          .put("S3ObjectVersion", location.get("Version").orElse(null))
          .build();
    }
    Optional<String> uri = sam.text(codeUri);
    if (codeUri != null && uri.isPresent() && uri.get().startsWith("s3://")) {
      String rest = uri.get().substring("s3://".length());
      int query = rest.indexOf('?');
      String path = query < 0 ? rest : rest.substring(0, query);
      int slash = path.indexOf('/');
      if (slash > 0) {
        Origin at = codeUri.origin();
        return Nodes.map(at)
            .put("S3Bucket", path.substring(0, slash))
            .put("S3Key", path.substring(slash + 1))
            .build();
      }
    }
    // A local path, as `sam build` and `aws cloudformation package` read it.
    return codeUri;
  }

  /** {@code Tags} as CloudFormation writes them, with the tag SAM adds first. */
  private Node tags() {
    Node tags = p.get("Tags").orElse(null);
    Origin at = tags != null ? tags.origin() : fn.origin();
    Nodes.MapBuilder createdBy = Nodes.map(at).put("Key", "lambda:createdBy").put("Value", "SAM");
    java.util.List<Node> list = new java.util.ArrayList<>();
    list.add(createdBy.build());
    if (tags instanceof MapNode m && !Nodes.isIntrinsic(m)) {
      for (Entry e : m.entries()) {
        list.add(
            Nodes.map(e.keyOrigin())
                .put("Key", Nodes.string(e.key(), e.keyOrigin()))
                .put("Value", e.value())
                .build());
      }
    }
    return Nodes.list(list, at);
  }

  private void publishAlias(String alias, Node aliasNode) {
    Origin at = aliasNode.origin();
    // SAM appends a hash of the code to the version's logical id; the model does not need it.
    String version = id + "Version";
    sam.reference(id + ".Alias", alias);
    sam.reference(id + ".Version", version);
    sam.put(
        TemplateResource.generated(
            version,
            "AWS::Lambda::Version",
            Nodes.map(at).put("FunctionName", Nodes.ref(id, at)).build(),
            at,
            fn));
    sam.put(
        TemplateResource.generated(
            alias,
            "AWS::Lambda::Alias",
            Nodes.map(at)
                .put("Name", aliasNode)
                .put("FunctionName", Nodes.ref(id, at))
                .put("FunctionVersion", Nodes.getAtt(version, "Version", at))
                .build(),
            at,
            fn));
  }

  private void deadLetterPolicy(SamRole r) {
    Node dlq = p.get("DeadLetterQueue").orElse(null);
    if (dlq == null) {
      return;
    }
    Origin at = dlq.origin();
    String action =
        sam.text(Nodes.get(dlq, "Type")).filter("SNS"::equalsIgnoreCase).isPresent()
            ? "sns:Publish"
            : "sqs:SendMessage";
    // SAM writes this statement as Action, Resource, Effect.
    MapNode statement =
        Nodes.map(at)
            .put("Action", action)
            .put("Resource", Nodes.get(dlq, "TargetArn"))
            .put("Effect", "Allow")
            .build();
    MapNode document =
        Nodes.map(at)
            .put("Version", "2012-10-17")
            .put("Statement", Nodes.list(at, statement))
            .build();
    r.inline("DeadLetterQueuePolicy", document, at);
  }

  /** {@code EventInvokeConfig} → {@code <Id>EventInvokeConfig}, with the role policies SAM adds. */
  private void eventInvokeConfig() {
    Node config = p.get("EventInvokeConfig").orElse(null);
    if (!(config instanceof MapNode c)) {
      return;
    }
    Origin at = c.origin();
    String logicalId = id + "EventInvokeConfig";
    Nodes.MapBuilder destinations = Nodes.map(at);
    Node given = c.get("DestinationConfig").orElse(null);
    for (String kind : List.of("OnSuccess", "OnFailure")) {
      Node destination = Nodes.get(given, kind);
      if (destination != null) {
        Node arn = destinationArn(logicalId + kind, destination);
        destinations.put(kind, Nodes.map(destination.origin()).put("Destination", arn).build());
      }
    }
    MapNode built = destinations.build();
    String alias = aliasName;
    sam.put(
        TemplateResource.generated(
            logicalId,
            "AWS::Lambda::EventInvokeConfig",
            Nodes.map(at)
                .put("FunctionName", Nodes.ref(id, at))
                .put("Qualifier", alias != null ? alias : "$LATEST")
                .put("MaximumEventAgeInSeconds", c.get("MaximumEventAgeInSeconds").orElse(null))
                .put("MaximumRetryAttempts", c.get("MaximumRetryAttempts").orElse(null))
                .put("DestinationConfig", built.entries().isEmpty() ? null : built)
                .build(),
            at,
            fn));
  }

  /**
   * The destination ARN; SAM creates a queue or topic when an SQS or SNS destination has none, and
   * grants the role what the destination type needs.
   */
  private @Nullable Node destinationArn(String logicalId, Node destination) {
    Origin at = destination.origin();
    String type = sam.text(Nodes.get(destination, "Type")).orElse("");
    Node arn = Nodes.get(destination, "Destination");
    if (arn == null && (type.equals("SQS") || type.equals("SNS"))) {
      boolean queue = type.equals("SQS");
      String created = logicalId + (queue ? "Queue" : "Topic");
      sam.put(
          TemplateResource.generated(
              created,
              queue ? "AWS::SQS::Queue" : "AWS::SNS::Topic",
              Nodes.map(at).build(),
              at,
              fn));
      arn = queue ? Nodes.getAtt(created, "Arn", at) : Nodes.ref(created, at);
    }
    SamRole r = role;
    if (r != null && arn != null) {
      destinationPolicy(r, logicalId, type, arn, at);
    }
    return arn;
  }

  /** The statement SAM grants for a destination of the given type. */
  static void destinationPolicy(SamRole r, String logicalId, String type, Node arn, Origin at) {
    switch (type) {
      case "SQS" ->
          r.statements(logicalId + "SQSPolicy", at, SamRole.allow("sqs:SendMessage", arn, at));
      case "SNS" ->
          r.statements(logicalId + "SNSPolicy", at, SamRole.allow("sns:publish", arn, at));
      case "EventBridge" ->
          r.statements(
              logicalId + "EventBridgePolicy", at, SamRole.allow("events:PutEvents", arn, at));
      case "Lambda" ->
          r.statements(
              logicalId + "LambdaPolicy", at, SamRole.allow("lambda:InvokeFunction", arn, at));
      case "S3Bucket", "S3" ->
          r.statements(
              logicalId + "S3Policy",
              at,
              SamRole.allow(
                  "s3:PutObject",
                  Nodes.call(
                      "Fn::Join",
                      Nodes.list(
                          at, Nodes.string("/", at), Nodes.list(at, arn, Nodes.string("*", at))),
                      at),
                  at),
              SamRole.allow("s3:ListBucket", arn, at));
      default -> {
        // Kafka destinations need no statement
      }
    }
  }

  /**
   * {@code FunctionUrlConfig} → {@code <Id>Url}; when {@code AuthType} is written as {@code NONE},
   * SAM also adds the two public permissions a URL without auth needs since October 2025.
   */
  private void functionUrl() {
    Node config = p.get("FunctionUrlConfig").orElse(null);
    if (!(config instanceof MapNode c) || Nodes.isIntrinsic(c)) {
      return;
    }
    Origin at = c.origin();
    sam.put(
        TemplateResource.generated(
            id + "Url",
            "AWS::Lambda::Url",
            Nodes.map(at)
                .put("TargetFunctionArn", invokeName(at))
                .put("AuthType", c.get("AuthType").orElse(null))
                .put("Cors", c.get("Cors").orElse(null))
                .put("InvokeMode", c.get("InvokeMode").orElse(null))
                .build(),
            at,
            fn));
    Node authType = c.get("AuthType").orElse(null);
    // SAM looks at the value as written: an intrinsic AuthType gets no permission.
    if (!(authType instanceof Scalar s) || !"NONE".equals(s.text())) {
      return;
    }
    Origin auth = authType.origin();
    sam.put(
        TemplateResource.generated(
            id + "UrlPublicPermissions",
            "AWS::Lambda::Permission",
            Nodes.map(auth)
                .put("Action", "lambda:InvokeFunctionUrl")
                .put("FunctionName", invokeName(auth))
                .put("Principal", "*")
                .put("FunctionUrlAuthType", "NONE")
                .build(),
            auth,
            fn));
    sam.put(
        TemplateResource.generated(
            id + "URLInvokeAllowPublicAccess",
            "AWS::Lambda::Permission",
            Nodes.map(auth)
                .put("Action", "lambda:InvokeFunction")
                .put("FunctionName", invokeName(auth))
                .put("Principal", "*")
                .put("InvokedViaFunctionUrl", Nodes.bool(true, auth))
                .build(),
            auth,
            fn));
  }

  Optional<Origin> keyOrigin(String key) {
    for (int i = p.entries().size() - 1; i >= 0; i--) {
      Entry e = p.entries().get(i);
      if (e.key().equals(key)) {
        return Optional.of(e.keyOrigin());
      }
    }
    return Optional.empty();
  }
}
