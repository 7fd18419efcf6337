package dev.lambdasec.model;

/**
 * A customer managed policy defined by the source (AWS managed policies come from reference data).
 * A policy resource attached to no principal of the source ({@code AWS::IAM::Policy} naming roles
 * defined elsewhere) is one too, with its own type and no ARN: it holds its document itself.
 */
public record ManagedPolicy(
    Meta meta, Value<String> name, Value<String> arn, PolicyDocument document)
    implements Resource {}
