package dev.lambdasec.model;

/**
 * A KMS key, or an alias that stands for one.
 *
 * @param rotationEnabled automatic key rotation
 * @param keyPolicy the key policy
 */
public record KmsKey(
    Meta meta, Value<String> arn, Value<Boolean> rotationEnabled, Value<PolicyDocument> keyPolicy)
    implements Resource {}
