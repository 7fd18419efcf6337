package dev.lambdasec.source.aws.snapshot;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Supporting resources and account-level services. */
public final class SupportFacts {

  private SupportFacts() {}

  /** A log group; {@code retentionDays} is {@code null} when events never expire. */
  public record LogGroup(
      String name,
      @Nullable String arn,
      @Nullable Integer retentionDays,
      @Nullable String kmsKeyId) {}

  /** A metric alarm on a Lambda or SQS metric. */
  public record Alarm(
      String arn,
      String name,
      List<Metric> metrics,
      @Nullable Boolean actionsEnabled,
      List<String> alarmActions) {
    public Alarm {
      metrics = Snapshot.copy(metrics);
      alarmActions = Snapshot.copy(alarmActions);
    }
  }

  /** A metric an alarm watches. */
  public record Metric(String namespace, String name, Map<String, String> dimensions) {
    public Metric {
      dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    }
  }

  /**
   * A KMS key used by a function, log group or trail.
   *
   * @param keyManager {@code CUSTOMER} or {@code AWS}
   * @param policy the key policy (JSON), or {@code null} when not readable
   */
  public record KmsKey(
      String arn,
      @Nullable String keyManager,
      @Nullable Boolean rotationEnabled,
      @Nullable String policy) {}

  /** A subnet of a VPC function. */
  public record Subnet(String id, @Nullable String availabilityZone) {}

  /** A security group of a VPC function; its egress destinations. */
  public record SecurityGroup(String id, List<String> egressCidrs) {
    public SecurityGroup {
      egressCidrs = Snapshot.copy(egressCidrs);
    }
  }

  /**
   * A CloudTrail trail, described in its home region.
   *
   * @param lambdaDataEvents the trail's event selectors record {@code Invoke} of every function
   */
  public record Trail(
      String arn,
      String name,
      @Nullable Boolean multiRegion,
      @Nullable Boolean logFileValidation,
      @Nullable String kmsKeyId,
      @Nullable Boolean logging,
      @Nullable Boolean lambdaDataEvents) {}

  /**
   * The security services of the account in one region; {@code null} fields were not collected (the
   * gaps say why).
   */
  public record Services(
      @Nullable Boolean configRecording,
      @Nullable Boolean configRecordsLambda,
      @Nullable Boolean securityHub,
      @Nullable Boolean inspectorLambda,
      @Nullable Boolean inspectorLambdaCode,
      @Nullable Boolean guardDutyLambda,
      @Nullable Boolean accessAnalyzer) {}
}
