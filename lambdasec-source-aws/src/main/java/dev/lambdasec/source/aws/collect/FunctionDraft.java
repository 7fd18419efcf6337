package dev.lambdasec.source.aws.collect;

import dev.lambdasec.source.aws.snapshot.LambdaFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The facts of one function as calls bring them in: the bulk listing first, then its own calls from
 * one virtual thread. Fields filled by bulk calls of other threads are set before the fan-out.
 */
final class FunctionDraft {

  final FunctionConfiguration config;
  final List<LambdaFacts.EnvVar> environment;
  final List<String> versions = new ArrayList<>();
  final List<String> aliases = new ArrayList<>();
  final List<LambdaFacts.ResourcePolicy> policies = new ArrayList<>();
  final List<LambdaFacts.Url> urls = new ArrayList<>();
  Map<String, String> tags = new LinkedHashMap<>();
  @Nullable String codeSigningConfigArn;
  @Nullable String onFailureDestination;
  @Nullable Integer reservedConcurrency;
  @Nullable String lastInvoked;

  FunctionDraft(FunctionConfiguration config, List<LambdaFacts.EnvVar> environment) {
    this.config = config;
    this.environment = List.copyOf(environment);
  }

  String arn() {
    return config.functionArn();
  }

  LambdaFacts.Function facts() {
    FunctionConfiguration c = config;
    LambdaFacts.Vpc vpc =
        c.vpcConfig() != null
                && c.vpcConfig().hasSubnetIds()
                && !c.vpcConfig().subnetIds().isEmpty()
            ? new LambdaFacts.Vpc(c.vpcConfig().subnetIds(), c.vpcConfig().securityGroupIds())
            : null;
    List<String> layers = new ArrayList<>();
    if (c.hasLayers()) {
      c.layers().forEach(l -> layers.add(l.arn()));
    }
    return new LambdaFacts.Function(
        c.functionArn(),
        c.functionName(),
        c.runtime() == null ? null : c.runtimeAsString(),
        c.handler(),
        c.packageType() == null ? null : c.packageTypeAsString(),
        c.hasArchitectures() ? c.architecturesAsStrings() : List.of(),
        c.memorySize(),
        c.timeout(),
        environment,
        emptyToNull(c.kmsKeyArn()),
        vpc,
        c.tracingConfig() == null || c.tracingConfig().mode() == null
            ? null
            : c.tracingConfig().modeAsString(),
        c.loggingConfig() == null ? null : c.loggingConfig().logGroup(),
        c.deadLetterConfig() == null ? null : emptyToNull(c.deadLetterConfig().targetArn()),
        onFailureDestination,
        reservedConcurrency,
        layers,
        codeSigningConfigArn,
        c.role(),
        tags,
        c.lastModified(),
        lastInvoked,
        versions,
        aliases,
        policies,
        urls);
  }

  static @Nullable String emptyToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
