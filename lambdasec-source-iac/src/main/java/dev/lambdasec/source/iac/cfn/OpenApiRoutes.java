package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.ApiRoute;
import dev.lambdasec.model.Authorizer;
import dev.lambdasec.model.Meta;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.RequestValidator;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Routes, authorizers and request validators of an OpenAPI definition imported into API Gateway (a
 * REST API's {@code Body}, an HTTP API's {@code Body}, and what SAM writes there), read the way API
 * Gateway imports it: {@code security} per operation or at the top, security schemes with {@code
 * x-amazon-apigateway-authtype} / {@code x-amazon-apigateway-authorizer}, {@code
 * x-amazon-apigateway-request-validator(s)} and {@code x-amazon-apigateway-integration}.
 *
 * <p>Ids: routes {@code <ApiId> <METHOD> <path>}, authorizers {@code <ApiId> authorizer <name>},
 * validators {@code <ApiId> validator <name>}.
 */
final class OpenApiRoutes {

  private static final Set<String> METHODS =
      Set.of(
          "get",
          "put",
          "post",
          "delete",
          "options",
          "head",
          "patch",
          "x-amazon-apigateway-any-method");

  private static final String API_KEY = "API_KEY";

  private final ResourceIndex index;
  private final Slots slots;
  private final Integrations integrations;

  OpenApiRoutes(ResourceIndex index, Slots slots, Integrations integrations) {
    this.index = index;
    this.slots = slots;
    this.integrations = integrations;
  }

  static String routeId(String apiId, String method, String path) {
    return apiId + " " + method + " " + path;
  }

  static String authorizerId(String apiId, String name) {
    return apiId + " authorizer " + name;
  }

  static String validatorId(String apiId, String name) {
    return apiId + " validator " + name;
  }

  /** Everything the definition declares for the API {@code api}. */
  List<Resource> read(ResolvedResource api, MapNode body, boolean rest) {
    List<Resource> out = new ArrayList<>();
    MapNode schemes = schemes(body);
    Value<Ref> apiRef = Value.set(Ref.to(index.key(api.id())), api.origin());
    for (Entry scheme : schemes.entries()) {
      Node authorizer = Nodes.get(scheme.value(), "x-amazon-apigateway-authorizer");
      if (authorizer != null) {
        out.add(authorizer(api, apiRef, scheme, authorizer, rest));
      }
    }
    if (body.get("x-amazon-apigateway-request-validators").orElse(null)
        instanceof MapNode validators) {
      for (Entry v : validators.entries()) {
        Origin at = v.value().origin();
        out.add(
            new RequestValidator(
                meta(api, validatorId(api.id(), v.key()), "AWS::ApiGateway::RequestValidator", at),
                apiRef,
                slots.bool(Nodes.get(v.value(), "validateRequestBody"), at, false),
                slots.bool(Nodes.get(v.value(), "validateRequestParameters"), at, false)));
      }
    }
    if (!(body.get("paths").orElse(null) instanceof MapNode paths)) {
      return out;
    }
    for (Entry path : paths.entries()) {
      if (!(path.value() instanceof MapNode operations)) {
        continue;
      }
      for (Entry op : operations.entries()) {
        String key = op.key().toLowerCase(Locale.ROOT);
        if (METHODS.contains(key)) {
          String method =
              key.equals("x-amazon-apigateway-any-method") ? "ANY" : key.toUpperCase(Locale.ROOT);
          out.add(route(api, apiRef, body, schemes, method, path.key(), op.value(), rest));
        }
      }
    }
    return out;
  }

  private static MapNode schemes(MapNode body) {
    List<Entry> entries = new ArrayList<>();
    if (body.get("securityDefinitions").orElse(null) instanceof MapNode swagger) {
      entries.addAll(swagger.entries());
    }
    if (Nodes.at(body, "components", "securitySchemes") instanceof MapNode openapi) {
      entries.addAll(openapi.entries());
    }
    return new MapNode(entries, body.origin());
  }

  private Authorizer authorizer(
      ResolvedResource api, Value<Ref> apiRef, Entry scheme, Node authorizer, boolean rest) {
    Origin at = scheme.value().origin();
    Node typeNode = Nodes.get(authorizer, "type");
    Value<String> type = slots.string(typeNode, at, null).map(t -> t.toUpperCase(Locale.ROOT));
    return new Authorizer(
        meta(
            api,
            authorizerId(api.id(), scheme.key()),
            rest ? "AWS::ApiGateway::Authorizer" : "AWS::ApiGatewayV2::Authorizer",
            at),
        apiRef,
        type,
        integrations.function(Nodes.get(authorizer, "authorizerUri"), at));
  }

  private ApiRoute route(
      ResolvedResource api,
      Value<Ref> apiRef,
      MapNode body,
      MapNode schemes,
      String method,
      String path,
      Node operation,
      boolean rest) {
    Origin at = operation.origin();
    Node security = Nodes.get(operation, "security");
    if (security == null) {
      security = body.get("security").orElse(null);
    }
    Authorization auth = authorization(api, security, schemes, at);
    Node own = Nodes.get(operation, "x-amazon-apigateway-request-validator");
    Node validator =
        own != null ? own : body.get("x-amazon-apigateway-request-validator").orElse(null);
    Optional<String> validatorName = Nodes.text(validator);
    Value<Ref> validatorRef =
        validator != null && validatorName.isPresent()
            ? Value.set(
                Ref.to(index.key(validatorId(api.id(), validatorName.get()))), validator.origin())
            : Value.absent(at);
    return new ApiRoute(
        meta(
            api,
            routeId(api.id(), method, path),
            rest ? "AWS::ApiGateway::Method" : "AWS::ApiGatewayV2::Route",
            at),
        apiRef,
        Value.set(method, at),
        Value.set(path, at),
        auth.type(),
        auth.authorizer(),
        auth.apiKey(),
        validatorRef,
        requestModel(operation, at),
        integrations.function(Nodes.at(operation, "x-amazon-apigateway-integration", "uri"), at));
  }

  /** How a route is authorized, from its security requirements. */
  private record Authorization(Value<String> type, Value<Ref> authorizer, Value<Boolean> apiKey) {}

  private Authorization authorization(
      ResolvedResource api, @Nullable Node security, MapNode schemes, Origin at) {
    if (security == null) {
      return new Authorization(
          Value.defaulted("NONE", at), Value.absent(at), Value.defaulted(false, at));
    }
    if (security instanceof Unresolved u) {
      return new Authorization(
          Value.unresolved(u.origin(), u.reason()),
          Value.unresolved(u.origin(), u.reason()),
          Value.unresolved(u.origin(), u.reason()));
    }
    Value<String> type = Value.set("NONE", security.origin());
    Value<Ref> authorizer = Value.absent(security.origin());
    Value<Boolean> apiKey = Value.defaulted(false, security.origin());
    boolean found = false;
    for (Node requirement : Nodes.items(security)) {
      if (!(requirement instanceof MapNode names)) {
        continue;
      }
      for (Entry name : names.entries()) {
        Node scheme = schemes.get(name.key()).orElse(null);
        Origin here = name.keyOrigin();
        if (scheme == null) {
          if (!found) {
            type = Value.unresolved(here, "security scheme " + name.key() + " is not defined");
            found = true;
          }
          continue;
        }
        Optional<String> kind = kind(scheme);
        if (kind.isEmpty()) {
          continue;
        }
        if (kind.get().equals(API_KEY)) {
          apiKey = Value.set(true, here);
        } else if (!found) {
          found = true;
          type = Value.set(kind.get(), here);
          if (!kind.get().equals("AWS_IAM")) {
            authorizer = Value.set(Ref.to(index.key(authorizerId(api.id(), name.key()))), here);
          }
        }
      }
    }
    return new Authorization(type, authorizer, apiKey);
  }

  /**
   * What a security scheme stands for: an authorization type, {@code API_KEY}, or empty for schemes
   * API Gateway ignores.
   */
  private static Optional<String> kind(Node scheme) {
    String authType =
        Nodes.text(scheme, "x-amazon-apigateway-authtype").orElse("").toLowerCase(Locale.ROOT);
    String authorizerType =
        Nodes.text(Nodes.get(scheme, "x-amazon-apigateway-authorizer"), "type")
            .orElse("")
            .toLowerCase(Locale.ROOT);
    if (authType.equals("awssigv4")) {
      return Optional.of("AWS_IAM");
    }
    return switch (authorizerType) {
      case "token", "request" -> Optional.of("CUSTOM");
      case "cognito_user_pools" -> Optional.of("COGNITO_USER_POOLS");
      case "jwt" -> Optional.of("JWT");
      default -> {
        if (authType.equals("cognito_user_pools")) {
          yield Optional.of("COGNITO_USER_POOLS");
        }
        if (authType.equals("custom")) {
          yield Optional.of("CUSTOM");
        }
        boolean apiKey = Nodes.text(scheme, "type").filter("apiKey"::equalsIgnoreCase).isPresent();
        yield apiKey ? Optional.of(API_KEY) : Optional.empty();
      }
    };
  }

  /**
   * A body model ({@code in: body}, {@code requestBody}) or a required query string or header
   * parameter; path parameters are always required, so they say nothing.
   */
  private static Value<Boolean> requestModel(Node operation, Origin at) {
    Node requestBody = Nodes.get(operation, "requestBody");
    if (requestBody != null) {
      return Value.set(true, requestBody.origin());
    }
    for (Node parameter : Nodes.items(Nodes.get(operation, "parameters"))) {
      String in = Nodes.text(parameter, "in").orElse("");
      boolean body = in.equals("body");
      boolean required =
          !in.equals("path")
              && Nodes.text(parameter, "required").filter("true"::equals).isPresent();
      if (body || required) {
        return Value.set(true, parameter.origin());
      }
    }
    return Value.defaulted(false, at);
  }

  /** Meta of a resource declared inside the definition; SAM event routes name their function. */
  private Meta meta(ResolvedResource api, String id, String type, Origin at) {
    String writer = at.resourceId();
    String definedBy = writer != null && !writer.equals(api.id()) ? writer : api.definedBy();
    return new Meta(new ResourceKey(index.scope(), id), type, at, definedBy);
  }
}
