package dev.lambdasec.source.aws.collect;

import java.util.Map;

/**
 * The IAM action behind an SDK operation. Most services name both alike ({@code Lambda} {@code
 * GetPolicy} → {@code lambda:GetPolicy}); API Gateway authorizes by HTTP verb and a few services
 * use another prefix.
 */
final class IamActions {

  private static final Map<String, String> PREFIX =
      Map.ofEntries(
          Map.entry("Lambda", "lambda"),
          Map.entry("Iam", "iam"),
          Map.entry("IAM", "iam"),
          Map.entry("Sts", "sts"),
          Map.entry("STS", "sts"),
          Map.entry("CloudWatchLogs", "logs"),
          Map.entry("CloudWatch", "cloudwatch"),
          Map.entry("Kms", "kms"),
          Map.entry("KMS", "kms"),
          Map.entry("Ec2", "ec2"),
          Map.entry("EC2", "ec2"),
          Map.entry("CloudTrail", "cloudtrail"),
          Map.entry("Config", "config"),
          Map.entry("SecurityHub", "securityhub"),
          Map.entry("Inspector2", "inspector2"),
          Map.entry("GuardDuty", "guardduty"),
          Map.entry("AccessAnalyzer", "access-analyzer"),
          Map.entry("ResourceGroupsTaggingApi", "tag"),
          Map.entry("Organizations", "organizations"));

  private IamActions() {}

  static String of(String sdkService, String operation) {
    if (sdkService.startsWith("ApiGateway")) {
      return "apigateway:GET";
    }
    return PREFIX.getOrDefault(sdkService, sdkService.toLowerCase(java.util.Locale.ROOT))
        + ":"
        + operation;
  }
}
