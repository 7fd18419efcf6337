package dev.lambdasec.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Lambda function, from any source.
 *
 * @param name the function name (physical)
 * @param arn the function ARN when known (live account)
 * @param runtime runtime id such as {@code python3.12}; absent for container images
 * @param packageType {@code Zip} or {@code Image}
 * @param architectures instruction set architectures, {@code x86_64} by default
 * @param environment environment variables by name
 * @param kmsKey customer-managed key that encrypts the environment; absent means the AWS managed
 *     key
 * @param vpc subnets and security groups; absent when the function is not attached to a VPC
 * @param tracingMode {@code Active} or {@code PassThrough}
 * @param logGroup the log group named in the logging config; absent means {@code
 *     /aws/lambda/<name>}
 * @param deadLetterTarget dead-letter queue or topic for asynchronous invocations
 * @param onFailureDestination on-failure destination of the asynchronous invoke config
 * @param reservedConcurrency reserved concurrent executions
 * @param layers layer version ARNs or references
 * @param codeSigningConfig code-signing config
 * @param role execution role
 * @param codeLocation where the deployment package is (a local path, an S3 URI, an image URI)
 * @param lastModified when the function's code or configuration last changed (live account); absent
 *     for sources that do not know
 * @param lastInvoked the last day with invocations within the live collector's look-back window (90
 *     days); absent when there were none or the source does not know
 */
public record LambdaFunction(
    Meta meta,
    Value<String> name,
    Value<String> arn,
    Value<String> runtime,
    Value<String> handler,
    Value<String> packageType,
    Value<List<Value<String>>> architectures,
    Value<Integer> memorySize,
    Value<Integer> timeout,
    Value<Map<String, Value<String>>> environment,
    Value<Ref> kmsKey,
    Value<VpcConfig> vpc,
    Value<String> tracingMode,
    Value<Ref> logGroup,
    Value<Ref> deadLetterTarget,
    Value<Ref> onFailureDestination,
    Value<Integer> reservedConcurrency,
    List<Value<Ref>> layers,
    Value<Ref> codeSigningConfig,
    Value<Ref> role,
    Value<Map<String, Value<String>>> tags,
    Value<String> codeLocation,
    Value<Instant> lastModified,
    Value<Instant> lastInvoked)
    implements Resource {

  public LambdaFunction {
    layers = List.copyOf(layers);
  }

  public static Builder builder(Meta meta) {
    return new Builder(meta);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a function; every property not given is absent, as if the source did not mention it. */
  public static final class Builder {
    private final Meta meta;
    private Value<String> name;
    private Value<String> arn;
    private Value<String> runtime;
    private Value<String> handler;
    private Value<String> packageType;
    private Value<List<Value<String>>> architectures;
    private Value<Integer> memorySize;
    private Value<Integer> timeout;
    private Value<Map<String, Value<String>>> environment;
    private Value<Ref> kmsKey;
    private Value<VpcConfig> vpc;
    private Value<String> tracingMode;
    private Value<Ref> logGroup;
    private Value<Ref> deadLetterTarget;
    private Value<Ref> onFailureDestination;
    private Value<Integer> reservedConcurrency;
    private List<Value<Ref>> layers = List.of();
    private Value<Ref> codeSigningConfig;
    private Value<Ref> role;
    private Value<Map<String, Value<String>>> tags;
    private Value<String> codeLocation;
    private Value<Instant> lastModified;
    private Value<Instant> lastInvoked;

    private Builder(Meta meta) {
      this.meta = meta;
      Origin o = meta.origin();
      name = Value.absent(o);
      arn = Value.absent(o);
      runtime = Value.absent(o);
      handler = Value.absent(o);
      packageType = Value.defaulted("Zip", o);
      architectures = Value.defaulted(List.of(Value.defaulted("x86_64", o)), o);
      memorySize = Value.defaulted(128, o);
      timeout = Value.defaulted(3, o);
      environment = Value.defaulted(Map.of(), o);
      kmsKey = Value.absent(o);
      vpc = Value.absent(o);
      tracingMode = Value.defaulted("PassThrough", o);
      logGroup = Value.absent(o);
      deadLetterTarget = Value.absent(o);
      onFailureDestination = Value.absent(o);
      reservedConcurrency = Value.absent(o);
      codeSigningConfig = Value.absent(o);
      role = Value.absent(o);
      tags = Value.defaulted(Map.of(), o);
      codeLocation = Value.absent(o);
      lastModified = Value.absent(o);
      lastInvoked = Value.absent(o);
    }

    private Builder(LambdaFunction f) {
      meta = f.meta();
      name = f.name();
      arn = f.arn();
      runtime = f.runtime();
      handler = f.handler();
      packageType = f.packageType();
      architectures = f.architectures();
      memorySize = f.memorySize();
      timeout = f.timeout();
      environment = f.environment();
      kmsKey = f.kmsKey();
      vpc = f.vpc();
      tracingMode = f.tracingMode();
      logGroup = f.logGroup();
      deadLetterTarget = f.deadLetterTarget();
      onFailureDestination = f.onFailureDestination();
      reservedConcurrency = f.reservedConcurrency();
      layers = f.layers();
      codeSigningConfig = f.codeSigningConfig();
      role = f.role();
      tags = f.tags();
      codeLocation = f.codeLocation();
      lastModified = f.lastModified();
      lastInvoked = f.lastInvoked();
    }

    public Builder name(Value<String> v) {
      name = v;
      return this;
    }

    public Builder arn(Value<String> v) {
      arn = v;
      return this;
    }

    public Builder runtime(Value<String> v) {
      runtime = v;
      return this;
    }

    public Builder handler(Value<String> v) {
      handler = v;
      return this;
    }

    public Builder packageType(Value<String> v) {
      packageType = v;
      return this;
    }

    public Builder architectures(Value<List<Value<String>>> v) {
      architectures = v;
      return this;
    }

    public Builder memorySize(Value<Integer> v) {
      memorySize = v;
      return this;
    }

    public Builder timeout(Value<Integer> v) {
      timeout = v;
      return this;
    }

    public Builder environment(Value<Map<String, Value<String>>> v) {
      environment = v;
      return this;
    }

    public Builder kmsKey(Value<Ref> v) {
      kmsKey = v;
      return this;
    }

    public Builder vpc(Value<VpcConfig> v) {
      vpc = v;
      return this;
    }

    public Builder tracingMode(Value<String> v) {
      tracingMode = v;
      return this;
    }

    public Builder logGroup(Value<Ref> v) {
      logGroup = v;
      return this;
    }

    public Builder deadLetterTarget(Value<Ref> v) {
      deadLetterTarget = v;
      return this;
    }

    public Builder onFailureDestination(Value<Ref> v) {
      onFailureDestination = v;
      return this;
    }

    public Builder reservedConcurrency(Value<Integer> v) {
      reservedConcurrency = v;
      return this;
    }

    public Builder layers(List<Value<Ref>> v) {
      layers = v;
      return this;
    }

    public Builder codeSigningConfig(Value<Ref> v) {
      codeSigningConfig = v;
      return this;
    }

    public Builder role(Value<Ref> v) {
      role = v;
      return this;
    }

    public Builder tags(Value<Map<String, Value<String>>> v) {
      tags = v;
      return this;
    }

    public Builder codeLocation(Value<String> v) {
      codeLocation = v;
      return this;
    }

    public Builder lastModified(Value<Instant> v) {
      lastModified = v;
      return this;
    }

    public Builder lastInvoked(Value<Instant> v) {
      lastInvoked = v;
      return this;
    }

    public LambdaFunction build() {
      return new LambdaFunction(
          meta,
          name,
          arn,
          runtime,
          handler,
          packageType,
          architectures,
          memorySize,
          timeout,
          environment,
          kmsKey,
          vpc,
          tracingMode,
          logGroup,
          deadLetterTarget,
          onFailureDestination,
          reservedConcurrency,
          layers,
          codeSigningConfig,
          role,
          tags,
          codeLocation,
          lastModified,
          lastInvoked);
    }
  }
}
