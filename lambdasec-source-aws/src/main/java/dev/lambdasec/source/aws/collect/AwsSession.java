package dev.lambdasec.source.aws.collect;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One collection's connection to AWS: one Apache 5 connection pool shared by every client, the base
 * credentials (default chain, profile or SSO profile, optionally an assumed role), adaptive retry
 * and time-outs on every call, and the call counter. Closes every client it built.
 */
final class AwsSession implements AutoCloseable {

  private final CollectOptions options;
  private final SdkHttpClient http;
  private final ApiStats stats;
  private final AwsCredentialsProvider source;
  private final AwsCredentialsProvider base;
  private final List<SdkAutoCloseable> clients = new ArrayList<>();

  AwsSession(CollectOptions options, ApiStats stats) {
    this.options = options;
    this.stats = stats;
    this.http =
        Apache5HttpClient.builder()
            .maxConnections(Math.max(16, options.concurrency() * 8))
            .connectionTimeout(options.attemptTimeout())
            .socketTimeout(options.attemptTimeout())
            .build();
    this.source =
        options.profile() != null
            ? ProfileCredentialsProvider.builder().profileName(options.profile()).build()
            : DefaultCredentialsProvider.builder().build();
    String role = options.assumeRole();
    this.base = role == null ? source : assume(source, homeRegion(), role, options.externalId());
  }

  ApiStats stats() {
    return stats;
  }

  CollectOptions options() {
    return options;
  }

  /** The credentials of the profile or environment, before any role is assumed. */
  AwsCredentialsProvider sourceCredentials() {
    return source;
  }

  AwsCredentialsProvider baseCredentials() {
    return base;
  }

  /** The region of the profile or environment; {@code us-east-1} when none is configured. */
  Region homeRegion() {
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      if (options.profile() != null) {
        chain.profileName(options.profile());
      }
      return chain.build().getRegion();
    } catch (RuntimeException e) {
      return Region.US_EAST_1;
    }
  }

  /** Credentials of {@code roleArn}, assumed with {@code source} through STS in {@code region}. */
  AwsCredentialsProvider assume(
      AwsCredentialsProvider source,
      Region region,
      String roleArn,
      @org.jspecify.annotations.Nullable String externalId) {
    StsClient sts = client(StsClient.builder(), source, region);
    AssumeRoleRequest.Builder request =
        AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("lambdasec-audit");
    if (externalId != null) {
      request.externalId(externalId);
    }
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(request.build())
        .asyncCredentialUpdateEnabled(false)
        .build();
  }

  /** A client of any service on the shared pool, with retry, time-outs and counting. */
  synchronized <
          B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable>
      C client(B builder, AwsCredentialsProvider credentials, Region region) {
    builder
        .httpClient(http)
        .credentialsProvider(credentials)
        .region(region)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(
                    AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                        .maxAttempts(options.maxAttempts())
                        .build())
                .apiCallAttemptTimeout(options.attemptTimeout())
                .apiCallTimeout(options.callTimeout())
                .addExecutionInterceptor(stats)
                .addMetricPublisher(stats)
                .build());
    if (options.endpoint() != null) {
      builder.endpointOverride(options.endpoint());
    }
    C client = builder.build();
    clients.add(client);
    return client;
  }

  @Override
  public synchronized void close() {
    clients.forEach(SdkAutoCloseable::close);
    clients.clear();
    http.close();
  }
}
