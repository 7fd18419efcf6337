package dev.lambdasec.model;

/** A REST API request validator. */
public record RequestValidator(
    Meta meta, Value<Ref> api, Value<Boolean> validateBody, Value<Boolean> validateParameters)
    implements Resource {}
