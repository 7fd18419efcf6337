package dev.lambdasec.source.aws.collect;

import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.source.aws.snapshot.ApiFacts;
import dev.lambdasec.source.aws.snapshot.IamFacts;
import dev.lambdasec.source.aws.snapshot.LambdaFacts;
import dev.lambdasec.source.aws.snapshot.Snapshot;
import dev.lambdasec.source.aws.snapshot.Snapshot.GapKind;
import dev.lambdasec.source.aws.snapshot.SupportFacts;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Collects one or more accounts into a {@link Snapshot}, read-only. Regions of an account are
 * collected concurrently (up to four at a time), and within a region the services are; failures
 * become gaps of the snapshot, never an exception, except when no credentials work at all.
 */
public final class AwsCollector {

  private static final int REGIONS_AT_ONCE = 4;
  private static final DateTimeFormatter LAMBDA_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT);

  private final SecretDetector detector;
  private final Clock clock;
  private final String toolVersion;

  public AwsCollector(SecretDetector detector, Clock clock, String toolVersion) {
    this.detector = detector;
    this.clock = clock;
    this.toolVersion = toolVersion;
  }

  /**
   * Collects what {@code options} names.
   *
   * @param stats receives every call; its totals also go into the snapshot
   * @throws CollectException when the credentials cannot be used at all
   */
  public Snapshot collect(CollectOptions options, Progress progress, ApiStats stats)
      throws CollectException {
    GapLog gaps = new GapLog(stats);
    List<Snapshot.Account> accounts = new ArrayList<>();
    try (AwsSession session = new AwsSession(options, stats)) {
      Region home =
          options.regions().isEmpty() || options.regions().contains("all")
              ? session.homeRegion()
              : Region.of(options.regions().get(0));
      GetCallerIdentityResponse me = identity(session, session.baseCredentials(), home);
      String partition = partition(me.arn());
      List<String> regions = regions(session, home, me.account(), gaps);
      accounts.add(
          account(
              session,
              session.baseCredentials(),
              me.account(),
              partition,
              regions,
              gaps,
              progress));
      if (options.organization()) {
        for (String member : members(session, home, me.account(), gaps)) {
          AwsCredentialsProvider creds =
              session.assume(
                  session.baseCredentials(),
                  home,
                  "arn:" + partition + ":iam::" + member + ":role/" + options.organizationRole(),
                  options.externalId());
          try {
            creds.resolveCredentials();
          } catch (SdkException e) {
            gaps.add(
                new Snapshot.Gap(
                    member,
                    null,
                    "account",
                    null,
                    GapKind.ACCESS_DENIED,
                    "sts:AssumeRole",
                    "lambdasec could not assume "
                        + options.organizationRole()
                        + " in account "
                        + member
                        + "; the account was not collected"));
            continue;
          }
          accounts.add(account(session, creds, member, partition, regions, gaps, progress));
        }
      }
    }
    List<Snapshot.Gap> all = gaps.all();
    boolean complete = all.stream().allMatch(g -> g.kind() == GapKind.NOT_COLLECTED);
    return new Snapshot(
        Snapshot.VERSION,
        clock.instant().toString(),
        toolVersion,
        complete,
        accounts,
        all,
        new Snapshot.Calls(
            stats.calls(),
            stats.attempts(),
            stats.throttled(),
            stats.failed(),
            stats.functions(),
            stats.byAction()));
  }

  private static GetCallerIdentityResponse identity(
      AwsSession session, AwsCredentialsProvider creds, Region region) throws CollectException {
    try {
      session.sourceCredentials().resolveCredentials();
    } catch (RuntimeException e) {
      // not only SdkException: for an expired SSO token without a refresh token the SDK throws NPE
      throw new CollectException(noCredentials(session.options().profile(), e));
    }
    String role = session.options().assumeRole();
    if (role != null) {
      try {
        creds.resolveCredentials();
      } catch (SdkException e) {
        throw new CollectException(
            "cannot assume "
                + role
                + " ("
                + reason(e)
                + "): check that the credentials may call sts:AssumeRole on it, its trust policy"
                + " and the external id");
      }
    }
    StsClient sts = session.client(StsClient.builder(), creds, region);
    try {
      return sts.getCallerIdentity();
    } catch (SdkException e) {
      throw new CollectException(
          "cannot call AWS with these credentials ("
              + e.getClass().getSimpleName()
              + "): check the profile, the SSO login or the environment");
    }
  }

  /**
   * Why no credentials could be had: for an SSO profile (named, else the SDK's default) the login
   * to renew; never the exception's message, which may quote the profile's contents.
   */
  private static String noCredentials(@Nullable String profile, RuntimeException e) {
    String name =
        profile != null ? profile : ProfileFileSystemSetting.AWS_PROFILE.getStringValueOrThrow();
    if (isSsoProfile(name) && unreachable(e)) {
      return "cannot reach the SSO portal of profile "
          + name
          + ": check the network, a proxy, and the profile's sso_region";
    }
    if (isSsoProfile(name)) {
      return "cannot get the credentials of the SSO profile "
          + name
          + " (its login is missing, expired or was revoked): run aws sso login --profile "
          + name;
    }
    return "cannot get AWS credentials ("
        + (e instanceof SdkException s ? reason(s) : e.getClass().getSimpleName())
        + "): check the profile, the SSO login or the environment";
  }

  /** Whether {@code e} comes of the network: a refused or timed-out connection, an unknown host. */
  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketException
          || t instanceof UnknownHostException
          || t instanceof InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSsoProfile(String name) {
    try {
      return ProfileFile.defaultProfileFile()
          .profile(name)
          .filter(p ->
              p.property("sso_session").isPresent()
                  || p.property(ProfileProperty.SSO_START_URL).isPresent())
          .isPresent();
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  /** The AWS error code of a refused call, else the exception's kind; never a credential. */
  private static String reason(SdkException e) {
    if (e instanceof AwsServiceException a) {
      String code = a.awsErrorDetails() == null ? null : a.awsErrorDetails().errorCode();
      return code != null ? code : "HTTP " + a.statusCode();
    }
    return e.getClass().getSimpleName();
  }

  private static String partition(@Nullable String arn) {
    if (arn == null) {
      return "aws";
    }
    String[] parts = arn.split(":", -1);
    return parts.length > 1 && !parts[1].isEmpty() ? parts[1] : "aws";
  }

  /** The regions to collect: as given, every enabled one for {@code all}, else the home region. */
  private static List<String> regions(
      AwsSession session, Region home, String account, GapLog gaps) {
    List<String> wanted = session.options().regions();
    if (wanted.isEmpty()) {
      return List.of(home.id());
    }
    if (!wanted.contains("all")) {
      return List.copyOf(new LinkedHashSet<>(wanted));
    }
    Calls calls = new Calls(account, null, gaps, 1);
    Ec2Client ec2 = session.client(Ec2Client.builder(), session.baseCredentials(), home);
    List<String> enabled =
        calls
            .get(
                "ec2:DescribeRegions",
                "regions",
                null,
                () ->
                    ec2.describeRegions(r -> r.allRegions(false)).regions().stream()
                        .map(r -> r.regionName())
                        .sorted()
                        .toList())
            .orElse(List.of());
    return enabled.isEmpty() ? List.of(home.id()) : enabled;
  }

  private static List<String> members(AwsSession session, Region home, String self, GapLog gaps) {
    Calls calls = new Calls(self, null, gaps, 1);
    OrganizationsClient org =
        session.client(OrganizationsClient.builder(), session.baseCredentials(), home);
    return calls
        .get(
            "organizations:ListAccounts",
            "organization",
            null,
            () ->
                org.listAccountsPaginator(r -> r.maxResults(20)).stream()
                    .flatMap(page -> page.accounts().stream())
                    .filter(a -> a.status() == AccountStatus.ACTIVE && !a.id().equals(self))
                    .map(a -> a.id())
                    .toList())
        .orElse(List.of());
  }

  private Snapshot.Account account(
      AwsSession session,
      AwsCredentialsProvider creds,
      String account,
      String partition,
      List<String> regions,
      GapLog gaps,
      Progress progress) {
    int limit = session.options().concurrency();
    Semaphore regionSlots = new Semaphore(REGIONS_AT_ONCE);
    List<Future<Snapshot.Region>> futures = new ArrayList<>();
    IamFacts.Iam iam;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<IamFacts.Iam> iamFuture =
          pool.submit(() -> {
            progress.started(account, "global", "iam");
            IamClient client =
                session.client(
                    IamClient.builder(),
                    creds,
                    "aws-cn".equals(partition)
                        ? Region.AWS_CN_GLOBAL
                        : "aws-us-gov".equals(partition)
                            ? Region.AWS_US_GOV_GLOBAL
                            : Region.AWS_GLOBAL);
            return new IamCollector(client, new Calls(account, null, gaps, limit)).collect();
          });
      for (String region : regions) {
        futures.add(
            pool.submit(() -> {
              regionSlots.acquireUninterruptibly();
              try {
                return region(
                    session,
                    creds,
                    account,
                    region,
                    regions,
                    region.equals(regions.get(0)),
                    gaps,
                    progress);
              } finally {
                regionSlots.release();
              }
            }));
      }
      iam = get(iamFuture);
    }
    List<Snapshot.Region> out = new ArrayList<>();
    futures.forEach(f -> out.add(get(f)));
    return new Snapshot.Account(account, partition, iam, out);
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("collection interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("collection failed: " + e.getCause(), e.getCause());
    }
  }

  private Snapshot.Region region(
      AwsSession session,
      AwsCredentialsProvider creds,
      String account,
      String region,
      List<String> regions,
      boolean firstRegion,
      GapLog gaps,
      Progress progress) {
    RegionClients clients = new RegionClients(session, creds, Region.of(region));
    Calls calls = new Calls(account, region, gaps, session.options().concurrency());
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<List<ApiFacts.Api>> apis =
          pool.submit(() -> {
            progress.started(account, region, "apigateway");
            return new ApiCollector(clients, calls).collect();
          });
      SupportCollector support = new SupportCollector(clients, calls);
      Future<List<SupportFacts.Alarm>> alarms =
          pool.submit(() -> {
            progress.started(account, region, "cloudwatch");
            return support.alarms();
          });
      Future<List<SupportFacts.Trail>> trails =
          pool.submit(() -> {
            progress.started(account, region, "cloudtrail");
            return new TrailCollector(clients, calls, Set.copyOf(regions), firstRegion).collect();
          });
      Future<SupportFacts.Services> services =
          pool.submit(() -> {
            progress.started(account, region, "security services");
            return new ServicesCollector(clients, calls, account).collect();
          });
      progress.started(account, region, "lambda");
      LambdaCollector.Result lambda =
          new LambdaCollector(
                  clients,
                  calls,
                  session.options().deep(),
                  new EnvironmentClassifier(detector),
                  progress)
              .collect();
      session.stats().functionsCollected(lambda.functions().size());
      Set<String> customLogGroups = new LinkedHashSet<>();
      Set<String> keys = new LinkedHashSet<>();
      Set<String> subnets = new LinkedHashSet<>();
      Set<String> groups = new LinkedHashSet<>();
      List<FunctionDraft> stale = new ArrayList<>();
      Instant cutoff = clock.instant().minus(InvocationCollector.WINDOW);
      for (FunctionDraft d : lambda.functions()) {
        var c = d.config;
        if (c.loggingConfig() != null
            && c.loggingConfig().logGroup() != null
            && !c.loggingConfig().logGroup().startsWith("/aws/lambda/")) {
          customLogGroups.add(c.loggingConfig().logGroup());
        }
        if (FunctionDraft.emptyToNull(c.kmsKeyArn()) != null) {
          keys.add(c.kmsKeyArn());
        }
        if (c.vpcConfig() != null) {
          subnets.addAll(c.vpcConfig().subnetIds());
          groups.addAll(c.vpcConfig().securityGroupIds());
        }
        Instant modified = parse(c.lastModified());
        if (modified == null || modified.isBefore(cutoff)) {
          stale.add(d);
        }
      }
      progress.started(account, region, "logs, kms, ec2, metrics");
      new InvocationCollector(clients, calls).collect(stale, clock.instant());
      List<SupportFacts.LogGroup> logGroups = support.logGroups(customLogGroups);
      logGroups.forEach(g -> {
        if (g.kmsKeyId() != null) {
          keys.add(g.kmsKeyId());
        }
      });
      List<SupportFacts.Trail> trailList = get(trails);
      trailList.forEach(t -> {
        if (t.kmsKeyId() != null) {
          keys.add(t.kmsKeyId());
        }
      });
      List<LambdaFacts.Function> functions =
          lambda.functions().stream().map(FunctionDraft::facts).toList();
      return new Snapshot.Region(
          region,
          functions,
          lambda.mappings(),
          lambda.layers(),
          lambda.codeSigningConfigs(),
          get(apis),
          logGroups,
          get(alarms),
          support.keys(keys),
          support.subnets(subnets),
          support.securityGroups(groups),
          trailList,
          get(services));
    }
  }

  private static @Nullable Instant parse(@Nullable String lambdaTime) {
    if (lambdaTime == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(lambdaTime, LAMBDA_TIME).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(lambdaTime);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
