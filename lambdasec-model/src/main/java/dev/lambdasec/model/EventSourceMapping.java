package dev.lambdasec.model;

/**
 * A poll-based trigger (SQS, Kinesis, DynamoDB Streams, Kafka, MQ).
 *
 * @param sourceType {@code sqs}, {@code kinesis}, {@code dynamodb}, {@code kafka}, {@code mq} or
 *     {@code documentdb}
 * @param onFailureDestination destination for records that failed (streams), absent when none
 */
public record EventSourceMapping(
    Meta meta,
    Value<Ref> function,
    Value<String> eventSourceArn,
    Value<String> sourceType,
    Value<Ref> onFailureDestination)
    implements Resource {}
