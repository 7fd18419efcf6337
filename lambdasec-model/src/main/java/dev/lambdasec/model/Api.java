package dev.lambdasec.model;

/**
 * An API Gateway REST, HTTP or WebSocket API.
 *
 * @param kind REST, HTTP or WEBSOCKET
 * @param endpointType {@code EDGE}, {@code REGIONAL} or {@code PRIVATE} (REST only)
 * @param resourcePolicy the REST API resource policy, absent when none
 * @param cors CORS settings of an HTTP API, absent when none
 * @param accessLogging whether a stage writes access logs
 */
public record Api(
    Meta meta,
    Kind kind,
    Value<String> name,
    Value<String> endpointType,
    Value<PolicyDocument> resourcePolicy,
    Value<FunctionUrl.Cors> cors,
    Value<Boolean> accessLogging)
    implements Resource {

  /** API Gateway API flavours. */
  public enum Kind {
    REST,
    HTTP,
    WEBSOCKET
  }
}
