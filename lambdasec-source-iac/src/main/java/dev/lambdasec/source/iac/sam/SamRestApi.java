package dev.lambdasec.source.iac.sam;

import static dev.lambdasec.source.iac.sam.SamOpenApi.INTEGRATION;
import static dev.lambdasec.source.iac.sam.SamOpenApi.METHODS;
import static dev.lambdasec.source.iac.sam.SamOpenApi.keys;
import static dev.lambdasec.source.iac.sam.SamOpenApi.requirement;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AWS::Serverless::Api} (or the implicit {@code ServerlessRestApi}) as SAM writes it: an
 * {@code AWS::ApiGateway::RestApi} whose swagger body holds the event routes, CORS preflight
 * methods, the {@code Auth} defaults and authorizers, request models and validators, plus its stage
 * and the permissions of its Lambda authorizers.
 */
final class SamRestApi {

  /** A request validator SAM adds for a {@code RequestModel}. */
  private record Validator(String name, boolean body, boolean params, Origin at) {}

  private final SamExpander sam;
  private final SamApiDeclaration api;
  private final List<Validator> validators = new ArrayList<>();

  SamRestApi(SamExpander sam, SamApiDeclaration api) {
    this.sam = sam;
    this.api = api;
  }

  void build() {
    OpenApiDocument doc =
        SamOpenApi.definition(sam, api, SamOpenApi.skeleton(api, false), this::operation);
    Node cors = api.get("Cors");
    if (cors != null) {
      for (String path : doc.paths()) {
        if (!doc.has(path, "options")) {
          doc.put(path, "options", preflight(cors.origin()));
        }
      }
    }
    if (api.get("Auth") instanceof MapNode) {
      doc.rewrite((method, op) -> METHODS.contains(method) ? defaults(method, op) : op);
    }
    doc.rewrite((method, op) -> METHODS.contains(method) ? SamOpenApi.withoutMarkers(op) : op);
    securityDefinitions(doc);
    resourcePolicy(doc);
    validators(doc);
    MapNode props =
        Nodes.map(api.origin)
            .put("Name", api.get("Name"))
            .put("EndpointConfiguration", endpointConfiguration(api.get("EndpointConfiguration")))
            .put("Body", doc.build())
            .build();
    TemplateResource resource = api.resource("AWS::ApiGateway::RestApi", SamExpander.API, props);
    sam.put(resource);
    Node stageName = api.get("StageName");
    Origin at = stageName != null ? stageName.origin() : api.origin;
    String stage =
        api.declared == null
            ? "Prod"
            : Nodes.text(stageName).orElse("Stage").replaceAll("[^A-Za-z0-9]", "");
    sam.put(
        TemplateResource.generated(
            api.id + stage + "Stage",
            "AWS::ApiGateway::Stage",
            Nodes.map(at)
                .put("RestApiId", Nodes.ref(api.id, at))
                .put("StageName", stageName != null ? stageName : Nodes.string(stage, at))
                .put("AccessLogSetting", api.get("AccessLogSetting"))
                .build(),
            at,
            resource));
    // SAM's deployment also creates a stage named "Stage", without the API's stage settings,
    // unless OpenApiVersion is set (aws-sam-translator ApiGenerator._construct_deployment).
    if (api.get("OpenApiVersion") == null) {
      Origin a = api.origin;
      sam.put(
          TemplateResource.generated(
              api.id + "Deployment",
              "AWS::ApiGateway::Deployment",
              Nodes.map(a).put("RestApiId", Nodes.ref(api.id, a)).put("StageName", "Stage").build(),
              a,
              resource));
    }
    SamOpenApi.authorizerPermissions(sam, api, resource, false);
  }

  /**
   * {@code EndpointConfiguration: REGIONAL} or {@code {Type: REGIONAL}} → {@code {Types: [..]}}.
   */
  private static @Nullable Node endpointConfiguration(@Nullable Node given) {
    if (given == null) {
      return null;
    }
    Node type = Nodes.get(given, "Type");
    Node types = type != null ? type : (given instanceof MapNode ? null : given);
    if (types == null) {
      return given;
    }
    return Nodes.map(given.origin()).put("Types", Nodes.list(given.origin(), types)).build();
  }

  /**
   * The operation SAM writes for an {@code Api} event, with the event's own auth settings as {@code
   * security} (the API defaults are applied afterwards, as SAM does).
   */
  private MapNode operation(SamApiDeclaration.Route route) {
    SamEvents.Event event = route.event();
    Origin at = event.at();
    List<Node> security = new ArrayList<>();
    Node auth = event.get("Auth");
    Node authorizer = Nodes.get(auth, "Authorizer");
    Optional<String> authorizerName = Nodes.text(authorizer);
    if (authorizer != null && authorizerName.isPresent()) {
      security.add(requirement(authorizerName.get(), authorizer.origin()));
    }
    Node apiKey = Nodes.get(auth, "ApiKeyRequired");
    if (apiKey != null) {
      boolean required = SamOpenApi.isTrue(sam, apiKey);
      security.add(requirement(required ? "api_key" : "api_key_false", apiKey.origin()));
    }
    List<Node> parameters = new ArrayList<>();
    Nodes.MapBuilder op =
        Nodes.map(at).put(INTEGRATION, SamOpenApi.integration(route.fn(), at, false));
    Node model = event.get("RequestModel");
    Optional<String> modelName =
        Nodes.text(Nodes.get(model, "Model")).map(m -> m.toLowerCase(Locale.ROOT));
    if (model != null && modelName.isPresent()) {
      Origin mo = model.origin();
      parameters.add(
          Nodes.map(mo)
              .put("in", "body")
              .put("name", modelName.get())
              .put("schema", Nodes.map(mo).put("$ref", "#/definitions/" + modelName.get()).build())
              .put("required", Nodes.get(model, "Required"))
              .build());
      Node validateBody = Nodes.get(model, "ValidateBody");
      Node validateParameters = Nodes.get(model, "ValidateParameters");
      if (validateBody != null || validateParameters != null) {
        boolean body = SamOpenApi.isTrue(sam, validateBody);
        boolean params = SamOpenApi.isTrue(sam, validateParameters);
        String name = validatorName(body, params);
        op.put("x-amazon-apigateway-request-validator", Nodes.string(name, mo));
        validators.add(new Validator(name, body, params, mo));
      }
    }
    for (Node parameter : Nodes.items(event.get("RequestParameters"))) {
      requestParameter(parameter).ifPresent(parameters::add);
    }
    if (!security.isEmpty()) {
      op.put("security", Nodes.list(security, security.getFirst().origin()));
    }
    if (!parameters.isEmpty()) {
      op.put("parameters", Nodes.list(parameters, at));
    }
    return op.put("responses", Nodes.map(at).build()).build();
  }

  /** SAM's validator names. */
  private static String validatorName(boolean body, boolean params) {
    if (body && params) {
      return "body-and-params";
    }
    if (body) {
      return "body-only";
    }
    return params ? "params-only" : "no-validation";
  }

  private void validators(OpenApiDocument doc) {
    String key = "x-amazon-apigateway-request-validators";
    for (Validator v : validators) {
      Node existing = doc.top(key);
      if (Nodes.get(existing, v.name()) != null) {
        continue;
      }
      MapNode all = existing instanceof MapNode m ? m : Nodes.map(v.at()).build();
      doc.putTop(
          key,
          Nodes.with(
              all,
              v.name(),
              Nodes.map(v.at())
                  .put("validateRequestBody", Nodes.bool(v.body(), v.at()))
                  .put("validateRequestParameters", Nodes.bool(v.params(), v.at()))
                  .build()));
    }
  }

  /** {@code method.request.header.X} (or {@code {name: {Required, Caching}}}) as a parameter. */
  private Optional<Node> requestParameter(Node parameter) {
    Origin at = parameter.origin();
    String name;
    Node required = null;
    if (parameter instanceof MapNode m && m.entries().size() == 1) {
      name = m.entries().getFirst().key();
      required = Nodes.get(m.entries().getFirst().value(), "Required");
    } else {
      Optional<String> text = Nodes.text(parameter);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      name = text.get();
    }
    String[] parts = name.split("\\.", 4);
    if (parts.length < 4) {
      return Optional.empty();
    }
    String in = parts[2].equals("querystring") ? "query" : parts[2];
    return Optional.of(
        Nodes.map(at)
            .put("name", parts[3])
            .put("in", in)
            .put("required", Nodes.bool(SamOpenApi.isTrue(sam, required), at))
            .put("type", "string")
            .build());
  }

  /** The OPTIONS method SAM adds to every path for CORS: a mock integration. */
  private static MapNode preflight(Origin at) {
    return Nodes.map(at)
        .put("summary", "CORS support")
        .put(INTEGRATION, Nodes.map(at).put("type", "mock").build())
        .put("responses", Nodes.map(at).build())
        .build();
  }

  /**
   * The API's {@code DefaultAuthorizer} and {@code ApiKeyRequired} applied to an operation that has
   * an integration, as SAM applies them: an operation that names an authorizer keeps it, {@code
   * NONE} opts out; {@code ApiKeyRequired: false} on the event opts out of the key. Preflight
   * methods follow {@code AddDefaultAuthorizerToCorsPreflight} and {@code
   * AddApiKeyRequiredToCorsPreflight} (both true by default).
   */
  private Node defaults(String method, Node operation) {
    if (!(operation instanceof MapNode op) || op.get(INTEGRATION).isEmpty()) {
      return operation;
    }
    boolean preflight = method.equals("options");
    Node given = op.get("security").orElse(null);
    List<Node> security = new ArrayList<>(Nodes.items(given));
    boolean changed = false;
    Node defaultAuthorizer = api.auth("DefaultAuthorizer");
    Optional<String> defaultName = Nodes.text(defaultAuthorizer);
    boolean preflightAuth =
        !SamOpenApi.isFalse(sam, api.auth("AddDefaultAuthorizerToCorsPreflight"));
    if (defaultName.isPresent() && defaultAuthorizer != null && (!preflight || preflightAuth)) {
      Set<String> names = new HashSet<>(Set.of("AWS_IAM"));
      if (api.auth("Authorizers") instanceof MapNode authorizers) {
        names.addAll(authorizers.keys());
      }
      List<Node> others = new ArrayList<>();
      List<Node> authorizers = new ArrayList<>();
      for (Node s : security) {
        (keys(s).stream().anyMatch(names::contains) ? authorizers : others).add(s);
      }
      Optional<Node> none = others.stream().filter(s -> keys(s).contains("NONE")).findFirst();
      if (none.isPresent()) {
        others.remove(none.get());
        authorizers.clear();
      } else if (authorizers.isEmpty()) {
        authorizers.add(requirement(defaultName.get(), defaultAuthorizer.origin()));
      }
      security = new ArrayList<>(others);
      security.addAll(authorizers);
      changed = true;
    }
    Node apiKey = api.auth("ApiKeyRequired");
    if (apiKey != null && SamOpenApi.isTrue(sam, apiKey)) {
      List<Node> others = new ArrayList<>();
      boolean optedOut = false;
      for (Node s : security) {
        if (keys(s).contains("api_key_false")) {
          optedOut = true;
        } else if (!keys(s).contains("api_key")) {
          others.add(s);
        }
      }
      security = new ArrayList<>(others);
      boolean preflightKey = !SamOpenApi.isFalse(sam, api.auth("AddApiKeyRequiredToCorsPreflight"));
      if (!optedOut && (!preflight || preflightKey)) {
        security.add(requirement("api_key", apiKey.origin()));
      }
      changed = true;
    }
    if (!changed) {
      return op;
    }
    Origin at = given != null ? given.origin() : op.origin();
    return Nodes.with(op, "security", Nodes.list(security, at));
  }

  /**
   * {@code securityDefinitions}: the authorizers of {@code Auth.Authorizers}, plus {@code AWS_IAM}
   * and {@code api_key} when an operation uses them.
   */
  private void securityDefinitions(OpenApiDocument doc) {
    Set<String> used = SamOpenApi.usedSchemes(doc);
    Node existing = doc.top("securityDefinitions");
    MapNode schemes = existing instanceof MapNode m ? m : Nodes.map(api.origin).build();
    schemes = SamOpenApi.authorizerSchemes(sam, api, schemes, this::scheme);
    if (used.contains("AWS_IAM")) {
      schemes = Nodes.with(schemes, "AWS_IAM", SamOpenApi.iamScheme(api.authOrigin()));
    }
    if (used.contains("api_key")) {
      Node apiKey = api.auth("ApiKeyRequired");
      Origin at = apiKey != null ? apiKey.origin() : api.origin;
      schemes =
          Nodes.with(
              schemes,
              "api_key",
              Nodes.map(at)
                  .put("type", "apiKey")
                  .put("name", "x-api-key")
                  .put("in", "header")
                  .build());
    }
    if (!schemes.entries().isEmpty()) {
      doc.putTop("securityDefinitions", schemes);
    }
  }

  /** A REST authorizer: {@code FunctionArn} (TOKEN or REQUEST) or {@code UserPoolArn}. */
  private Optional<MapNode> scheme(Entry authorizer) {
    Node def = authorizer.value();
    Origin at = def.origin();
    Node function = Nodes.get(def, "FunctionArn");
    Node userPool = Nodes.get(def, "UserPoolArn");
    String header = sam.text(Nodes.at(def, "Identity", "Header")).orElse("Authorization");
    if (function != null) {
      String payload =
          sam.text(Nodes.get(def, "FunctionPayloadType")).orElse("TOKEN").toLowerCase(Locale.ROOT);
      return Optional.of(
          Nodes.map(at)
              .put("type", "apiKey")
              .put("name", payload.equals("token") ? header : "Unused")
              .put("in", "header")
              .put("x-amazon-apigateway-authtype", "custom")
              .put(
                  "x-amazon-apigateway-authorizer",
                  Nodes.map(at)
                      .put("type", payload)
                      .put("authorizerUri", SamOpenApi.authorizerUri(function, at))
                      .build())
              .build());
    }
    if (userPool != null) {
      return Optional.of(
          Nodes.map(at)
              .put("type", "apiKey")
              .put("name", header)
              .put("in", "header")
              .put("x-amazon-apigateway-authtype", "cognito_user_pools")
              .put(
                  "x-amazon-apigateway-authorizer",
                  Nodes.map(at)
                      .put("type", "cognito_user_pools")
                      .put(
                          "providerARNs",
                          userPool instanceof Node.ListNode ? userPool : Nodes.list(at, userPool))
                      .build())
              .build());
    }
    return Optional.empty();
  }

  /**
   * {@code Auth.ResourcePolicy} written as SAM writes it: for every path, statements on the path's
   * methods for the account, IP range and VPC allow and deny lists, then the custom statements.
   */
  private void resourcePolicy(OpenApiDocument doc) {
    if (!(api.auth("ResourcePolicy") instanceof MapNode p)) {
      return;
    }
    Origin at = p.origin();
    List<Node> statements = new ArrayList<>();
    for (String path : doc.paths()) {
      Node resources = methodResources(doc, path, at);
      accounts(p, "AwsAccountWhitelist", "Allow", resources).ifPresent(statements::add);
      accounts(p, "AwsAccountBlacklist", "Deny", resources).ifPresent(statements::add);
      guarded(
          p.get("IpRangeWhitelist").orElse(null),
          "NotIpAddress",
          "aws:SourceIp",
          resources,
          statements);
      guarded(
          p.get("IpRangeBlacklist").orElse(null),
          "IpAddress",
          "aws:SourceIp",
          resources,
          statements);
      vpcs(p, "Blacklist", "StringEquals", resources, statements);
      vpcs(p, "Whitelist", "StringNotEquals", resources, statements);
    }
    statements.addAll(Nodes.items(p.get("CustomStatements").orElse(null)));
    List<Node> unique = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node statement : statements) {
      if (seen.add(Nodes.content(statement))) {
        unique.add(statement);
      }
    }
    doc.putTop(
        "x-amazon-apigateway-policy",
        Nodes.map(at)
            .put("Version", "2012-10-17")
            .put("Statement", Nodes.list(unique, at))
            .build());
  }

  /** {@code execute-api:/<stage>/<METHOD>/<path>} for every method of a path. */
  private Node methodResources(OpenApiDocument doc, String path, Origin at) {
    Node stageName = api.get("StageName");
    Node stage = stageName != null ? stageName : Nodes.string("Prod", at);
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String resourcePath =
        trimmed.replaceAll("\\{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\\+|proxy\\+)}", "*");
    List<Node> resources = new ArrayList<>();
    for (String method : doc.methods(path)) {
      if (!METHODS.contains(method.toLowerCase(Locale.ROOT)) && !method.equalsIgnoreCase("any")) {
        continue;
      }
      boolean any =
          method.equalsIgnoreCase(SamOpenApi.ANY_METHOD) || method.equalsIgnoreCase("any");
      String verb = any ? "*" : method.toUpperCase(Locale.ROOT);
      resources.add(
          Nodes.sub(
              "execute-api:/${__Stage__}/" + verb + resourcePath,
              Nodes.map(at).put("__Stage__", stage).build(),
              at));
    }
    return Nodes.list(resources, at);
  }

  private static Optional<Node> accounts(
      MapNode policy, String key, String effect, Node resources) {
    Node accounts = policy.get(key).orElse(null);
    if (accounts == null) {
      return Optional.empty();
    }
    Origin at = accounts.origin();
    Node principals = accounts instanceof Node.ListNode ? accounts : Nodes.list(at, accounts);
    return Optional.of(
        Nodes.map(at)
            .put("Effect", effect)
            .put("Action", "execute-api:Invoke")
            .put("Resource", resources)
            .put("Principal", Nodes.map(at).put("AWS", principals).build())
            .build());
  }

  /** Allow everyone, then deny those the condition singles out. */
  private static void guarded(
      @Nullable Node values, String operator, String key, Node resources, List<Node> out) {
    if (values == null) {
      return;
    }
    Origin at = values.origin();
    Node list = values instanceof Node.ListNode ? values : Nodes.list(at, values);
    guarded(
        Nodes.map(at).put(operator, Nodes.map(at).put(key, list).build()).build(), resources, out);
  }

  private static void guarded(MapNode condition, Node resources, List<Node> out) {
    Origin at = condition.origin();
    out.add(
        Nodes.map(at)
            .put("Effect", "Allow")
            .put("Action", "execute-api:Invoke")
            .put("Resource", resources)
            .put("Principal", "*")
            .build());
    out.add(
        Nodes.map(at)
            .put("Effect", "Deny")
            .put("Action", "execute-api:Invoke")
            .put("Resource", resources)
            .put("Principal", "*")
            .put("Condition", condition)
            .build());
  }

  /** {@code SourceVpc<kind>} split into VPCs and endpoints, plus the intrinsic variants. */
  private static void vpcs(
      MapNode policy, String kind, String operator, Node resources, List<Node> out) {
    List<Node> vpc = new ArrayList<>();
    List<Node> vpce = new ArrayList<>();
    Origin at = policy.origin();
    Node given = policy.get("SourceVpc" + kind).orElse(null);
    for (Node endpoint : Nodes.items(given)) {
      String text = Nodes.text(endpoint).orElse("");
      if (text.startsWith("vpce-")) {
        vpce.add(endpoint);
      } else if (text.startsWith("vpc-")) {
        vpc.add(endpoint);
      }
    }
    vpc.addAll(Nodes.items(policy.get("IntrinsicVpc" + kind).orElse(null)));
    vpce.addAll(Nodes.items(policy.get("IntrinsicVpce" + kind).orElse(null)));
    if (vpc.isEmpty() && vpce.isEmpty()) {
      return;
    }
    Nodes.MapBuilder keys = Nodes.map(at);
    if (!vpc.isEmpty()) {
      keys.put("aws:SourceVpc", Nodes.list(vpc, at));
    }
    if (!vpce.isEmpty()) {
      keys.put("aws:SourceVpce", Nodes.list(vpce, at));
    }
    guarded(Nodes.map(at).put(operator, keys.build()).build(), resources, out);
  }
}
