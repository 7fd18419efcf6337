package dev.lambdasec.model;

import java.util.List;

/**
 * A function URL.
 *
 * @param authType {@code AWS_IAM} or {@code NONE}
 * @param cors CORS settings, absent when the URL has none
 */
public record FunctionUrl(
    Meta meta,
    Value<Ref> function,
    Value<String> qualifier,
    Value<String> authType,
    Value<Cors> cors)
    implements Resource {

  /** CORS settings of a function URL or an HTTP API. */
  public record Cors(
      Value<List<Value<String>>> allowOrigins,
      Value<List<Value<String>>> allowMethods,
      Value<Boolean> allowCredentials) {}
}
