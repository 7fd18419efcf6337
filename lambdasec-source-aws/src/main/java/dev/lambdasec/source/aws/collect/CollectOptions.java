package dev.lambdasec.source.aws.collect;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How to reach the account(s) and how much to collect.
 *
 * @param profile a named profile of the shared AWS config (SSO profiles included), or {@code null}
 *     for the default credentials chain
 * @param assumeRole a role to assume first, or {@code null}
 * @param externalId the external id the role's trust policy requires, or {@code null}
 * @param regions region codes; empty means the profile's region; {@code all} means every region
 *     enabled in the account
 * @param organization collect every active account of the organization, assuming {@code
 *     organizationRole} in each
 * @param organizationRole the role name to assume in member accounts
 * @param endpoint one endpoint for every service (an emulator such as moto), or {@code null}
 * @param deep also make the per-function calls no bulk API replaces (reserved concurrency,
 *     asynchronous invoke config and aliases of every function, and code-signing configs where the
 *     endpoint lacks {@code ListCodeSigningConfigs})
 * @param concurrency concurrent calls per service and region
 * @param attemptTimeout time-out of one HTTP attempt
 * @param callTimeout time-out of one call including retries
 * @param maxAttempts attempts per call, the first included (adaptive retry on throttling)
 */
public record CollectOptions(
    @Nullable String profile,
    @Nullable String assumeRole,
    @Nullable String externalId,
    List<String> regions,
    boolean organization,
    String organizationRole,
    @Nullable URI endpoint,
    boolean deep,
    int concurrency,
    Duration attemptTimeout,
    Duration callTimeout,
    int maxAttempts) {

  public CollectOptions {
    regions = List.copyOf(regions);
  }

  /** Default credentials chain, the profile's region, bulk calls only. */
  public static CollectOptions defaults() {
    return new CollectOptions(
        null,
        null,
        null,
        List.of(),
        false,
        "OrganizationAccountAccessRole",
        null,
        false,
        8,
        Duration.ofSeconds(20),
        Duration.ofSeconds(120),
        8);
  }

  public CollectOptions withRegions(List<String> r) {
    return new CollectOptions(
        profile,
        assumeRole,
        externalId,
        r,
        organization,
        organizationRole,
        endpoint,
        deep,
        concurrency,
        attemptTimeout,
        callTimeout,
        maxAttempts);
  }

  public CollectOptions withEndpoint(@Nullable URI e) {
    return new CollectOptions(
        profile,
        assumeRole,
        externalId,
        regions,
        organization,
        organizationRole,
        e,
        deep,
        concurrency,
        attemptTimeout,
        callTimeout,
        maxAttempts);
  }

  public CollectOptions withTimeouts(Duration attempt, Duration call, int attempts) {
    return new CollectOptions(
        profile,
        assumeRole,
        externalId,
        regions,
        organization,
        organizationRole,
        endpoint,
        deep,
        concurrency,
        attempt,
        call,
        attempts);
  }
}
