package dev.lambdasec.model;

/**
 * A CloudWatch Logs log group.
 *
 * @param retentionDays retention in days; absent means the logs are kept forever
 * @param kmsKey customer-managed key, absent when the service key is used
 */
public record LogGroup(
    Meta meta, Value<String> name, Value<Integer> retentionDays, Value<Ref> kmsKey)
    implements Resource {}
