package dev.lambdasec.source.aws.snapshot;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the live collector found, in the versioned, documented form written by {@code lambdasec aws
 * collect} and read by {@code lambdasec scan --aws-snapshot} ({@code docs/aws-snapshot.md}). It
 * holds facts, not SDK objects, and no secret value: environment variables that hold a secret are
 * kept as a fingerprint and the detector's verdict.
 *
 * @param version the schema version; readers refuse newer major versions
 * @param collectedAt when the collection ran (ISO-8601 instant)
 * @param collector the tool and version that wrote it
 * @param complete false when some calls were denied, not offered by the endpoint or failed after
 *     retries; {@link #gaps} says which (facts left out by choice, without {@code --deep}, are gaps
 *     too but keep the snapshot complete)
 * @param accounts one entry per account collected
 * @param gaps what could not be read, and why
 * @param calls API calls made, for the end-of-run summary and the benchmark
 */
public record Snapshot(
    int version,
    @Nullable String collectedAt,
    @Nullable String collector,
    boolean complete,
    List<Account> accounts,
    List<Gap> gaps,
    @Nullable Calls calls) {

  /** The schema version this build writes and reads. */
  public static final int VERSION = 1;

  public Snapshot {
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    gaps = gaps == null ? List.of() : List.copyOf(gaps);
  }

  /**
   * One account.
   *
   * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
   * @param iam roles, customer managed policies, users and groups (global)
   */
  public record Account(
      String accountId, @Nullable String partition, IamFacts.Iam iam, List<Region> regions) {
    public Account {
      iam = iam == null ? IamFacts.Iam.EMPTY : iam;
      regions = regions == null ? List.of() : List.copyOf(regions);
    }
  }

  /**
   * One region of an account.
   *
   * @param trails the trails whose home region this is
   * @param services the security services of the account in this region; {@code null} when not
   *     collected
   */
  public record Region(
      String region,
      List<LambdaFacts.Function> functions,
      List<LambdaFacts.EventSourceMapping> eventSourceMappings,
      List<LambdaFacts.Layer> layers,
      List<LambdaFacts.CodeSigningConfig> codeSigningConfigs,
      List<ApiFacts.Api> apis,
      List<SupportFacts.LogGroup> logGroups,
      List<SupportFacts.Alarm> alarms,
      List<SupportFacts.KmsKey> kmsKeys,
      List<SupportFacts.Subnet> subnets,
      List<SupportFacts.SecurityGroup> securityGroups,
      List<SupportFacts.Trail> trails,
      SupportFacts.@Nullable Services services) {
    public Region {
      functions = copy(functions);
      eventSourceMappings = copy(eventSourceMappings);
      layers = copy(layers);
      codeSigningConfigs = copy(codeSigningConfigs);
      apis = copy(apis);
      logGroups = copy(logGroups);
      alarms = copy(alarms);
      kmsKeys = copy(kmsKeys);
      subnets = copy(subnets);
      securityGroups = copy(securityGroups);
      trails = copy(trails);
    }
  }

  /**
   * Something the collector could not read. A gap names the facet it leaves unknown, so the mapper
   * turns exactly those values into UNRESOLVED ones and the rules report UNKNOWN.
   *
   * @param account the account, or {@code null} for the whole collection
   * @param region the region, or {@code null} for global services (IAM) and the whole account
   * @param facet what is missing: see {@code docs/aws-snapshot.md} ({@code policy}, {@code url},
   *     {@code tags}, {@code reservedConcurrency}, {@code iam}, {@code securityHub}…)
   * @param resource the ARN of the resource concerned, or {@code null} for the whole region
   * @param kind why
   * @param operation the API operation, such as {@code lambda:GetPolicy}; also the permission
   *     lambdasec needs when {@code kind} is {@link GapKind#ACCESS_DENIED}
   * @param message a plain sentence for the report; never holds a value read from the account
   */
  public record Gap(
      @Nullable String account,
      @Nullable String region,
      String facet,
      @Nullable String resource,
      GapKind kind,
      @Nullable String operation,
      String message) {}

  /** Why a fact is missing. */
  public enum GapKind {
    /** The credentials lack the permission named by the gap's operation. */
    ACCESS_DENIED,
    /** The endpoint does not offer the operation (an older region, an emulator). */
    UNSUPPORTED,
    /** The call failed after retries (throttling, server errors, time-outs). */
    ERROR,
    /** Not collected by choice: the fact needs a call per resource ({@code --deep}). */
    NOT_COLLECTED
  }

  /**
   * API calls made during the collection.
   *
   * @param total calls (operations, not HTTP attempts)
   * @param attempts HTTP attempts including retries
   * @param throttled attempts answered with a throttling error
   * @param failed calls that failed after retries
   * @param functions functions collected, for the calls-per-function figure
   * @param byOperation calls per {@code service:Operation}
   */
  public record Calls(
      long total,
      long attempts,
      long throttled,
      long failed,
      long functions,
      Map<String, Long> byOperation) {
    public Calls {
      byOperation = byOperation == null ? Map.of() : Map.copyOf(byOperation);
    }
  }

  static <T> List<T> copy(@Nullable List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
