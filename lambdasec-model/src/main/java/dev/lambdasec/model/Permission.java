package dev.lambdasec.model;

/**
 * One statement of a resource-based policy on a function, alias or layer. Adapters express every
 * source ({@code AWS::Lambda::Permission}, SAM events, {@code aws_lambda_permission}, a live {@code
 * GetPolicy} statement) as the policy statement AWS stores, so one evaluation serves them all.
 *
 * @param target the function, alias or layer version the statement is attached to
 * @param policy a document holding exactly the statement
 */
public record Permission(Meta meta, Value<Ref> target, PolicyDocument policy) implements Resource {}
