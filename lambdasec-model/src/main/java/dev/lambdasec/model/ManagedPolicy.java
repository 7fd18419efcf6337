package dev.lambdasec.model;

/**
 * A customer managed policy defined by the source (AWS managed policies come from reference data).
 */
public record ManagedPolicy(
    Meta meta, Value<String> name, Value<String> arn, PolicyDocument document)
    implements Resource {}
