package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP API of the {@code httpApi} events: {@code HttpApi} with the CORS of {@code
 * provider.httpApi.cors}, its {@code $default} stage, an integration per function, a route per
 * event with its authorizer from {@code provider.httpApi.authorizers} (JWT or Lambda) or IAM, and
 * the permissions for API Gateway. Routes added to an existing API ({@code provider.httpApi.id})
 * name that API.
 */
final class HttpApi {

  private static final List<String> CORS_HEADERS =
      List.of(
          "Content-Type",
          "X-Amz-Date",
          "Authorization",
          "X-Api-Key",
          "X-Amz-Security-Token",
          "X-Amz-User-Agent",
          "X-Amzn-Trace-Id");

  private final ServiceExpander sls;
  private final Set<String> integrated = new HashSet<>();
  private @Nullable Origin first;

  HttpApi(ServiceExpander sls) {
    this.sls = sls;
  }

  /** {@code httpApi: 'GET /path'}, {@code httpApi: '*'} or {@code {method, path, authorizer}}. */
  void route(Fn fn, Node event, Origin at) {
    String method;
    String path;
    if (event instanceof Scalar s && s.text() != null) {
      String text = s.text().strip();
      String[] parts = text.split("\\s+", 2);
      method = parts.length == 2 ? parts[0] : "*";
      path = parts.length == 2 ? parts[1] : parts[0];
    } else if (event instanceof MapNode m) {
      method = Service.text(m.get("method").orElse(null)).orElse("*");
      path = Service.text(m.get("path").orElse(null)).orElse("*");
    } else {
      sls.notes().add(at, "httpApi event of " + fn.key() + " is not read");
      return;
    }
    if (first == null) {
      first = at;
    }
    String verb = method.equals("*") ? "ANY" : method.toUpperCase(Locale.ROOT);
    boolean defaultRoute = path.equals("*") && verb.equals("ANY");
    String routeKey = defaultRoute ? "$default" : verb + " " + path;
    String integration = "HttpApiIntegration" + fn.logical();
    if (integrated.add(fn.key())) {
      sls.put(
          integration,
          "AWS::ApiGatewayV2::Integration",
          Nodes.map(at)
              .put("ApiId", api(at))
              .put("IntegrationType", "AWS_PROXY")
              .put("IntegrationUri", fn.arn(at))
              .put("PayloadFormatVersion", "2.0")
              .build(),
          at,
          fn.key());
      sls.put(
          fn.logical() + "LambdaPermissionHttpApi",
          "AWS::Lambda::Permission",
          Nodes.map(at)
              .put("FunctionName", fn.arn(at))
              .put("Action", "lambda:InvokeFunction")
              .put("Principal", "apigateway.amazonaws.com")
              .put("SourceArn", sourceArn(at))
              .build(),
          at,
          fn.key());
    }
    Node authorizer = Nodes.get(event, "authorizer");
    Nodes.MapBuilder route =
        Nodes.map(at)
            .put("ApiId", api(at))
            .put("RouteKey", Nodes.string(routeKey, at))
            .put(
                "Target",
                Nodes.call(
                    "Fn::Join",
                    Nodes.list(
                        at,
                        Nodes.string("/", at),
                        Nodes.list(
                            at, Nodes.string("integrations", at), Nodes.ref(integration, at))),
                    at));
    authorize(fn, authorizer, at, route);
    String id =
        "HttpApiRoute"
            + (defaultRoute ? "Default" : LogicalIds.method(verb) + LogicalIds.path(path));
    sls.put(id, "AWS::ApiGatewayV2::Route", route.build(), at, fn.key());
  }

  private Node api(Origin at) {
    Node existing = sls.service().provider("httpApi", "id");
    return existing != null ? existing : Nodes.ref(LogicalIds.HTTP_API, at);
  }

  private Node sourceArn(Origin at) {
    Node existing = sls.service().provider("httpApi", "id");
    if (existing != null) {
      return Service.join(
          at,
          "arn:aws:execute-api:",
          sls.service().region(),
          ":${AWS::AccountId}:",
          existing,
          "/*");
    }
    return Nodes.sub(
        "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${"
            + LogicalIds.HTTP_API
            + "}/*",
        at);
  }

  /**
   * The route's authorization: {@code authorizer: name} or {@code {name, scopes}} from {@code
   * provider.httpApi.authorizers}, {@code {type: aws_iam}}, or {@code {id}} of an existing one.
   */
  private void authorize(Fn fn, @Nullable Node authorizer, Origin at, Nodes.MapBuilder route) {
    if (authorizer == null || (authorizer instanceof Scalar s && s.kind() == Scalar.Kind.NULL)) {
      route.put("AuthorizationType", "NONE");
      return;
    }
    Origin o = authorizer.origin();
    if (authorizer instanceof Unresolved u) {
      route.put("AuthorizationType", u);
      return;
    }
    String type = Service.text(Nodes.get(authorizer, "type")).orElse("").toLowerCase(Locale.ROOT);
    if (type.equals("aws_iam")) {
      route.put("AuthorizationType", Nodes.string("AWS_IAM", o));
      return;
    }
    Node existing = Nodes.get(authorizer, "id");
    if (existing != null) {
      route
          .put("AuthorizationType", Nodes.string(type.equals("request") ? "CUSTOM" : "JWT", o))
          .put("AuthorizerId", existing)
          .put("AuthorizationScopes", Nodes.get(authorizer, "scopes"));
      return;
    }
    Node nameNode = authorizer instanceof MapNode m ? m.get("name").orElse(null) : authorizer;
    String name = Service.text(nameNode).orElse("");
    Node config = sls.service().provider("httpApi", "authorizers", name);
    if (name.isEmpty() || !(config instanceof MapNode c)) {
      route.put(
          "AuthorizationType",
          new Unresolved(
              "authorizer "
                  + name
                  + " of "
                  + fn.key()
                  + " is not declared in provider.httpApi.authorizers",
              o));
      return;
    }
    String kind = Service.text(c.get("type").orElse(null)).orElse("jwt").toLowerCase(Locale.ROOT);
    String id = "HttpApiAuthorizer" + LogicalIds.alphanumeric(name);
    boolean lambda = kind.equals("request");
    if (sls.resource(id).isEmpty()) {
      sls.put(
          id,
          "AWS::ApiGatewayV2::Authorizer",
          authorizerProperties(name, c, lambda),
          c.origin(),
          "provider");
    }
    route
        .put("AuthorizationType", Nodes.string(lambda ? "CUSTOM" : "JWT", o))
        .put("AuthorizerId", Nodes.ref(id, o))
        .put("AuthorizationScopes", Nodes.get(authorizer, "scopes"));
  }

  private MapNode authorizerProperties(String name, MapNode c, boolean lambda) {
    Origin o = c.origin();
    Node identity = c.get("identitySource").orElse(null);
    Nodes.MapBuilder props =
        Nodes.map(o)
            .put("ApiId", api(o))
            .put("Name", c.get("name").orElse(Nodes.string(name, o)))
            .put("AuthorizerType", lambda ? "REQUEST" : "JWT")
            .put(
                "IdentitySource",
                identity == null || identity instanceof Node.ListNode
                    ? identity
                    : Nodes.list(o, identity));
    if (lambda) {
      Node function = c.get("functionArn").orElse(null);
      String key = Service.text(c.get("functionName").orElse(null)).orElse("");
      if (function == null && sls.isFunction(key)) {
        function = Nodes.getAtt(key, "Arn", o);
      }
      props.put("AuthorizerUri", function == null ? null : RestApi.uri(function, o));
      props.put(
          "AuthorizerPayloadFormatVersion", c.get("payloadVersion").orElse(Nodes.string("2.0", o)));
      if (function != null) {
        sls.put(
            id(name) + "LambdaAuthorizerPermission",
            "AWS::Lambda::Permission",
            Nodes.map(o)
                .put("FunctionName", function)
                .put("Action", "lambda:InvokeFunction")
                .put("Principal", "apigateway.amazonaws.com")
                .put("SourceArn", sourceArn(o))
                .build(),
            o,
            "provider");
      }
    } else {
      Node audience = c.get("audience").orElse(null);
      props.put(
          "JwtConfiguration",
          Nodes.map(o)
              .put(
                  "Audience",
                  audience == null || audience instanceof Node.ListNode
                      ? audience
                      : Nodes.list(o, audience))
              .put("Issuer", c.get("issuerUrl").orElse(null))
              .build());
    }
    return props.build();
  }

  private static String id(String name) {
    return "HttpApiAuthorizer" + LogicalIds.alphanumeric(name);
  }

  /** The API, with CORS, and its {@code $default} stage, with access logs when asked for. */
  void build() {
    Origin at = first;
    Service service = sls.service();
    if (at == null || service.provider("httpApi", "id") != null) {
      return;
    }
    Node name = service.provider("httpApi", "name");
    sls.put(
        LogicalIds.HTTP_API,
        "AWS::ApiGatewayV2::Api",
        Nodes.map(at)
            .put(
                "Name",
                name != null ? name : Service.join(at, service.stage(), "-", service.name()))
            .put("ProtocolType", "HTTP")
            .put("CorsConfiguration", cors(service.provider("httpApi", "cors")))
            .build(),
        at,
        "provider");
    Node logs = service.provider("logs", "httpApi");
    boolean accessLogs = logs instanceof MapNode || Service.isTrue(logs);
    Nodes.MapBuilder stage =
        Nodes.map(at)
            .put("ApiId", Nodes.ref(LogicalIds.HTTP_API, at))
            .put("StageName", "$default")
            .put("AutoDeploy", Nodes.bool(true, at));
    if (accessLogs && logs != null) {
      sls.put(
          "HttpApiLogGroup",
          "AWS::Logs::LogGroup",
          Nodes.map(logs.origin())
              .put(
                  "LogGroupName",
                  Service.join(logs.origin(), "/aws/http-api/", service.prefix(logs.origin())))
              .put("RetentionInDays", service.provider("logRetentionInDays"))
              .build(),
          logs.origin(),
          "provider");
      stage.put(
          "AccessLogSettings",
          Nodes.map(logs.origin())
              .put("DestinationArn", Nodes.getAtt("HttpApiLogGroup", "Arn", logs.origin()))
              .build());
    }
    sls.put("HttpApiStage", "AWS::ApiGatewayV2::Stage", stage.build(), at, "provider");
  }

  /** {@code cors: true} allows every origin; a map names what it allows. */
  private static @Nullable Node cors(@Nullable Node cors) {
    if (cors == null || (cors instanceof Scalar s && !Service.isTrue(s))) {
      return null;
    }
    if (cors instanceof Unresolved) {
      return cors;
    }
    Origin o = cors.origin();
    MapNode given = cors instanceof MapNode m ? m : Nodes.map(o).build();
    Node origins = given.get("allowedOrigins").orElse(null);
    Node headers = given.get("allowedHeaders").orElse(null);
    Node methods = given.get("allowedMethods").orElse(null);
    return Nodes.map(o)
        .put("AllowOrigins", origins != null ? origins : Nodes.list(o, Nodes.string("*", o)))
        .put("AllowHeaders", headers != null ? headers : FunctionExpander.strings(CORS_HEADERS, o))
        .put("AllowMethods", methods != null ? methods : Nodes.list(o, Nodes.string("*", o)))
        .put("AllowCredentials", given.get("allowCredentials").orElse(null))
        .put("ExposeHeaders", given.get("exposedResponseHeaders").orElse(null))
        .put("MaxAge", given.get("maxAge").orElse(null))
        .build();
  }
}
