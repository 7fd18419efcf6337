package dev.lambdasec.source.aws.snapshot;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Lambda functions and what hangs off them, as the Lambda API describes them. */
public final class LambdaFacts {

  private LambdaFacts() {}

  /**
   * A function ({@code $LATEST}) with its resource policies and URLs, including those of its
   * aliases and published versions.
   *
   * @param environment the variables, values withheld or kept per {@link EnvVar}
   * @param kmsKeyArn the customer-managed key of the environment, or {@code null}
   * @param vpc subnets and security groups, or {@code null} when not attached
   * @param logGroup the log group of the logging config
   * @param deadLetterTarget the dead-letter queue or topic, or {@code null}
   * @param onFailureDestination the on-failure destination of the asynchronous invoke config
   * @param reservedConcurrency reserved concurrent executions, or {@code null} (none, or not
   *     collected: see the gaps)
   * @param layers layer version ARNs
   * @param codeSigningConfigArn the code-signing config, or {@code null}
   * @param lastModified the {@code LastModified} timestamp as Lambda returns it
   * @param lastInvoked the last day with invocations in the look-back window, or {@code null}
   * @param versions published version numbers, newest last
   * @param aliases alias names
   * @param policies resource policies of the function and of its aliases and versions
   * @param urls function URLs of the function and of its aliases
   */
  public record Function(
      String arn,
      String name,
      @Nullable String runtime,
      @Nullable String handler,
      @Nullable String packageType,
      List<String> architectures,
      @Nullable Integer memorySize,
      @Nullable Integer timeout,
      List<EnvVar> environment,
      @Nullable String kmsKeyArn,
      @Nullable Vpc vpc,
      @Nullable String tracingMode,
      @Nullable String logGroup,
      @Nullable String deadLetterTarget,
      @Nullable String onFailureDestination,
      @Nullable Integer reservedConcurrency,
      List<String> layers,
      @Nullable String codeSigningConfigArn,
      @Nullable String role,
      Map<String, String> tags,
      @Nullable String lastModified,
      @Nullable String lastInvoked,
      List<String> versions,
      List<String> aliases,
      List<ResourcePolicy> policies,
      List<Url> urls) {
    public Function {
      architectures = Snapshot.copy(architectures);
      environment = Snapshot.copy(environment);
      layers = Snapshot.copy(layers);
      tags = tags == null ? Map.of() : Map.copyOf(tags);
      versions = Snapshot.copy(versions);
      aliases = Snapshot.copy(aliases);
      policies = Snapshot.copy(policies);
      urls = Snapshot.copy(urls);
    }
  }

  /**
   * One environment variable. Only references are kept in clear; a secret is kept as the detector's
   * verdict and a fingerprint; other values as a fingerprint only.
   *
   * @param fingerprint {@code hmac-sha256:<32 hex>} of the value, keyed by the function ARN and the
   *     variable name: tells a changed value from an unchanged one between snapshots
   * @param value the value, only when {@code kind} is {@link EnvKind#REFERENCE}
   * @param secret the detector's verdict, only when {@code kind} is {@link EnvKind#SECRET}
   */
  public record EnvVar(
      String name,
      EnvKind kind,
      @Nullable String fingerprint,
      @Nullable String value,
      @Nullable Secret secret) {}

  /** How an environment value was judged and kept. */
  public enum EnvKind {
    /** A pointer to a secret or resource (ARN, SSM parameter path…), kept in clear. */
    REFERENCE,
    /** A plaintext secret; withheld. */
    SECRET,
    /** Any other value; withheld, fingerprint only. */
    WITHHELD
  }

  /**
   * The detector's verdict on a secret: the fields of {@code SecretMatch}, nothing of the value.
   */
  public record Secret(String ruleId, String description, String kind, String confidence) {}

  /** The VPC attachment of a function. */
  public record Vpc(List<String> subnetIds, List<String> securityGroupIds) {
    public Vpc {
      subnetIds = Snapshot.copy(subnetIds);
      securityGroupIds = Snapshot.copy(securityGroupIds);
    }
  }

  /**
   * A resource policy.
   *
   * @param qualifier alias name or version number, {@code null} for the function itself
   * @param document the policy (JSON)
   */
  public record ResourcePolicy(@Nullable String qualifier, String document) {}

  /**
   * A function URL.
   *
   * @param qualifier alias name, {@code null} for the function itself
   */
  public record Url(
      @Nullable String qualifier, @Nullable String url, String authType, @Nullable Cors cors) {}

  /** CORS settings of a function URL or HTTP API. */
  public record Cors(
      List<String> allowOrigins, List<String> allowMethods, @Nullable Boolean allowCredentials) {
    public Cors {
      allowOrigins = Snapshot.copy(allowOrigins);
      allowMethods = Snapshot.copy(allowMethods);
    }
  }

  /**
   * An event-source mapping.
   *
   * @param onFailureDestination where records that failed go, or {@code null}
   */
  public record EventSourceMapping(
      String arn,
      String functionArn,
      @Nullable String eventSourceArn,
      @Nullable String onFailureDestination) {}

  /**
   * A layer version of the account, with its policy.
   *
   * @param policy the layer version policy (JSON), or {@code null} when it has none
   */
  public record Layer(String arn, String name, @Nullable String policy) {}

  /** A code-signing config. */
  public record CodeSigningConfig(
      String arn, @Nullable String untrustedArtifactOnDeployment, List<String> signingProfiles) {
    public CodeSigningConfig {
      signingProfiles = Snapshot.copy(signingProfiles);
    }
  }
}
