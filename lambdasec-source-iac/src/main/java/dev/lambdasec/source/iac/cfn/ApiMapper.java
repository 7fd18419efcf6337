package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Api;
import dev.lambdasec.model.ApiRoute;
import dev.lambdasec.model.Authorizer;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.RequestValidator;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.ResourceIndex.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * API Gateway REST APIs ({@code AWS::ApiGateway::*}) and HTTP/WebSocket APIs ({@code
 * AWS::ApiGatewayV2::*}): APIs, routes, authorizers, request validators, and access logging from
 * their stages.
 */
final class ApiMapper {

  private final ResourceIndex index;
  private final Slots slots;
  private final Notes notes;
  private final Integrations integrations;
  private final OpenApiRoutes openApi;
  private final TriggerMapper triggers;
  private final Map<String, List<Value<Boolean>>> stageLogging = new HashMap<>();

  ApiMapper(
      ResourceIndex index,
      Slots slots,
      Notes notes,
      TriggerMapper triggers,
      List<ResolvedResource> resources) {
    this.index = index;
    this.slots = slots;
    this.notes = notes;
    this.triggers = triggers;
    this.integrations = new Integrations(index);
    this.openApi = new OpenApiRoutes(index, slots, integrations);
    for (ResolvedResource r : resources) {
      switch (r.type()) {
        case "AWS::ApiGateway::Stage" ->
            stage(r.get("RestApiId"), r.get("AccessLogSetting", "DestinationArn"), r.origin());
        case "AWS::ApiGateway::Deployment" -> {
          if (r.get("StageName") != null) {
            stage(
                r.get("RestApiId"),
                r.get("StageDescription", "AccessLogSetting", "DestinationArn"),
                r.origin());
          }
        }
        case "AWS::ApiGatewayV2::Stage" ->
            stage(r.get("ApiId"), r.get("AccessLogSettings", "DestinationArn"), r.origin());
        default -> {
          // not a stage
        }
      }
    }
  }

  private void stage(@Nullable Node api, @Nullable Node destination, Origin origin) {
    if (!(api instanceof Reference ref)) {
      return;
    }
    Value<Boolean> logging =
        switch (destination) {
          case null -> Value.defaulted(false, origin);
          case Unresolved u -> Value.unresolved(u.origin(), u.reason());
          default -> Value.set(true, destination.origin());
        };
    stageLogging.computeIfAbsent(ref.target(), k -> new ArrayList<>()).add(logging);
  }

  /** Access logging of an API: on when every stage writes access logs. */
  private Value<Boolean> accessLogging(ResolvedResource api) {
    List<Value<Boolean>> stages = stageLogging.getOrDefault(api.id(), List.of());
    if (stages.isEmpty()) {
      return Value.defaulted(false, api.origin());
    }
    for (Value<Boolean> stage : stages) {
      if (!stage.isPresent() || !stage.get()) {
        return stage;
      }
    }
    return stages.getFirst();
  }

  /** A REST API and what its OpenAPI body declares. */
  List<Resource> restApi(ResolvedResource r) {
    Origin o = r.origin();
    List<Resource> out = new ArrayList<>();
    Node body = r.get("Body");
    Node policy = r.get("Policy");
    if (policy == null) {
      policy =
          r.get("BodyS3Location") != null
              ? new Unresolved("the API definition is in S3 (BodyS3Location)", o)
              : ResolvedResource.at(body, "x-amazon-apigateway-policy");
    }
    Node types = r.get("EndpointConfiguration", "Types");
    Value<String> endpoint =
        types instanceof Node.ListNode l && !l.items().isEmpty()
            ? slots.string(l.items().getFirst(), o, null)
            : slots.string(types, o, "EDGE");
    out.add(
        new Api(
            r.meta(index.scope()),
            Api.Kind.REST,
            slots.string(r.get("Name"), o, null),
            endpoint,
            slots.policy("Policy", policy, o),
            Value.absent(o),
            accessLogging(r)));
    out.addAll(body(r, body, true));
    if (r.get("BodyS3Location") != null) {
      notes.add(o, "API " + r.id() + " is defined in S3 (BodyS3Location); its routes are not read");
    }
    return out;
  }

  private List<Resource> body(ResolvedResource api, @Nullable Node body, boolean rest) {
    if (body instanceof MapNode m) {
      return openApi.read(api, m, rest);
    }
    if (body instanceof Unresolved u) {
      notes.add(u.origin(), "API " + api.id() + " definition is not read: " + u.reason());
    }
    return List.of();
  }

  ApiRoute method(ResolvedResource r) {
    Origin o = r.origin();
    return new ApiRoute(
        r.meta(index.scope()),
        slots.ref(r.get("RestApiId"), o, Kind.ANY),
        slots.string(r.get("HttpMethod"), o, null),
        restPath(r.get("ResourceId"), o),
        slots.string(r.get("AuthorizationType"), o, "NONE"),
        slots.ref(r.get("AuthorizerId"), o, Kind.ANY),
        slots.bool(r.get("ApiKeyRequired"), o, false),
        slots.ref(r.get("RequestValidatorId"), o, Kind.ANY),
        methodRequestModel(r),
        integrations.function(r.get("Integration", "Uri"), o));
  }

  /** The path of a REST resource, built from its {@code ParentId} chain. */
  private Value<String> restPath(@Nullable Node resourceId, Origin o) {
    if (!(resourceId instanceof Reference ref)) {
      return slots.string(resourceId, o, null);
    }
    StringBuilder path = new StringBuilder();
    Set<String> seen = new HashSet<>();
    Reference current = ref;
    while (!"RootResourceId".equals(current.attribute())) {
      Optional<ResolvedResource> resource = index.get(current.target());
      if (resource.isEmpty()
          || !resource.get().type().equals("AWS::ApiGateway::Resource")
          || !seen.add(current.target())) {
        return Value.unresolved(ref.origin(), "path of " + ref.placeholder() + " is not known");
      }
      Optional<String> part = Nodes.text(resource.get().get("PathPart"));
      if (part.isEmpty() || !(resource.get().get("ParentId") instanceof Reference parent)) {
        return Value.unresolved(ref.origin(), "path of " + ref.placeholder() + " is not known");
      }
      path.insert(0, "/" + part.get());
      current = parent;
    }
    return Value.set(path.isEmpty() ? "/" : path.toString(), ref.origin());
  }

  private Value<Boolean> methodRequestModel(ResolvedResource r) {
    Node models = r.get("RequestModels");
    if (models instanceof MapNode m && !m.entries().isEmpty()) {
      return Value.set(true, m.origin());
    }
    Node parameters = r.get("RequestParameters");
    if (parameters instanceof MapNode p) {
      for (Node.Entry e : p.entries()) {
        if (Nodes.text(e.value()).filter("true"::equalsIgnoreCase).isPresent()) {
          return Value.set(true, e.keyOrigin());
        }
      }
      return Value.set(false, p.origin());
    }
    return models != null ? Value.set(false, models.origin()) : Value.defaulted(false, r.origin());
  }

  Authorizer restAuthorizer(ResolvedResource r) {
    Origin o = r.origin();
    return new Authorizer(
        r.meta(index.scope()),
        slots.ref(r.get("RestApiId"), o, Kind.ANY),
        slots.string(r.get("Type"), o, null),
        integrations.function(r.get("AuthorizerUri"), o));
  }

  RequestValidator requestValidator(ResolvedResource r) {
    Origin o = r.origin();
    return new RequestValidator(
        r.meta(index.scope()),
        slots.ref(r.get("RestApiId"), o, Kind.ANY),
        slots.bool(r.get("ValidateRequestBody"), o, false),
        slots.bool(r.get("ValidateRequestParameters"), o, false));
  }

  /** An HTTP or WebSocket API, its quick-create route and what its OpenAPI body declares. */
  List<Resource> httpApi(ResolvedResource r) {
    Origin o = r.origin();
    List<Resource> out = new ArrayList<>();
    Node body = r.get("Body");
    String protocol = Nodes.text(r.get("ProtocolType")).orElse("HTTP");
    Api.Kind kind = protocol.equalsIgnoreCase("WEBSOCKET") ? Api.Kind.WEBSOCKET : Api.Kind.HTTP;
    Node cors = r.get("CorsConfiguration");
    Node bodyCors =
        r.get("BodyS3Location") != null
            ? new Unresolved("the API definition is in S3 (BodyS3Location)", o)
            : ResolvedResource.at(body, "x-amazon-apigateway-cors");
    Value<FunctionUrl.Cors> corsValue =
        cors != null ? triggers.cors(cors, o) : bodyCors(bodyCors, o);
    out.add(
        new Api(
            r.meta(index.scope()),
            kind,
            slots.string(r.get("Name"), o, null),
            Value.absent(o),
            Value.absent(o),
            corsValue,
            accessLogging(r)));
    Node target = r.get("Target");
    if (target != null) {
      RouteKey key = RouteKey.parse(Nodes.text(r.get("RouteKey")).orElse("$default"), kind);
      Origin at = target.origin();
      String keyPath = key.path();
      String label = key.label();
      out.add(
          new ApiRoute(
              new Meta(
                  new ResourceKey(index.scope(), r.id() + " " + label),
                  "AWS::ApiGatewayV2::Route",
                  at,
                  r.definedBy()),
              Value.set(Ref.to(index.key(r.id())), o),
              Value.set(key.method(), at),
              keyPath == null ? Value.absent(at) : Value.set(keyPath, at),
              Value.defaulted("NONE", at),
              Value.absent(at),
              Value.defaulted(false, at),
              Value.absent(at),
              Value.defaulted(false, at),
              integrations.function(target, at)));
    }
    out.addAll(body(r, body, false));
    if (r.get("BodyS3Location") != null) {
      notes.add(o, "API " + r.id() + " is defined in S3 (BodyS3Location); its routes are not read");
    }
    return out;
  }

  /** {@code x-amazon-apigateway-cors} of an HTTP API body (lower camel case keys). */
  private Value<FunctionUrl.Cors> bodyCors(@Nullable Node cors, Origin o) {
    if (cors == null) {
      return Value.absent(o);
    }
    if (cors instanceof Unresolved u) {
      return Value.unresolved(u.origin(), u.reason());
    }
    return Value.set(
        new FunctionUrl.Cors(
            slots.strings(ResolvedResource.at(cors, "allowOrigins"), o),
            slots.strings(ResolvedResource.at(cors, "allowMethods"), o),
            slots.bool(ResolvedResource.at(cors, "allowCredentials"), o, false)),
        cors.origin());
  }

  ApiRoute route(ResolvedResource r) {
    Origin o = r.origin();
    Value<Ref> api = slots.ref(r.get("ApiId"), o, Kind.ANY);
    boolean websocket =
        api.known()
            .map(Ref::key)
            .flatMap(k -> index.get(k.id()))
            .flatMap(a -> Nodes.text(a.get("ProtocolType")))
            .filter("WEBSOCKET"::equalsIgnoreCase)
            .isPresent();
    Value<String> routeKey = slots.string(r.get("RouteKey"), o, null);
    RouteKey.Parts key = RouteKey.parts(routeKey, websocket);
    Node models = r.get("RequestModels");
    return new ApiRoute(
        r.meta(index.scope()),
        api,
        key.method(),
        key.path(),
        slots.string(r.get("AuthorizationType"), o, "NONE"),
        slots.ref(r.get("AuthorizerId"), o, Kind.ANY),
        slots.bool(r.get("ApiKeyRequired"), o, false),
        Value.absent(o),
        models instanceof MapNode m && !m.entries().isEmpty()
            ? Value.set(true, m.origin())
            : Value.defaulted(false, o),
        routeIntegration(r.get("Target"), o));
  }

  /** {@code integrations/<IntegrationId>} → the function that integration invokes. */
  private Value<Ref> routeIntegration(@Nullable Node target, Origin o) {
    if (target instanceof Unresolved u) {
      return Value.unresolved(u.origin(), u.reason());
    }
    Optional<ResolvedResource> integration =
        Integrations.firstPlaceholder(target)
            .flatMap(index::get)
            .filter(i -> i.type().equals("AWS::ApiGatewayV2::Integration"));
    if (integration.isEmpty()) {
      return Value.absent(o);
    }
    return integrations.function(integration.get().get("IntegrationUri"), o);
  }

  Authorizer httpAuthorizer(ResolvedResource r) {
    Origin o = r.origin();
    return new Authorizer(
        r.meta(index.scope()),
        slots.ref(r.get("ApiId"), o, Kind.ANY),
        slots.string(r.get("AuthorizerType"), o, null),
        integrations.function(r.get("AuthorizerUri"), o));
  }
}
