package dev.lambdasec.source.iac.terraform.mapping;

import dev.lambdasec.model.Api;
import dev.lambdasec.model.ApiRoute;
import dev.lambdasec.model.Authorizer;
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
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.RouteKey;
import dev.lambdasec.source.iac.terraform.mapping.ResourceIndex.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * API Gateway REST APIs ({@code aws_api_gateway_*}: the API, its resources' paths, methods with
 * their separate integrations, authorizers, request validators, stages) and HTTP/WebSocket APIs
 * ({@code aws_apigatewayv2_*}: the API with its quick-create route, routes with their integrations,
 * authorizers, stages).
 */
final class ApiMapper {

  private static final Pattern FUNCTION_ARN =
      Pattern.compile("(arn:[^:/]*:lambda:[^/]*?:function:[^/:]+)(?::[^/]+)?");

  private final ResourceIndex index;
  private final Slots slots;
  private final TriggerMapper triggers;
  private final Contributions contributions;
  private final List<TerraformResource> integrations = new ArrayList<>();
  private final Map<String, List<Value<Boolean>>> stageLogging = new HashMap<>();
  private final Map<String, Node> restPolicies = new HashMap<>();

  ApiMapper(
      ResourceIndex index,
      Slots slots,
      TriggerMapper triggers,
      List<TerraformResource> resources,
      Contributions contributions) {
    this.index = index;
    this.slots = slots;
    this.triggers = triggers;
    this.contributions = contributions;
    for (TerraformResource r : resources) {
      switch (r.type()) {
        case "aws_api_gateway_integration" -> integrations.add(r);
        case "aws_api_gateway_stage" ->
            stage(
                r,
                r.get("rest_api_id"),
                r.get("access_log_settings", "destination_arn"),
                contributions);
        case "aws_apigatewayv2_stage" ->
            stage(
                r, r.get("api_id"), r.get("access_log_settings", "destination_arn"), contributions);
        case "aws_api_gateway_rest_api_policy" ->
            index
                .target(Kind.ANY, r.get("rest_api_id"))
                .ifPresent(api -> {
                  Node policy = r.get("policy");
                  if (policy != null) {
                    restPolicies.put(api, policy);
                  }
                  contributions.add(r.address(), api);
                });
        default -> {
          // not part of an API's settings
        }
      }
    }
  }

  private void stage(
      TerraformResource r,
      @Nullable Node api,
      @Nullable Node destination,
      Contributions contributions) {
    Optional<String> target = index.target(Kind.ANY, api);
    if (target.isEmpty()) {
      return;
    }
    Value<Boolean> logging =
        switch (destination) {
          case null -> Value.defaulted(false, r.origin());
          case Unresolved u -> Value.unresolved(u.origin(), u.reason());
          default ->
              Slots.isAbsent(destination)
                  ? Value.defaulted(false, r.origin())
                  : Value.set(true, destination.origin());
        };
    stageLogging.computeIfAbsent(target.get(), k -> new ArrayList<>()).add(logging);
    contributions.add(r.address(), target.get());
  }

  /** Access logging of an API: on when every stage writes access logs. */
  private Value<Boolean> accessLogging(TerraformResource api) {
    List<Value<Boolean>> stages = stageLogging.getOrDefault(api.address(), List.of());
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

  Api restApi(TerraformResource r) {
    Origin o = r.origin();
    Node types = r.get("endpoint_configuration", "types");
    Value<String> endpoint =
        types instanceof Node.ListNode l && !l.items().isEmpty()
            ? slots.string(l.items().getFirst(), o, null)
            : slots.string(types, o, "EDGE");
    Node policy = r.get("policy");
    if (Slots.isAbsent(policy)) {
      policy = restPolicies.get(r.address());
    }
    return new Api(
        r.meta(index.scope()),
        Api.Kind.REST,
        slots.string(r.get("name"), o, null),
        endpoint,
        slots.policy("policy", policy, o),
        Value.absent(o),
        accessLogging(r));
  }

  ApiRoute method(TerraformResource r) {
    Origin o = r.origin();
    Node resourceId = r.get("resource_id");
    Node httpMethod = r.get("http_method");
    return new ApiRoute(
        r.meta(index.scope()),
        slots.ref(r.get("rest_api_id"), o, Kind.ANY),
        slots.string(httpMethod, o, null),
        restPath(resourceId, o),
        slots.string(r.get("authorization"), o, "NONE"),
        slots.ref(r.get("authorizer_id"), o, Kind.ANY),
        slots.bool(r.get("api_key_required"), o, false),
        slots.ref(r.get("request_validator_id"), o, Kind.ANY),
        requestModel(r),
        restIntegration(r, resourceId, httpMethod, o));
  }

  /** The function of the {@code aws_api_gateway_integration} for the same API, path and method. */
  private Value<Ref> restIntegration(
      TerraformResource method, @Nullable Node resourceId, @Nullable Node httpMethod, Origin o) {
    String api = Nodes.content(method.get("rest_api_id"));
    String resource = Nodes.content(resourceId);
    String verb = ResourceIndex.text(httpMethod).orElse("");
    for (TerraformResource i : integrations) {
      if (Nodes.content(i.get("rest_api_id")).equals(api)
          && Nodes.content(i.get("resource_id")).equals(resource)
          && ResourceIndex.text(i.get("http_method")).filter(verb::equals).isPresent()) {
        contributions.add(i.address(), method.address());
        return function(i.get("uri"), o);
      }
    }
    return Value.absent(o);
  }

  /** The path of a REST resource, from its {@code parent_id} chain up to the root resource. */
  private Value<String> restPath(@Nullable Node resourceId, Origin o) {
    if (!(resourceId instanceof Reference ref)) {
      return slots.string(resourceId, o, null);
    }
    StringBuilder path = new StringBuilder();
    Set<String> seen = new HashSet<>();
    Reference current = ref;
    while (!"root_resource_id".equals(current.attribute())) {
      Optional<TerraformResource> resource = index.get(current.target());
      if (resource.isEmpty()
          || !resource.get().type().equals("aws_api_gateway_resource")
          || !seen.add(current.target())) {
        return Value.unresolved(ref.origin(), "path of " + ref.placeholder() + " is not known");
      }
      Optional<String> part = ResourceIndex.text(resource.get().get("path_part"));
      if (part.isEmpty() || !(resource.get().get("parent_id") instanceof Reference parent)) {
        return Value.unresolved(ref.origin(), "path of " + ref.placeholder() + " is not known");
      }
      path.insert(0, "/" + part.get());
      current = parent;
    }
    return Value.set(path.isEmpty() ? "/" : path.toString(), ref.origin());
  }

  private static Value<Boolean> requestModel(TerraformResource r) {
    Node models = r.get("request_models");
    if (models instanceof MapNode m && !m.entries().isEmpty()) {
      return Value.set(true, m.origin());
    }
    Node parameters = r.get("request_parameters");
    if (parameters instanceof MapNode p) {
      for (Node.Entry e : p.entries()) {
        if (ResourceIndex.text(e.value()).filter("true"::equalsIgnoreCase).isPresent()) {
          return Value.set(true, e.keyOrigin());
        }
      }
      return Value.set(false, p.origin());
    }
    return models != null && !Slots.isAbsent(models)
        ? Value.set(false, models.origin())
        : Value.defaulted(false, r.origin());
  }

  Authorizer restAuthorizer(TerraformResource r) {
    Origin o = r.origin();
    return new Authorizer(
        r.meta(index.scope()),
        slots.ref(r.get("rest_api_id"), o, Kind.ANY),
        slots.string(r.get("type"), o, "TOKEN"),
        function(r.get("authorizer_uri"), o));
  }

  RequestValidator requestValidator(TerraformResource r) {
    Origin o = r.origin();
    return new RequestValidator(
        r.meta(index.scope()),
        slots.ref(r.get("rest_api_id"), o, Kind.ANY),
        slots.bool(r.get("validate_request_body"), o, false),
        slots.bool(r.get("validate_request_parameters"), o, false));
  }

  /** An HTTP or WebSocket API and its quick-create route. */
  List<Resource> httpApi(TerraformResource r) {
    Origin o = r.origin();
    Api.Kind kind =
        ResourceIndex.text(r.get("protocol_type")).filter("WEBSOCKET"::equalsIgnoreCase).isPresent()
            ? Api.Kind.WEBSOCKET
            : Api.Kind.HTTP;
    List<Resource> out = new ArrayList<>();
    out.add(
        new Api(
            r.meta(index.scope()),
            kind,
            slots.string(r.get("name"), o, null),
            Value.absent(o),
            Value.absent(o),
            triggers.cors(r.get("cors_configuration"), o),
            accessLogging(r)));
    Node target = r.get("target");
    if (target != null && !Slots.isAbsent(target)) {
      RouteKey key =
          RouteKey.parse(ResourceIndex.text(r.get("route_key")).orElse("$default"), kind);
      Origin at = target.origin();
      String keyPath = key.path();
      String label = key.label();
      out.add(
          new ApiRoute(
              new Meta(
                  new ResourceKey(index.scope(), r.address() + " " + label),
                  "aws_apigatewayv2_route",
                  at,
                  r.address()),
              Value.set(Ref.to(index.key(r.address())), o),
              Value.set(key.method(), at),
              keyPath == null ? Value.absent(at) : Value.set(keyPath, at),
              Value.defaulted("NONE", at),
              Value.absent(at),
              Value.defaulted(false, at),
              Value.absent(at),
              Value.defaulted(false, at),
              function(target, at)));
    }
    return out;
  }

  ApiRoute route(TerraformResource r) {
    Origin o = r.origin();
    Value<Ref> api = slots.ref(r.get("api_id"), o, Kind.ANY);
    boolean websocket =
        api.known()
            .map(Ref::key)
            .flatMap(k -> index.get(k.id()))
            .flatMap(a -> ResourceIndex.text(a.get("protocol_type")))
            .filter("WEBSOCKET"::equalsIgnoreCase)
            .isPresent();
    Value<String> routeKey = slots.string(r.get("route_key"), o, null);
    RouteKey.Parts key = RouteKey.parts(routeKey, websocket);
    Node models = r.get("request_models");
    return new ApiRoute(
        r.meta(index.scope()),
        api,
        key.method(),
        key.path(),
        slots.string(r.get("authorization_type"), o, "NONE"),
        slots.ref(r.get("authorizer_id"), o, Kind.ANY),
        slots.bool(r.get("api_key_required"), o, false),
        Value.absent(o),
        models instanceof MapNode m && !m.entries().isEmpty()
            ? Value.set(true, m.origin())
            : Value.defaulted(false, o),
        routeIntegration(r, o));
  }

  /** {@code integrations/${aws_apigatewayv2_integration.x.id}} → the function it invokes. */
  private Value<Ref> routeIntegration(TerraformResource route, Origin o) {
    Node target = route.get("target");
    if (target instanceof Unresolved u) {
      return Value.unresolved(u.origin(), u.reason());
    }
    Optional<String> address =
        ResourceIndex.text(target)
            .flatMap(t ->
                ResourceIndex.PLACEHOLDER.matcher(t).results().findFirst().map(m -> m.group(1)));
    Optional<TerraformResource> integration =
        address.flatMap(index::get).filter(i -> i.type().equals("aws_apigatewayv2_integration"));
    if (integration.isEmpty()) {
      return Value.absent(o);
    }
    contributions.add(integration.get().address(), route.address());
    return function(integration.get().get("integration_uri"), o);
  }

  Authorizer httpAuthorizer(TerraformResource r) {
    Origin o = r.origin();
    return new Authorizer(
        r.meta(index.scope()),
        slots.ref(r.get("api_id"), o, Kind.ANY),
        slots.string(r.get("authorizer_type"), o, null),
        function(r.get("authorizer_uri"), o));
  }

  /**
   * The function an integration or authorizer URI invokes: a reference to a function (its {@code
   * invoke_arn} or {@code arn}), a URI holding such a placeholder, or a literal function ARN.
   */
  private Value<Ref> function(@Nullable Node uri, Origin o) {
    if (uri == null || Slots.isAbsent(uri)) {
      return Value.absent(o);
    }
    if (uri instanceof Unresolved u) {
      return Value.unresolved(u.origin(), u.reason());
    }
    if (uri instanceof Reference r) {
      return index
          .target(Kind.FUNCTION, r.target())
          .map(f -> Value.set(Ref.to(index.key(f)), r.origin()))
          .orElseGet(() -> Value.absent(o));
    }
    Optional<String> text = ResourceIndex.text(uri);
    if (text.isEmpty()) {
      return Value.absent(o);
    }
    Matcher placeholders = ResourceIndex.PLACEHOLDER.matcher(text.get());
    while (placeholders.find()) {
      Optional<String> function = index.target(Kind.FUNCTION, placeholders.group(1));
      if (function.isPresent()) {
        return Value.set(Ref.to(index.key(function.get())), uri.origin());
      }
    }
    Matcher arn = FUNCTION_ARN.matcher(text.get());
    if (arn.find()) {
      String literal = arn.group(1);
      Ref ref =
          index
              .byLiteral(Kind.FUNCTION, literal)
              .map(f -> Ref.to(index.key(f)))
              .orElse(Ref.literal(literal));
      return Value.set(ref, uri.origin());
    }
    return Value.absent(o);
  }
}
