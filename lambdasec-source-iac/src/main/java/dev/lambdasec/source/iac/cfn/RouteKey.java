package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Api;
import dev.lambdasec.model.Value;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/WebSocket route key: {@code GET /x}, {@code $default} (any method) or {@code $connect}.
 * The same in CloudFormation ({@code RouteKey}) and Terraform ({@code route_key}).
 */
public record RouteKey(String method, @Nullable String path) {

  public static RouteKey parse(String key, Api.Kind kind) {
    int space = key.indexOf(' ');
    if (space > 0) {
      return new RouteKey(key.substring(0, space), key.substring(space + 1).strip());
    }
    if (kind != Api.Kind.WEBSOCKET && key.equals("$default")) {
      return new RouteKey("ANY", "$default");
    }
    return new RouteKey(key, null);
  }

  /** {@code GET /x}, or the method alone for keys without a path. */
  public String label() {
    return path == null ? method : method + " " + path;
  }

  /** A route's method and path as values, each where the route key is written. */
  public record Parts(Value<String> method, Value<String> path) {}

  /** Splits a route key value; an unresolved key leaves both parts unresolved. */
  public static Parts parts(Value<String> routeKey, boolean websocket) {
    RouteKey key = parse(routeKey.orElse(""), websocket ? Api.Kind.WEBSOCKET : Api.Kind.HTTP);
    Value<String> method =
        routeKey.isPresent() ? Value.set(key.method(), routeKey.origin()) : routeKey;
    String keyPath = key.path();
    Value<String> path =
        routeKey.isPresent() && keyPath != null
            ? Value.set(keyPath, routeKey.origin())
            : routeKey.isPresent() ? Value.absent(routeKey.origin()) : routeKey;
    return new Parts(method, path);
  }
}
