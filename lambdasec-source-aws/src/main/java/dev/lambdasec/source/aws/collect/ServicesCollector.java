package dev.lambdasec.source.aws.collect;

import dev.lambdasec.source.aws.snapshot.SupportFacts;
import java.util.List;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerStatus;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.RecordingGroup;
import software.amazon.awssdk.services.guardduty.model.DetectorStatus;
import software.amazon.awssdk.services.guardduty.model.FeatureStatus;
import software.amazon.awssdk.services.inspector2.model.ResourceState;
import software.amazon.awssdk.services.inspector2.model.Status;
import software.amazon.awssdk.services.securityhub.model.InvalidAccessException;

/**
 * Whether the account's audit services run in this region: AWS Config recording Lambda, Security
 * Hub, Amazon Inspector Lambda standard and code scanning, GuardDuty Lambda Protection, IAM Access
 * Analyzer. A service that was never enabled answers "off", not an error.
 */
final class ServicesCollector {

  private final RegionClients clients;
  private final Calls calls;
  private final String account;

  ServicesCollector(RegionClients clients, Calls calls, String account) {
    this.clients = clients;
    this.calls = calls;
    this.account = account;
  }

  SupportFacts.Services collect() {
    String id = account + "/" + clients.region.id();
    List<ConfigurationRecorder> recorders =
        calls
            .get(
                "config:DescribeConfigurationRecorders",
                "config",
                id,
                () -> clients.config().describeConfigurationRecorders().configurationRecorders())
            .orElse(null);
    Boolean recording = null;
    Boolean recordsLambda = null;
    if (recorders != null) {
      recordsLambda = recorders.stream().anyMatch(r -> recordsLambda(r.recordingGroup()));
      recording =
          recorders.isEmpty()
              ? Boolean.FALSE
              : calls
                  .get(
                      "config:DescribeConfigurationRecorderStatus",
                      "config",
                      id,
                      () ->
                          clients
                              .config()
                              .describeConfigurationRecorderStatus()
                              .configurationRecordersStatus()
                              .stream()
                              .anyMatch(s -> Boolean.TRUE.equals(s.recording())))
                  .orElse(null);
    }
    Boolean hub =
        calls
            .get(
                "securityhub:DescribeHub",
                "securityHub",
                id,
                () -> {
                  try {
                    return clients.securityhub().describeHub(r -> {}).hubArn() != null;
                  } catch (InvalidAccessException e) {
                    return false;
                  }
                })
            .orElse(null);
    if (hub == null && !calls.failedFor("securityHub", id)) {
      hub = false;
    }
    ResourceState state =
        calls
            .get(
                "inspector2:BatchGetAccountStatus",
                "inspector",
                id,
                () ->
                    clients
                        .inspector()
                        .batchGetAccountStatus(r -> r.accountIds(account))
                        .accounts()
                        .stream()
                        .findFirst()
                        .map(a -> a.resourceState())
                        .orElse(null))
            .orElse(null);
    Boolean inspectorLambda = null;
    Boolean inspectorCode = null;
    if (state != null) {
      inspectorLambda = state.lambda() != null && state.lambda().status() == Status.ENABLED;
      inspectorCode = state.lambdaCode() != null && state.lambdaCode().status() == Status.ENABLED;
    } else if (!calls.failedFor("inspector", id)) {
      inspectorLambda = false;
      inspectorCode = false;
    }
    Boolean guardDuty =
        calls
            .get(
                "guardduty:ListDetectors",
                "guardDuty",
                id,
                () -> clients.guardduty().listDetectors(r -> {}).detectorIds())
            .map(ids -> ids.stream().anyMatch(this::lambdaProtection))
            .orElse(null);
    Boolean analyzer =
        calls
            .get(
                "access-analyzer:ListAnalyzers",
                "accessAnalyzer",
                id,
                () ->
                    clients.accessanalyzer().listAnalyzers(r -> {}).analyzers().stream()
                        .anyMatch(a ->
                            a.status() == AnalyzerStatus.ACTIVE
                                && ("ACCOUNT".equals(a.typeAsString())
                                    || "ORGANIZATION".equals(a.typeAsString()))))
            .orElse(null);
    return new SupportFacts.Services(
        recording, recordsLambda, hub, inspectorLambda, inspectorCode, guardDuty, analyzer);
  }

  private static boolean recordsLambda(RecordingGroup g) {
    if (g == null) {
      return true;
    }
    if (Boolean.TRUE.equals(g.allSupported())) {
      return g.exclusionByResourceTypes() == null
          || !g.exclusionByResourceTypes()
              .resourceTypesAsStrings()
              .contains("AWS::Lambda::Function");
    }
    return g.resourceTypesAsStrings().contains("AWS::Lambda::Function");
  }

  private boolean lambdaProtection(String detectorId) {
    return calls
        .get(
            "guardduty:GetDetector",
            "guardDuty",
            account + "/" + clients.region.id(),
            () -> clients.guardduty().getDetector(r -> r.detectorId(detectorId)))
        .map(d ->
            d.status() == DetectorStatus.ENABLED
                && d.features().stream()
                    .anyMatch(f ->
                        "LAMBDA_NETWORK_LOGS".equals(f.nameAsString())
                            && f.status() == FeatureStatus.ENABLED))
        .orElse(false);
  }
}
