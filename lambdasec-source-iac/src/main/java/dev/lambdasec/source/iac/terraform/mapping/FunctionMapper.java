package dev.lambdasec.source.iac.terraform.mapping;

import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Reference;
import dev.lambdasec.model.Node.Unresolved;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Value;
import dev.lambdasec.model.VpcConfig;
import dev.lambdasec.source.iac.terraform.mapping.ResourceIndex.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code aws_lambda_function} to {@link LambdaFunction}, with the on-failure destination of its
 * {@code aws_lambda_function_event_invoke_config}.
 */
final class FunctionMapper {

  private final ResourceIndex index;
  private final Slots slots;
  private final Map<String, Value<Ref>> onFailure = new HashMap<>();

  FunctionMapper(
      ResourceIndex index,
      Slots slots,
      List<TerraformResource> resources,
      Contributions contributions) {
    this.index = index;
    this.slots = slots;
    for (TerraformResource r : resources) {
      if (r.type().equals("aws_lambda_function_event_invoke_config")) {
        index
            .target(Kind.FUNCTION, r.get("function_name"))
            .ifPresent(f -> {
              onFailure.put(
                  f,
                  slots.ref(
                      r.get("destination_config", "on_failure", "destination"),
                      r.origin(),
                      Kind.ANY));
              contributions.add(r.address(), f);
            });
      }
    }
  }

  LambdaFunction map(TerraformResource r) {
    Origin o = r.origin();
    return LambdaFunction.builder(r.meta(index.scope()))
        .name(slots.string(r.get("function_name"), o, null))
        .runtime(slots.string(r.get("runtime"), o, null))
        .handler(slots.string(r.get("handler"), o, null))
        .packageType(slots.string(r.get("package_type"), o, "Zip"))
        .architectures(
            r.get("architectures") == null
                ? Value.defaulted(List.of(Value.defaulted("x86_64", o)), o)
                : slots.strings(r.get("architectures"), o))
        .memorySize(slots.integer(r.get("memory_size"), o, 128))
        .timeout(slots.integer(r.get("timeout"), o, 3))
        .environment(slots.stringMap(r.get("environment", "variables"), o))
        .kmsKey(slots.ref(r.get("kms_key_arn"), o, Kind.KMS_KEY))
        .vpc(vpc(r.get("vpc_config"), o))
        .tracingMode(slots.string(r.get("tracing_config", "mode"), o, "PassThrough"))
        .logGroup(slots.ref(r.get("logging_config", "log_group"), o, Kind.LOG_GROUP))
        .deadLetterTarget(slots.ref(r.get("dead_letter_config", "target_arn"), o, Kind.ANY))
        .onFailureDestination(onFailure.getOrDefault(r.address(), Value.absent(o)))
        .reservedConcurrency(reserved(r.get("reserved_concurrent_executions"), o))
        .layers(slots.refs(r.get("layers"), o, Kind.LAYER))
        .codeSigningConfig(slots.ref(r.get("code_signing_config_arn"), o, Kind.ANY))
        .role(slots.ref(r.get("role"), o, Kind.ROLE))
        .tags(slots.stringMap(r.get("tags"), o))
        .codeLocation(codeLocation(r, o))
        .build();
  }

  /** {@code -1}, the provider's default, removes any reservation. */
  private Value<Integer> reserved(@Nullable Node n, Origin o) {
    Value<Integer> v = slots.integer(n, o, null);
    return v.isPresent() && v.get() < 0 ? Value.defaulted(null, v.origin()) : v;
  }

  private Value<VpcConfig> vpc(@Nullable Node config, Origin o) {
    Node block = TerraformResource.single(config);
    if (block == null) {
      return Value.absent(o);
    }
    if (block instanceof Unresolved u) {
      return Value.unresolved(u.origin(), u.reason());
    }
    if (block instanceof Reference r) {
      return Value.unresolved(r.origin(), Slots.unknown(r));
    }
    return Value.set(
        new VpcConfig(
            slots.refs(TerraformResource.at(block, "subnet_ids"), o, Kind.ANY),
            slots.refs(TerraformResource.at(block, "security_group_ids"), o, Kind.ANY)),
        block.origin());
  }

  /** A local file or folder, an S3 object, or an image. */
  private Value<String> codeLocation(TerraformResource r, Origin o) {
    Node image = r.get("image_uri");
    if (image != null && !Slots.isAbsent(image)) {
      return slots.arn(image, o);
    }
    Node file = r.get("filename");
    if (file != null && !Slots.isAbsent(file)) {
      return slots.arn(file, o);
    }
    Value<String> bucket = slots.arn(r.get("s3_bucket"), o);
    Value<String> key = slots.arn(r.get("s3_key"), o);
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
