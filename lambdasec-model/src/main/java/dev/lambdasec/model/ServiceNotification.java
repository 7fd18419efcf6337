package dev.lambdasec.model;

/**
 * A push trigger from another service that invokes the function asynchronously (S3 notifications,
 * SNS subscriptions, EventBridge rules and schedules, CloudWatch Logs subscriptions, IoT rules…).
 *
 * @param service the invoking service principal prefix, such as {@code s3}, {@code sns}, {@code
 *     events}
 * @param source the ARN or reference of the bucket, topic or rule when known
 */
public record ServiceNotification(Meta meta, Value<Ref> function, String service, Value<Ref> source)
    implements Resource {}
