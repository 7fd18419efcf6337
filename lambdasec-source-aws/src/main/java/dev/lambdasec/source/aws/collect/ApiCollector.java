package dev.lambdasec.source.aws.collect;

import dev.lambdasec.source.aws.snapshot.ApiFacts;
import dev.lambdasec.source.aws.snapshot.LambdaFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.GetApisResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetAuthorizersResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationsResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetRoutesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetStagesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/**
 * API Gateway in one region: REST APIs with their resources and methods in one listing per API
 * ({@code GetResources?embed=methods}), authorizers, validators and stages; HTTP and WebSocket APIs
 * with routes, integrations, authorizers and stages. APIs are read concurrently.
 */
final class ApiCollector {

  private final RegionClients clients;
  private final Calls calls;

  ApiCollector(RegionClients clients, Calls calls) {
    this.clients = clients;
    this.calls = calls;
  }

  List<ApiFacts.Api> collect() {
    List<RestApi> rest = new ArrayList<>();
    calls.get(
        "apigateway:GET",
        "apis",
        null,
        () -> {
          clients.apigateway().getRestApisPaginator(r -> r.limit(500)).items().forEach(rest::add);
          return true;
        });
    List<Api> http = new ArrayList<>();
    calls.get(
        "apigateway:GET",
        "apis",
        null,
        () -> {
          String token = null;
          do {
            String t = token;
            GetApisResponse page =
                clients.apigatewayv2().getApis(r -> r.maxResults("500").nextToken(t));
            http.addAll(page.items());
            token = page.nextToken();
          } while (token != null && !token.isEmpty());
          return true;
        });
    List<Future<ApiFacts.Api>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      rest.forEach(a -> futures.add(pool.submit(() -> rest(a))));
      http.forEach(a -> futures.add(pool.submit(() -> http(a))));
    }
    List<ApiFacts.Api> out = new ArrayList<>();
    for (Future<ApiFacts.Api> f : futures) {
      out.add(f.resultNow());
    }
    return out;
  }

  private String arn(String kind, String id) {
    return "arn:aws:apigateway:" + clients.region.id() + "::/" + kind + "/" + id;
  }

  private ApiFacts.Api rest(RestApi api) {
    ApiGatewayClient gw = clients.apigateway();
    String id = api.id();
    String arn = arn("restapis", id);
    List<ApiFacts.Route> routes = new ArrayList<>();
    calls.get(
        "apigateway:GET",
        "apiRoutes",
        arn,
        () -> {
          for (Resource r :
              gw.getResourcesPaginator(q -> q.restApiId(id).embed("methods").limit(500)).items()) {
            if (!r.hasResourceMethods()) {
              continue;
            }
            for (Map.Entry<String, Method> e : r.resourceMethods().entrySet()) {
              routes.add(method(r, e.getKey(), e.getValue()));
            }
          }
          return true;
        });
    List<ApiFacts.Authorizer> authorizers = new ArrayList<>();
    calls
        .get(
            "apigateway:GET",
            "apiAuthorizers",
            arn,
            () -> gw.getAuthorizers(r -> r.restApiId(id).limit(500)))
        .ifPresent(r ->
            r.items()
                .forEach(a ->
                    authorizers.add(
                        new ApiFacts.Authorizer(
                            a.id(), a.typeAsString(), functionArn(a.authorizerUri())))));
    List<ApiFacts.Validator> validators = new ArrayList<>();
    calls
        .get(
            "apigateway:GET",
            "apiValidators",
            arn,
            () -> gw.getRequestValidators(r -> r.restApiId(id).limit(500)))
        .ifPresent(r ->
            r.items()
                .forEach(v ->
                    validators.add(
                        new ApiFacts.Validator(
                            v.id(), v.validateRequestBody(), v.validateRequestParameters()))));
    Boolean logging =
        calls
            .get("apigateway:GET", "apiStages", arn, () -> gw.getStages(r -> r.restApiId(id)))
            .map(r ->
                r.item().stream()
                    .anyMatch(s ->
                        s.accessLogSettings() != null
                            && s.accessLogSettings().destinationArn() != null))
            .orElse(null);
    String endpoint =
        api.endpointConfiguration() != null
                && api.endpointConfiguration().hasTypes()
                && !api.endpointConfiguration().types().isEmpty()
            ? api.endpointConfiguration().typesAsStrings().get(0)
            : null;
    return new ApiFacts.Api(
        id,
        arn,
        "REST",
        api.name(),
        endpoint,
        restPolicy(api.policy()),
        null,
        logging,
        routes,
        authorizers,
        validators);
  }

  private static ApiFacts.Route method(Resource r, String verb, Method m) {
    boolean model =
        (m.hasRequestModels() && !m.requestModels().isEmpty())
            || (m.hasRequestParameters() && m.requestParameters().containsValue(Boolean.TRUE));
    return new ApiFacts.Route(
        "resources/" + r.id() + "/methods/" + verb,
        verb,
        r.path(),
        m.authorizationType(),
        m.authorizerId(),
        m.apiKeyRequired(),
        m.requestValidatorId(),
        model,
        m.methodIntegration() == null ? null : functionArn(m.methodIntegration().uri()));
  }

  /** API Gateway returns the REST API policy with its quotes escaped. */
  static @Nullable String restPolicy(@Nullable String policy) {
    if (policy == null || policy.isEmpty()) {
      return null;
    }
    return policy.startsWith("{\\\"") ? policy.replace("\\\"", "\"").replace("\\/", "/") : policy;
  }

  /** The function ARN of a Lambda integration or authorizer URI, or {@code null}. */
  static @Nullable String functionArn(@Nullable String uri) {
    if (uri == null) {
      return null;
    }
    int start = uri.indexOf("/functions/");
    if (start >= 0) {
      int end = uri.indexOf("/invocations", start);
      return uri.substring(start + "/functions/".length(), end > 0 ? end : uri.length());
    }
    return uri.startsWith("arn:") && uri.contains(":lambda:") && uri.contains(":function:")
        ? uri
        : null;
  }

  private ApiFacts.Api http(Api api) {
    ApiGatewayV2Client gw = clients.apigatewayv2();
    String id = api.apiId();
    String arn = arn("apis", id);
    Map<String, String> integrations = new HashMap<>();
    calls.get(
        "apigateway:GET",
        "apiRoutes",
        arn,
        () -> {
          String token = null;
          do {
            String t = token;
            GetIntegrationsResponse page =
                gw.getIntegrations(r -> r.apiId(id).maxResults("500").nextToken(t));
            for (Integration i : page.items()) {
              String fn = functionArn(i.integrationUri());
              if (fn != null) {
                integrations.put("integrations/" + i.integrationId(), fn);
              }
            }
            token = page.nextToken();
          } while (token != null && !token.isEmpty());
          return true;
        });
    List<ApiFacts.Route> routes = new ArrayList<>();
    calls.get(
        "apigateway:GET",
        "apiRoutes",
        arn,
        () -> {
          String token = null;
          do {
            String t = token;
            GetRoutesResponse page = gw.getRoutes(r -> r.apiId(id).maxResults("500").nextToken(t));
            for (Route r : page.items()) {
              routes.add(route(r, integrations));
            }
            token = page.nextToken();
          } while (token != null && !token.isEmpty());
          return true;
        });
    List<ApiFacts.Authorizer> authorizers = new ArrayList<>();
    calls
        .get(
            "apigateway:GET",
            "apiAuthorizers",
            arn,
            () -> gw.getAuthorizers(r -> r.apiId(id).maxResults("500")))
        .map(GetAuthorizersResponse::items)
        .ifPresent(items ->
            items.forEach(a ->
                authorizers.add(
                    new ApiFacts.Authorizer(
                        a.authorizerId(),
                        a.authorizerTypeAsString(),
                        functionArn(a.authorizerUri())))));
    Optional<GetStagesResponse> stages =
        calls.get("apigateway:GET", "apiStages", arn, () -> gw.getStages(r -> r.apiId(id)));
    Boolean logging =
        stages
            .map(r ->
                r.items().stream()
                    .anyMatch(s ->
                        s.accessLogSettings() != null
                            && s.accessLogSettings().destinationArn() != null))
            .orElse(null);
    var c = api.corsConfiguration();
    return new ApiFacts.Api(
        id,
        arn,
        "WEBSOCKET".equals(api.protocolTypeAsString()) ? "WEBSOCKET" : "HTTP",
        api.name(),
        "REGIONAL",
        null,
        c == null
            ? null
            : new LambdaFacts.Cors(
                c.hasAllowOrigins() ? c.allowOrigins() : List.of(),
                c.hasAllowMethods() ? c.allowMethods() : List.of(),
                c.allowCredentials()),
        logging,
        routes,
        authorizers,
        List.of());
  }

  private static ApiFacts.Route route(Route r, Map<String, String> integrations) {
    String key = r.routeKey() == null ? "" : r.routeKey();
    int space = key.indexOf(' ');
    String method = space > 0 ? key.substring(0, space) : key.equals("$default") ? "ANY" : key;
    String path = space > 0 ? key.substring(space + 1) : key.equals("$default") ? "$default" : "";
    return new ApiFacts.Route(
        "routes/" + r.routeId(),
        method,
        path,
        r.authorizationType() == null ? null : r.authorizationTypeAsString(),
        r.authorizerId(),
        r.apiKeyRequired(),
        null,
        null,
        r.target() == null ? null : integrations.get(r.target()));
  }
}
