package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SAM REST APIs ({@code AWS::Serverless::Api}) and HTTP APIs ({@code AWS::Serverless::HttpApi}),
 * explicit or implicit ({@code ServerlessRestApi}, {@code ServerlessHttpApi}), with the routes of
 * the functions' {@code Api} and {@code HttpApi} events written into their OpenAPI body the way SAM
 * writes them: integrations, {@code security} from the event's and the API's {@code Auth}, CORS
 * preflight methods, request models and validators, authorizer definitions.
 */
final class SamApis {

  static final String IMPLICIT_REST = "ServerlessRestApi";
  static final String IMPLICIT_HTTP = "ServerlessHttpApi";

  private static final String INTEGRATION = "x-amazon-apigateway-integration";
  private static final String ANY_METHOD = "x-amazon-apigateway-any-method";
  private static final String DEFAULT_PATH = "$default";
  private static final Pattern PATH_PARAMETER =
      Pattern.compile("\\{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\\+|proxy\\+)}");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", ANY_METHOD);

  private final SamExpander sam;
  private final Map<String, Declared> rest = new LinkedHashMap<>();
  private final Map<String, Declared> http = new LinkedHashMap<>();

  /** An API with the routes that events add to it. */
  private static final class Declared {
    final String id;
    final @Nullable TemplateResource declared;
    final MapNode props;
    final Origin origin;
    final @Nullable String definedBy;
    final boolean restApi;
    final List<Route> routes = new ArrayList<>();

    Declared(
        String id,
        @Nullable TemplateResource declared,
        MapNode props,
        Origin origin,
        @Nullable String definedBy,
        boolean restApi) {
      this.id = id;
      this.restApi = restApi;
      this.declared = declared;
      this.props = props;
      this.origin = origin;
      this.definedBy = definedBy;
    }

    @Nullable Node get(String key) {
      return props.get(key).orElse(null);
    }

    @Nullable Node auth(String key) {
      return Nodes.get(get("Auth"), key);
    }
  }

  private record Route(SamFunction fn, SamEvents.Event event, String path, String method) {}

  SamApis(SamExpander sam) {
    this.sam = sam;
  }

  void declareRest(TemplateResource r) {
    rest.put(r.id(), new Declared(r.id(), r, properties(r), r.origin(), null, true));
  }

  void declareHttp(TemplateResource r) {
    http.put(r.id(), new Declared(r.id(), r, properties(r), r.origin(), null, false));
  }

  private static MapNode properties(TemplateResource r) {
    return r.properties() instanceof MapNode m ? m : Nodes.map(r.origin()).build();
  }

  /** The API an event names ({@code Ref} or logical id), or the implicit one it creates. */
  private @Nullable Declared target(
      Map<String, Declared> apis,
      @Nullable Node named,
      String implicit,
      String type,
      SamFunction fn,
      SamEvents.Event event) {
    if (named == null) {
      return apis.computeIfAbsent(
          implicit,
          id -> {
            MapNode empty = Nodes.map(event.at()).build();
            Node props = sam.implicitProperties(type, id, empty);
            return new Declared(
                id,
                null,
                props instanceof MapNode m ? m : empty,
                event.at(),
                fn.id(),
                type.equals(SamExpander.API));
          });
    }
    Node ref = Nodes.get(named, "Ref");
    Optional<String> id = Nodes.text(ref != null ? ref : named);
    Declared api = id.map(apis::get).orElse(null);
    if (api == null) {
      sam.notes()
          .add(
              event.at(),
              "event "
                  + event.name()
                  + " of "
                  + fn.id()
                  + " does not name an API of this template");
    }
    return api;
  }

  void restEvent(SamFunction fn, SamEvents.Event event) {
    Declared api = target(rest, event.get("RestApiId"), IMPLICIT_REST, SamExpander.API, fn, event);
    Optional<String> path = sam.text(event.get("Path"));
    Optional<String> method = sam.text(event.get("Method")).map(m -> m.toLowerCase(Locale.ROOT));
    if (api == null || path.isEmpty() || method.isEmpty()) {
      if (api != null) {
        sam.notes().add(event.at(), "Api event " + event.name() + " needs a Path and a Method");
      }
      return;
    }
    api.routes.add(new Route(fn, event, path.get(), method.get()));
    // The permission's logical id ends with the stage: Prod for the implicit API, the
    // StageName of an explicit one, or "Stage" when that is not a plain string.
    String suffix =
        api.declared == null
            ? "Prod"
            : Nodes.text(api.get("StageName"))
                .filter(s -> !s.isEmpty() && !Nodes.isIntrinsic(api.get("StageName")))
                .map(s -> s.replaceAll("[^A-Za-z0-9]", ""))
                .orElse("Stage");
    String verb = method.get().equals("any") ? "*" : method.get().toUpperCase(Locale.ROOT);
    Origin at = event.at();
    permission(
        fn,
        event.logicalId() + "Permission" + suffix,
        "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/"
            + verb
            + permissionPath(path.get()),
        api.id,
        at);
  }

  void httpEvent(SamFunction fn, SamEvents.Event event) {
    Declared api = target(http, event.get("ApiId"), IMPLICIT_HTTP, SamExpander.HTTP_API, fn, event);
    if (api == null) {
      return;
    }
    String path = sam.text(event.get("Path")).orElse(DEFAULT_PATH);
    String method =
        sam.text(event.get("Method")).map(m -> m.toLowerCase(Locale.ROOT)).orElse(ANY_METHOD);
    boolean defaultRoute = path.equals(DEFAULT_PATH);
    boolean coveredByDefault =
        !defaultRoute
            && api.routes.stream().anyMatch(r -> r.fn() == fn && r.path().equals(DEFAULT_PATH));
    api.routes.add(new Route(fn, event, path, method));
    if (coveredByDefault) {
      return; // SAM skips it: the function's $default permission covers every route
    }
    String verb =
        method.equals("any") || method.equals(ANY_METHOD) ? "*" : method.toUpperCase(Locale.ROOT);
    String resource = defaultRoute ? "/*" : "/" + verb + permissionPath(path);
    permission(
        fn,
        event.logicalId() + "Permission",
        "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}"
            + resource,
        api.id,
        event.at());
  }

  /**
   * A route path as it appears in an execute-api ARN: no trailing slash, parameters as {@code *}.
   */
  private static String permissionPath(String path) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return PATH_PARAMETER.matcher(trimmed).replaceAll("*");
  }

  private void permission(SamFunction fn, String id, String sourceArn, String apiId, Origin at) {
    sam.put(
        TemplateResource.generated(
            id,
            "AWS::Lambda::Permission",
            Nodes.map(at)
                .put("Action", "lambda:InvokeFunction")
                .put("FunctionName", fn.invokeName(at))
                .put("Principal", "apigateway.amazonaws.com")
                .put(
                    "SourceArn",
                    Nodes.sub(
                        sourceArn,
                        Nodes.map(at)
                            .put("__ApiId__", Nodes.ref(apiId, at))
                            .put("__Stage__", "*")
                            .build(),
                        at))
                .build(),
            at,
            fn.resource()));
  }

  void build() {
    rest.values().forEach(this::buildRest);
    http.values().forEach(this::buildHttp);
  }

  private TemplateResource apiResource(
      Declared api, String cfnType, String samType, MapNode props) {
    TemplateResource declared = api.declared;
    if (declared != null) {
      return declared.expandedAs(cfnType, props);
    }
    return new TemplateResource(
        api.id,
        cfnType,
        samType,
        props,
        api.origin,
        null,
        api.definedBy,
        Nodes.map(api.origin).build());
  }

  /**
   * The definition SAM edits: the inline {@code DefinitionBody}, or one SAM generates. Event routes
   * go into a generated one, or into an inline one with {@code MergeDefinitions}; a definition SAM
   * cannot read (DefinitionUri, an include) is approximated by the event routes.
   */
  private OpenApiDocument definition(Declared api, MapNode skeleton) {
    Node body = api.get("DefinitionBody");
    Node uri = api.get("DefinitionUri");
    if (body instanceof MapNode m && !Nodes.isIntrinsic(m)) {
      OpenApiDocument doc = new OpenApiDocument(m);
      if (sam.text(api.get("MergeDefinitions")).filter("true"::equalsIgnoreCase).isPresent()) {
        addRoutes(api, doc);
      }
      return doc;
    }
    OpenApiDocument doc = new OpenApiDocument(skeleton);
    Node where = body != null ? body : uri;
    if (where != null) {
      sam.notes()
          .add(
              where.origin(),
              "API "
                  + api.id
                  + " is defined outside the template; its routes are taken from the functions' events only");
    }
    addRoutes(api, doc);
    return doc;
  }

  private void addRoutes(Declared api, OpenApiDocument doc) {
    for (Route route : api.routes) {
      if (sam.excluded(route.fn().resource().condition())) {
        continue;
      }
      String method = route.method().equals("any") ? ANY_METHOD : route.method();
      doc.put(route.path(), method, api.restApi ? restOperation(route, doc) : httpOperation(route));
    }
  }

  private MapNode skeleton(Declared api, boolean openApi3) {
    Origin at = api.origin;
    return Nodes.map(at)
        .put(openApi3 ? "openapi" : "swagger", openApi3 ? "3.0.1" : "2.0")
        .put(
            "info",
            Nodes.map(at)
                .put("version", "1.0")
                .put("title", Nodes.ref("AWS::StackName", at))
                .build())
        .put("paths", Nodes.map(at).build())
        .build();
  }

  // ---------------------------------------------------------------- REST

  private void buildRest(Declared api) {
    OpenApiDocument doc = definition(api, skeleton(api, false));
    Node cors = api.get("Cors");
    if (cors != null) {
      for (String path : doc.paths()) {
        if (!doc.has(path, "options")) {
          doc.put(path, "options", preflight(cors.origin()));
        }
      }
    }
    Node auth = api.get("Auth");
    if (auth instanceof MapNode) {
      doc.rewrite((method, op) -> METHODS.contains(method) ? restDefaults(api, method, op) : op);
    }
    doc.rewrite((method, op) -> METHODS.contains(method) ? withoutMarkers(op) : op);
    securitySchemes(doc, "securityDefinitions", api, true);
    resourcePolicy(api, doc);
    MapNode props =
        Nodes.map(api.origin)
            .put("Name", api.get("Name"))
            .put("EndpointConfiguration", endpointConfiguration(api.get("EndpointConfiguration")))
            .put("Body", doc.build())
            .build();
    TemplateResource resource =
        apiResource(api, "AWS::ApiGateway::RestApi", SamExpander.API, props);
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
    authorizerPermissions(api, resource, false);
  }

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

  /** The operation SAM writes for an {@code Api} event, with the event's own auth settings. */
  private MapNode restOperation(Route route, OpenApiDocument doc) {
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
      boolean required = sam.text(apiKey).filter("true"::equalsIgnoreCase).isPresent();
      security.add(requirement(required ? "api_key" : "api_key_false", apiKey.origin()));
    }
    List<Node> parameters = new ArrayList<>();
    Nodes.MapBuilder op = Nodes.map(at).put(INTEGRATION, integration(route.fn(), at, false));
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
        boolean body = isTrue(validateBody);
        boolean params = isTrue(validateParameters);
        String name = validatorName(body, params);
        op.put("x-amazon-apigateway-request-validator", Nodes.string(name, mo));
        addValidator(doc, name, body, params, mo);
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

  private boolean isTrue(@Nullable Node node) {
    return sam.text(node).filter("true"::equalsIgnoreCase).isPresent();
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

  private static void addValidator(
      OpenApiDocument doc, String name, boolean body, boolean params, Origin at) {
    String key = "x-amazon-apigateway-request-validators";
    Node existing = doc.top(key);
    if (Nodes.get(existing, name) != null) {
      return;
    }
    MapNode validators = existing instanceof MapNode m ? m : Nodes.map(at).build();
    doc.putTop(
        key,
        Nodes.with(
            validators,
            name,
            Nodes.map(at)
                .put("validateRequestBody", Nodes.bool(body, at))
                .put("validateRequestParameters", Nodes.bool(params, at))
                .build()));
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
            .put("required", Nodes.bool(isTrue(required), at))
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
  private Node restDefaults(Declared api, String method, Node operation) {
    if (!(operation instanceof MapNode op) || op.get(INTEGRATION).isEmpty()) {
      return operation;
    }
    boolean preflight = method.equals("options");
    Node given = op.get("security").orElse(null);
    List<Node> security = new ArrayList<>(Nodes.items(given));
    boolean changed = false;
    Node defaultAuthorizer = api.auth("DefaultAuthorizer");
    Optional<String> defaultName = Nodes.text(defaultAuthorizer);
    boolean preflightAuth = !isFalse(api.auth("AddDefaultAuthorizerToCorsPreflight"));
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
    if (apiKey != null && isTrue(apiKey)) {
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
      if (!optedOut && (!preflight || !isFalse(api.auth("AddApiKeyRequiredToCorsPreflight")))) {
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

  private boolean isFalse(@Nullable Node node) {
    return sam.text(node).filter("false"::equalsIgnoreCase).isPresent();
  }

  /** Removes SAM's internal {@code NONE} and {@code api_key_false} markers. */
  private static Node withoutMarkers(Node operation) {
    if (!(Nodes.get(operation, "security") instanceof Node.ListNode security)
        || !(operation instanceof MapNode op)) {
      return operation;
    }
    List<Node> kept =
        security.items().stream()
            .filter(s -> !keys(s).contains("NONE") && !keys(s).contains("api_key_false"))
            .toList();
    return kept.size() == security.items().size()
        ? operation
        : Nodes.with(op, "security", Nodes.list(kept, security.origin()));
  }

  private static List<String> keys(Node requirement) {
    return requirement instanceof MapNode m ? m.keys() : List.of();
  }

  private static MapNode requirement(String name, Origin at) {
    return Nodes.map(at).put(name, Nodes.list(List.of(), at)).build();
  }

  /**
   * Security schemes for the authorizers of {@code Auth.Authorizers}, plus {@code AWS_IAM} and
   * {@code api_key} when an operation uses them.
   */
  private void securitySchemes(OpenApiDocument doc, String key, Declared api, boolean restApi) {
    Set<String> used = new HashSet<>();
    for (Node op : doc.operations()) {
      Nodes.items(Nodes.get(op, "security")).forEach(s -> used.addAll(keys(s)));
    }
    Node existing =
        key.equals("securityDefinitions")
            ? doc.top(key)
            : Nodes.at(doc.top("components"), "securitySchemes");
    MapNode schemes = existing instanceof MapNode m ? m : Nodes.map(api.origin).build();
    boolean any = !schemes.entries().isEmpty();
    if (api.auth("Authorizers") instanceof MapNode authorizers) {
      for (Entry a : authorizers.entries()) {
        Optional<MapNode> scheme = restApi ? restScheme(a) : httpScheme(a);
        if (scheme.isPresent()) {
          schemes = Nodes.with(schemes, a.key(), scheme.get());
          any = true;
        } else {
          sam.notes()
              .add(a.keyOrigin(), "authorizer " + a.key() + " of " + api.id + " is not understood");
        }
      }
    }
    boolean iam = used.contains("AWS_IAM") || (!restApi && isTrue(api.auth("EnableIamAuthorizer")));
    if (iam) {
      Origin at = api.get("Auth") != null ? api.get("Auth").origin() : api.origin;
      schemes =
          Nodes.with(
              schemes,
              "AWS_IAM",
              Nodes.map(at)
                  .put("x-amazon-apigateway-authtype", "awsSigv4")
                  .put("type", "apiKey")
                  .put("name", "Authorization")
                  .put("in", "header")
                  .build());
      any = true;
    }
    if (restApi && used.contains("api_key")) {
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
      any = true;
    }
    if (!any) {
      return;
    }
    if (restApi) {
      doc.putTop(key, schemes);
    } else {
      Node components = doc.top("components");
      MapNode c = components instanceof MapNode m ? m : Nodes.map(api.origin).build();
      doc.putTop("components", Nodes.with(c, "securitySchemes", schemes));
    }
  }

  /** A REST authorizer: {@code FunctionArn} (TOKEN or REQUEST) or {@code UserPoolArn}. */
  private Optional<MapNode> restScheme(Entry authorizer) {
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
                      .put("authorizerUri", authorizerUri(function, at, false))
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

  private static MapNode authorizerUri(Node function, Origin at, boolean partition) {
    return Nodes.sub(
        "arn:"
            + (partition ? "${AWS::Partition}" : "aws")
            + ":apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations",
        Nodes.map(at).put("__FunctionArn__", function).build(),
        at);
  }

  /** {@code Auth.ResourcePolicy}: custom statements; other shorthands are not expanded. */
  private void resourcePolicy(Declared api, OpenApiDocument doc) {
    Node policy = api.auth("ResourcePolicy");
    if (!(policy instanceof MapNode p)) {
      return;
    }
    List<Node> statements = new ArrayList<>();
    for (Entry e : p.entries()) {
      if (e.key().equals("CustomStatements")) {
        statements.addAll(Nodes.items(e.value()));
      } else {
        sam.notes().add(e.keyOrigin(), "ResourcePolicy " + e.key() + " is not expanded");
        statements.add(
            new Node.Unresolved("ResourcePolicy " + e.key() + " is not expanded", e.keyOrigin()));
      }
    }
    Origin at = p.origin();
    doc.putTop(
        "x-amazon-apigateway-policy",
        Nodes.map(at)
            .put("Version", "2012-10-17")
            .put("Statement", Nodes.list(statements, at))
            .build());
  }

  /** The permission SAM grants an API to invoke each Lambda authorizer. */
  private void authorizerPermissions(Declared api, TemplateResource resource, boolean httpApi) {
    if (!(api.auth("Authorizers") instanceof MapNode authorizers)) {
      return;
    }
    for (Entry a : authorizers.entries()) {
      Node function = Nodes.get(a.value(), "FunctionArn");
      boolean enabled =
          httpApi
              ? isTrue(Nodes.get(a.value(), "EnableFunctionDefaultPermissions"))
              : !isTrue(Nodes.get(a.value(), "DisableFunctionDefaultPermissions"));
      if (function == null || !enabled) {
        continue;
      }
      Origin at = a.value().origin();
      sam.put(
          TemplateResource.generated(
              api.id + a.key() + "AuthorizerPermission",
              "AWS::Lambda::Permission",
              Nodes.map(at)
                  .put("Action", "lambda:InvokeFunction")
                  .put("FunctionName", function)
                  .put("Principal", "apigateway.amazonaws.com")
                  .put(
                      "SourceArn",
                      Nodes.sub(
                          "arn:"
                              + (httpApi ? "${AWS::Partition}" : "aws")
                              + ":execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*",
                          Nodes.map(at).put("__ApiId__", Nodes.ref(api.id, at)).build(),
                          at))
                  .build(),
              at,
              resource));
    }
  }

  /** The Lambda proxy integration SAM writes for a route. */
  private static MapNode integration(SamFunction fn, Origin at, boolean httpApi) {
    String partition = httpApi ? "${AWS::Partition}" : "aws";
    return Nodes.map(at)
        .put("type", "aws_proxy")
        .put("httpMethod", "POST")
        .put(
            "uri",
            Nodes.sub(
                "arn:"
                    + partition
                    + ":apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                    + fn.invokePlaceholder()
                    + "/invocations",
                at))
        .build();
  }

  // ---------------------------------------------------------------- HTTP

  private void buildHttp(Declared api) {
    OpenApiDocument doc = definition(api, skeleton(api, true));
    Node defaultAuthorizer = api.auth("DefaultAuthorizer");
    Optional<String> defaultName = Nodes.text(defaultAuthorizer);
    if (defaultName.isPresent() && defaultAuthorizer != null) {
      doc.rewrite((method, op) -> {
        if (!METHODS.contains(method)
            || !(op instanceof MapNode m)
            || m.get(INTEGRATION).isEmpty()
            || !Nodes.items(m.get("security").orElse(null)).isEmpty()) {
          return op;
        }
        return Nodes.with(
            m,
            "security",
            Nodes.list(
                defaultAuthorizer.origin(),
                requirement(defaultName.get(), defaultAuthorizer.origin())));
      });
    }
    doc.rewrite((method, op) -> METHODS.contains(method) ? withoutMarkers(op) : op);
    securitySchemes(doc, "components", api, false);
    Node cors = api.get("CorsConfiguration");
    if (cors != null) {
      doc.putTop("x-amazon-apigateway-cors", httpCors(cors));
    }
    MapNode props =
        Nodes.map(api.origin).put("Name", api.get("Name")).put("Body", doc.build()).build();
    TemplateResource resource =
        apiResource(api, "AWS::ApiGatewayV2::Api", SamExpander.HTTP_API, props);
    sam.put(resource);
    Node stageName = api.get("StageName");
    Origin at = stageName != null ? stageName.origin() : api.origin;
    sam.put(
        TemplateResource.generated(
            api.id + "ApiGatewayDefaultStage",
            "AWS::ApiGatewayV2::Stage",
            Nodes.map(at)
                .put("ApiId", Nodes.ref(api.id, at))
                .put("StageName", stageName != null ? stageName : Nodes.string(DEFAULT_PATH, at))
                .put("AccessLogSettings", api.get("AccessLogSettings"))
                .build(),
            at,
            resource));
    authorizerPermissions(api, resource, true);
  }

  private MapNode httpOperation(Route route) {
    SamEvents.Event event = route.event();
    Origin at = event.at();
    MapNode integration = integration(route.fn(), at, true);
    Node version = event.get("PayloadFormatVersion");
    integration =
        Nodes.with(
            integration,
            "payloadFormatVersion",
            version != null ? version : Nodes.string("2.0", at));
    Nodes.MapBuilder op = Nodes.map(at).put(INTEGRATION, integration);
    Node authorizer = Nodes.get(event.get("Auth"), "Authorizer");
    Optional<String> name = Nodes.text(authorizer);
    if (authorizer != null && name.isPresent()) {
      op.put(
          "security",
          Nodes.list(authorizer.origin(), requirement(name.get(), authorizer.origin())));
    }
    if (route.path().equals(DEFAULT_PATH)) {
      op.put("isDefaultRoute", Nodes.bool(true, at));
    }
    return op.put("responses", Nodes.map(at).build()).build();
  }

  /** An HTTP API authorizer: JWT ({@code JwtConfiguration}) or Lambda ({@code FunctionArn}). */
  private Optional<MapNode> httpScheme(Entry authorizer) {
    Node def = authorizer.value();
    Origin at = def.origin();
    Node jwt = Nodes.get(def, "JwtConfiguration");
    Node function = Nodes.get(def, "FunctionArn");
    if (jwt != null) {
      return Optional.of(
          Nodes.map(at)
              .put("type", "oauth2")
              .put(
                  "x-amazon-apigateway-authorizer",
                  Nodes.map(at)
                      .put("jwtConfiguration", jwt)
                      .put("identitySource", Nodes.get(def, "IdentitySource"))
                      .put("type", "jwt")
                      .build())
              .build());
    }
    if (function != null) {
      return Optional.of(
          Nodes.map(at)
              .put("type", "apiKey")
              .put("name", "Unused")
              .put("in", "header")
              .put(
                  "x-amazon-apigateway-authorizer",
                  Nodes.map(at)
                      .put("type", "request")
                      .put("authorizerUri", authorizerUri(function, at, false))
                      .put(
                          "authorizerPayloadFormatVersion",
                          Nodes.get(def, "AuthorizerPayloadFormatVersion"))
                      .build())
              .build());
    }
    return Optional.empty();
  }

  /**
   * {@code CorsConfiguration}: {@code true} allows any origin; a map is copied in lower camel case.
   */
  private Node httpCors(Node cors) {
    Origin at = cors.origin();
    if (cors instanceof MapNode m && !Nodes.isIntrinsic(m)) {
      Nodes.MapBuilder out = Nodes.map(at);
      for (Entry e : m.entries()) {
        out.put(Character.toLowerCase(e.key().charAt(0)) + e.key().substring(1), e.value());
      }
      return out.build();
    }
    if (isTrue(cors)) {
      return Nodes.map(at).put("allowOrigins", Nodes.list(at, Nodes.string("*", at))).build();
    }
    return cors;
  }
}
