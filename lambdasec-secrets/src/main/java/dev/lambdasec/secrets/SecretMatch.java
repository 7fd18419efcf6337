package dev.lambdasec.secrets;

/**
 * A detected secret. Holds no part of the secret value.
 *
 * @param ruleId the detection rule, such as {@code aws-access-token}
 * @param description what kind of secret it is, for messages
 */
public record SecretMatch(String ruleId, String description) {}
