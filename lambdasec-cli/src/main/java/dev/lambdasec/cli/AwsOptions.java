package dev.lambdasec.cli;

import dev.lambdasec.source.aws.collect.CollectOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** How to reach AWS: shared by {@code lambdasec aws collect} and {@code lambdasec scan --aws}. */
final class AwsOptions {

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Profile of the shared AWS config (SSO profiles too; run aws sso login first).")
  @Nullable String profile;

  @Option(
      names = "--assume-role",
      paramLabel = "ROLE_ARN",
      description = "Assume this role first (for example a read-only audit role).")
  @Nullable String assumeRole;

  @Option(
      names = "--external-id",
      paramLabel = "ID",
      description = "External id the role's trust policy requires.")
  @Nullable String externalId;

  @Option(
      names = "--regions",
      split = ",",
      paramLabel = "REGION",
      description =
          "Regions to collect, or 'all' for every region enabled in the account"
              + " (default: the profile's region).")
  List<String> regions = new ArrayList<>();

  @Option(
      names = "--org",
      description =
          "Collect every active account of the organization (run with management or"
              + " delegated-administrator credentials).")
  boolean organization;

  @Option(
      names = "--org-role-name",
      paramLabel = "NAME",
      defaultValue = "OrganizationAccountAccessRole",
      description = "Role assumed in each member account with --org (default: ${DEFAULT-VALUE}).")
  String organizationRole = "OrganizationAccountAccessRole";

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "One endpoint for every AWS service, such as an emulator (moto, LocalStack).")
  @Nullable URI endpoint;

  @Option(
      names = "--deep",
      description =
          "Also make the per-function calls no bulk API replaces: reserved concurrency,"
              + " asynchronous invoke configs and aliases of every function.")
  boolean deep;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "8",
      description = "Concurrent calls per service and region (default: ${DEFAULT-VALUE}).")
  int concurrency = 8;

  CollectOptions toCollectOptions() {
    CollectOptions d = CollectOptions.defaults();
    return new CollectOptions(
        profile,
        assumeRole,
        externalId,
        regions,
        organization,
        organizationRole,
        endpoint,
        deep,
        Math.max(1, concurrency),
        d.attemptTimeout(),
        d.callTimeout(),
        d.maxAttempts());
  }
}
