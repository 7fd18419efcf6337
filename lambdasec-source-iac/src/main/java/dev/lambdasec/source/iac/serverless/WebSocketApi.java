package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The WebSocket API of the {@code websocket} events: {@code WebsocketsApi}, a route per event
 * (authorized by a Lambda authorizer on {@code $connect} when one is named), an integration and a
 * permission per function.
 */
final class WebSocketApi {

  private final ServiceExpander sls;
  private final Set<String> integrated = new HashSet<>();
  private @Nullable Origin first;

  WebSocketApi(ServiceExpander sls) {
    this.sls = sls;
  }

  /** {@code websocket: $connect} or {@code {route, authorizer}}. */
  void route(Fn fn, Node event, Origin at) {
    Node routeNode = event instanceof MapNode m ? m.get("route").orElse(null) : event;
    String routeKey = Service.text(routeNode).orElse("");
    if (routeKey.isEmpty()) {
      sls.notes().add(at, "websocket event of " + fn.key() + " has no route");
      return;
    }
    if (first == null) {
      first = at;
    }
    String integration = fn.logical() + "WebsocketsIntegration";
    if (integrated.add(fn.key())) {
      sls.put(
          integration,
          "AWS::ApiGatewayV2::Integration",
          Nodes.map(at)
              .put("ApiId", Nodes.ref(LogicalIds.WEBSOCKET_API, at))
              .put("IntegrationType", "AWS_PROXY")
              .put("IntegrationUri", RestApi.uri(fn.arn(at), at))
              .build(),
          at,
          fn.key());
      sls.put(
          fn.logical() + "LambdaPermissionWebsockets",
          "AWS::Lambda::Permission",
          Nodes.map(at)
              .put("FunctionName", fn.arn(at))
              .put("Action", "lambda:InvokeFunction")
              .put("Principal", "apigateway.amazonaws.com")
              .build(),
          at,
          fn.key());
    }
    Node authorizer = Nodes.get(event, "authorizer");
    Node authorizerId = null;
    if (authorizer != null && !(authorizer instanceof Scalar s && s.kind() == Scalar.Kind.NULL)) {
      authorizerId = authorizer(fn, authorizer);
    }
    sls.put(
        LogicalIds.websocketRoute(routeKey),
        "AWS::ApiGatewayV2::Route",
        Nodes.map(at)
            .put("ApiId", Nodes.ref(LogicalIds.WEBSOCKET_API, at))
            .put("RouteKey", Nodes.string(routeKey, at))
            .put("AuthorizationType", authorizerId != null ? "CUSTOM" : "NONE")
            .put("AuthorizerId", authorizerId)
            .put(
                "Target",
                Nodes.call(
                    "Fn::Join",
                    Nodes.list(
                        at,
                        Nodes.string("/", at),
                        Nodes.list(
                            at, Nodes.string("integrations", at), Nodes.ref(integration, at))),
                    at))
            .build(),
        at,
        fn.key());
  }

  /** A Lambda authorizer named by function key or ARN, or {@code {name, arn, identitySource}}. */
  private Node authorizer(Fn fn, Node authorizer) {
    Origin o = authorizer.origin();
    Node arn = Nodes.get(authorizer, "arn");
    Node named = authorizer instanceof MapNode m ? m.get("name").orElse(null) : authorizer;
    String name = Service.text(named).orElse("");
    Node function = arn;
    if (function == null && name.startsWith("arn:") && named != null) {
      function = named;
      name = name.substring(name.lastIndexOf(':') + 1);
    }
    if (function == null && sls.isFunction(name)) {
      function = Nodes.getAtt(name, "Arn", o);
    }
    String id = LogicalIds.function(name.isEmpty() ? "Authorizer" : name) + "WebsocketsAuthorizer";
    Node identity = Nodes.get(authorizer, "identitySource");
    sls.put(
        id,
        "AWS::ApiGatewayV2::Authorizer",
        Nodes.map(o)
            .put("ApiId", Nodes.ref(LogicalIds.WEBSOCKET_API, o))
            .put("Name", Nodes.string(name, o))
            .put("AuthorizerType", "REQUEST")
            .put("AuthorizerUri", function == null ? null : RestApi.uri(function, o))
            .put(
                "IdentitySource",
                identity == null || identity instanceof Node.ListNode
                    ? identity
                    : Nodes.list(o, identity))
            .build(),
        o,
        fn.key());
    return Nodes.ref(id, o);
  }

  void build() {
    Origin at = first;
    if (at == null) {
      return;
    }
    Service service = sls.service();
    Node name = service.provider("websocketsApiName");
    Node selection = service.provider("websocketsApiRouteSelectionExpression");
    sls.put(
        LogicalIds.WEBSOCKET_API,
        "AWS::ApiGatewayV2::Api",
        Nodes.map(at)
            .put(
                "Name",
                name != null
                    ? name
                    : Service.join(at, service.stage(), "-", service.name(), "-websockets"))
            .put("ProtocolType", "WEBSOCKET")
            .put(
                "RouteSelectionExpression",
                selection != null ? selection : Nodes.string("$request.body.action", at))
            .build(),
        at,
        "provider");
  }
}
