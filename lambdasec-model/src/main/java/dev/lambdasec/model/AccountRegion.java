package dev.lambdasec.model;

import java.util.List;

/**
 * One AWS account in one region, with the state of the security services a live collection found
 * there. Only the live source produces it. A service lambdasec could not ask about (access denied,
 * not offered in the region) is {@code UNRESOLVED}, with the reason.
 *
 * @param account the 12-digit account id
 * @param region the region code, such as {@code eu-west-1}
 * @param trails the trails that record the region's events: those homed there and multi-region (and
 *     organization) trails homed elsewhere
 * @param configRecording an AWS Config recorder exists and is recording
 * @param configRecordsLambda the recorder records {@code AWS::Lambda::Function} (all supported
 *     types, or Lambda listed)
 * @param securityHub Security Hub is enabled
 * @param inspectorLambda Amazon Inspector Lambda standard scanning is enabled
 * @param inspectorLambdaCode Amazon Inspector Lambda code scanning is enabled
 * @param guardDutyLambda a GuardDuty detector is enabled with Lambda Protection (Lambda network
 *     activity monitoring) turned on
 * @param accessAnalyzer an active IAM Access Analyzer (account or organization zone of trust)
 *     exists
 */
public record AccountRegion(
    Meta meta,
    String account,
    String region,
    Value<List<Value<Ref>>> trails,
    Value<List<Value<Ref>>> alarms,
    Value<Boolean> configRecording,
    Value<Boolean> configRecordsLambda,
    Value<Boolean> securityHub,
    Value<Boolean> inspectorLambda,
    Value<Boolean> inspectorLambdaCode,
    Value<Boolean> guardDutyLambda,
    Value<Boolean> accessAnalyzer)
    implements Resource {}
