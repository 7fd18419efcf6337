package dev.lambdasec.model;

/**
 * One statement of a resource-based policy on a function, alias or layer. Adapters express every
 * source ({@code AWS::Lambda::Permission}, SAM events, {@code aws_lambda_permission}, a live {@code
 * GetPolicy} statement) as the policy statement AWS stores, so one evaluation serves them all.
 *
 * @param target the function or layer version the statement is attached to
 * @param qualifier the alias or version of the function the statement is attached to; absent for
 *     the unqualified function
 * @param policy a document holding exactly the statement
 */
public record Permission(
    Meta meta, Value<Ref> target, Value<String> qualifier, PolicyDocument policy)
    implements Resource {}
