package dev.lambdasec.model;

/**
 * A REST API method or an HTTP/WebSocket API route, with how callers are authorized.
 *
 * @param api the API the route belongs to
 * @param method HTTP method ({@code ANY} for any); {@code $connect} style keys for WebSocket
 * @param path resource path
 * @param authorizationType {@code NONE}, {@code AWS_IAM}, {@code CUSTOM}, {@code
 *     COGNITO_USER_POOLS} or {@code JWT}
 * @param authorizer the authorizer used when the type needs one
 * @param apiKeyRequired whether an API key is required (REST)
 * @param requestValidator the request validator (REST), absent when none
 * @param requestModel whether a request model or required request parameters are declared
 * @param integration the function the route invokes, absent for non-Lambda integrations
 */
public record ApiRoute(
    Meta meta,
    Value<Ref> api,
    Value<String> method,
    Value<String> path,
    Value<String> authorizationType,
    Value<Ref> authorizer,
    Value<Boolean> apiKeyRequired,
    Value<Ref> requestValidator,
    Value<Boolean> requestModel,
    Value<Ref> integration)
    implements Resource {

  /** {@code METHOD path}, as users read routes. */
  public String label() {
    return method.orElse("?") + " " + path.orElse("?");
  }
}
