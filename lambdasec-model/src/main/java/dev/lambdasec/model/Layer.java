package dev.lambdasec.model;

/** A Lambda layer version defined by the source. */
public record Layer(Meta meta, Value<String> name, Value<String> arn) implements Resource {}
