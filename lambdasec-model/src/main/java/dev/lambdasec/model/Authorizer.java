package dev.lambdasec.model;

/**
 * An API Gateway authorizer.
 *
 * @param type {@code TOKEN}, {@code REQUEST}, {@code COGNITO_USER_POOLS} or {@code JWT}
 * @param function the Lambda authorizer function, absent for Cognito/JWT
 */
public record Authorizer(Meta meta, Value<Ref> api, Value<String> type, Value<Ref> function)
    implements Resource {}
