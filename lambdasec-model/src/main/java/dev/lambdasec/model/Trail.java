package dev.lambdasec.model;

/**
 * A CloudTrail trail.
 *
 * @param multiRegion whether the trail logs every region
 * @param logFileValidation whether digest files are written
 * @param kmsKey the key that encrypts the log files, absent when SSE-S3 is used
 * @param logging whether the trail is logging (live), or {@code IsLogging} in templates
 * @param lambdaDataEvents whether the trail records Lambda {@code Invoke} data events
 */
public record Trail(
    Meta meta,
    Value<Boolean> multiRegion,
    Value<Boolean> logFileValidation,
    Value<Ref> kmsKey,
    Value<Boolean> logging,
    Value<Boolean> lambdaDataEvents)
    implements Resource {}
