package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Node.Scalar;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Value;
import dev.lambdasec.model.VpcConfig;
import dev.lambdasec.source.iac.cfn.ResourceIndex.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code AWS::Lambda::Function} (and SAM functions expanded to it) to {@link LambdaFunction}. */
final class FunctionMapper {

  private final ResourceIndex index;
  private final Slots slots;
  private final Map<String, Value<Ref>> onFailure = new HashMap<>();

  FunctionMapper(ResourceIndex index, Slots slots, List<ResolvedResource> resources) {
    this.index = index;
    this.slots = slots;
    for (ResolvedResource r : resources) {
      if (r.type().equals("AWS::Lambda::EventInvokeConfig")) {
        Value<Ref> function = slots.ref(r.get("FunctionName"), r.origin(), Kind.FUNCTION);
        Node destination = r.get("DestinationConfig", "OnFailure", "Destination");
        function
            .known()
            .map(Ref::key)
            .ifPresent(k -> onFailure.put(k.id(), slots.ref(destination, r.origin(), Kind.ANY)));
      }
    }
  }

  LambdaFunction map(ResolvedResource r) {
    Origin o = r.origin();
    return LambdaFunction.builder(r.meta(index.scope()))
        .name(slots.string(r.get("FunctionName"), o, null))
        .runtime(slots.string(r.get("Runtime"), o, null))
        .handler(slots.string(r.get("Handler"), o, null))
        .packageType(slots.string(r.get("PackageType"), o, "Zip"))
        .architectures(
            r.get("Architectures") == null
                ? Value.defaulted(List.of(Value.defaulted("x86_64", o)), o)
                : slots.strings(r.get("Architectures"), o))
        .memorySize(slots.integer(r.get("MemorySize"), o, 128))
        .timeout(slots.integer(r.get("Timeout"), o, 3))
        .environment(slots.stringMap(r.get("Environment", "Variables"), o))
        .kmsKey(slots.ref(r.get("KmsKeyArn"), o, Kind.KMS_KEY))
        .vpc(vpc(r.get("VpcConfig"), o))
        .tracingMode(slots.string(r.get("TracingConfig", "Mode"), o, "PassThrough"))
        .logGroup(slots.ref(r.get("LoggingConfig", "LogGroup"), o, Kind.LOG_GROUP))
        .deadLetterTarget(slots.ref(r.get("DeadLetterConfig", "TargetArn"), o, Kind.ANY))
        .onFailureDestination(onFailure.getOrDefault(r.id(), Value.absent(o)))
        .reservedConcurrency(slots.integer(r.get("ReservedConcurrentExecutions"), o, null))
        .layers(slots.refs(r.get("Layers"), o, Kind.ANY))
        .codeSigningConfig(slots.ref(r.get("CodeSigningConfigArn"), o, Kind.ANY))
        .role(slots.ref(r.get("Role"), o, Kind.ROLE))
        .tags(slots.tags(r.get("Tags"), o))
        .codeLocation(codeLocation(r.get("Code"), o))
        .build();
  }

  private Value<VpcConfig> vpc(@Nullable Node config, Origin o) {
    if (config == null) {
      return Value.absent(o);
    }
    if (config instanceof Unresolved u) {
      return Value.unresolved(u.origin(), u.reason());
    }
    return Value.set(
        new VpcConfig(
            slots.refs(ResolvedResource.at(config, "SubnetIds"), o, Kind.ANY),
            slots.refs(ResolvedResource.at(config, "SecurityGroupIds"), o, Kind.ANY)),
        config.origin());
  }

  /** Where the package is: an S3 URI, an image URI, a local path, or {@code inline}. */
  private Value<String> codeLocation(@Nullable Node code, Origin o) {
    if (code == null || code instanceof Scalar) {
      return slots.arn(code, o);
    }
    if (!(code instanceof MapNode m)) {
      return slots.arn(code, o);
    }
    Node image = m.get("ImageUri").orElse(null);
    if (image != null) {
      return slots.arn(image, o);
    }
    Node zip = m.get("ZipFile").orElse(null);
    if (zip != null) {
      return Value.set("inline", zip.origin());
    }
    Value<String> bucket = slots.arn(m.get("S3Bucket").orElse(null), o);
    Value<String> key = slots.arn(m.get("S3Key").orElse(null), o);
    if (bucket.isUnresolved()) {
      return bucket;
    }
    if (key.isUnresolved()) {
      return key;
    }
    if (bucket.isPresent() && key.isPresent()) {
      return Value.set("s3://" + bucket.get() + "/" + key.get(), bucket.origin());
    }
    return Value.absent(o);
  }
}
