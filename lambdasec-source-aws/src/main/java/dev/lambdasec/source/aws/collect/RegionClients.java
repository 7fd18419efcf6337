package dev.lambdasec.source.aws.collect;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.inspector2.Inspector2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.utils.Lazy;

/** The clients of one account in one region, built on first use. */
final class RegionClients {

  final Region region;
  private final Lazy<LambdaClient> lambda;
  private final Lazy<ResourceGroupsTaggingApiClient> tagging;
  private final Lazy<ApiGatewayClient> apigateway;
  private final Lazy<ApiGatewayV2Client> apigatewayv2;
  private final Lazy<CloudWatchLogsClient> logs;
  private final Lazy<CloudWatchClient> cloudwatch;
  private final Lazy<KmsClient> kms;
  private final Lazy<Ec2Client> ec2;
  private final Lazy<CloudTrailClient> cloudtrail;
  private final Lazy<ConfigClient> config;
  private final Lazy<SecurityHubClient> securityhub;
  private final Lazy<Inspector2Client> inspector;
  private final Lazy<GuardDutyClient> guardduty;
  private final Lazy<AccessAnalyzerClient> accessanalyzer;

  RegionClients(AwsSession session, AwsCredentialsProvider credentials, Region region) {
    this.region = region;
    lambda = lazy(() -> session.client(LambdaClient.builder(), credentials, region));
    tagging =
        lazy(() -> session.client(ResourceGroupsTaggingApiClient.builder(), credentials, region));
    apigateway = lazy(() -> session.client(ApiGatewayClient.builder(), credentials, region));
    apigatewayv2 = lazy(() -> session.client(ApiGatewayV2Client.builder(), credentials, region));
    logs = lazy(() -> session.client(CloudWatchLogsClient.builder(), credentials, region));
    cloudwatch = lazy(() -> session.client(CloudWatchClient.builder(), credentials, region));
    kms = lazy(() -> session.client(KmsClient.builder(), credentials, region));
    ec2 = lazy(() -> session.client(Ec2Client.builder(), credentials, region));
    cloudtrail = lazy(() -> session.client(CloudTrailClient.builder(), credentials, region));
    config = lazy(() -> session.client(ConfigClient.builder(), credentials, region));
    securityhub = lazy(() -> session.client(SecurityHubClient.builder(), credentials, region));
    inspector = lazy(() -> session.client(Inspector2Client.builder(), credentials, region));
    guardduty = lazy(() -> session.client(GuardDutyClient.builder(), credentials, region));
    accessanalyzer =
        lazy(() -> session.client(AccessAnalyzerClient.builder(), credentials, region));
  }

  private static <T> Lazy<T> lazy(Supplier<T> s) {
    return new Lazy<>(s);
  }

  LambdaClient lambda() {
    return lambda.getValue();
  }

  ResourceGroupsTaggingApiClient tagging() {
    return tagging.getValue();
  }

  ApiGatewayClient apigateway() {
    return apigateway.getValue();
  }

  ApiGatewayV2Client apigatewayv2() {
    return apigatewayv2.getValue();
  }

  CloudWatchLogsClient logs() {
    return logs.getValue();
  }

  CloudWatchClient cloudwatch() {
    return cloudwatch.getValue();
  }

  KmsClient kms() {
    return kms.getValue();
  }

  Ec2Client ec2() {
    return ec2.getValue();
  }

  CloudTrailClient cloudtrail() {
    return cloudtrail.getValue();
  }

  ConfigClient config() {
    return config.getValue();
  }

  SecurityHubClient securityhub() {
    return securityhub.getValue();
  }

  Inspector2Client inspector() {
    return inspector.getValue();
  }

  GuardDutyClient guardduty() {
    return guardduty.getValue();
  }

  AccessAnalyzerClient accessanalyzer() {
    return accessanalyzer.getValue();
  }
}
