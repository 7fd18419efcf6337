package dev.lambdasec.engine.api;

import dev.lambdasec.model.Api;
import dev.lambdasec.model.ApiRoute;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Layer;
import dev.lambdasec.model.LogGroup;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Resource;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.Value;
import org.jspecify.annotations.Nullable;

/**
 * What a verdict is about: a resource, and optionally one part of it (an environment variable, a
 * statement), so that one rule can report several verdicts on the same resource.
 *
 * @param key the resource key within the application
 * @param id logical id, Terraform address or ARN
 * @param type the resource type as the source names it
 * @param name the physical name when known
 * @param definedBy the resource that generated this one, for macro-generated resources
 * @param discriminator the part of the resource the verdict is about, or {@code null}
 */
public record Subject(
    ResourceKey key,
    String id,
    String type,
    @Nullable String name,
    @Nullable String definedBy,
    @Nullable String discriminator) {

  public static Subject of(Resource resource) {
    return new Subject(
        resource.key(),
        resource.id(),
        resource.resourceType(),
        nameOf(resource),
        resource.meta().definedBy(),
        null);
  }

  /** The same subject narrowed to one part of the resource. */
  public Subject part(String part) {
    return new Subject(key, id, type, name, definedBy, part);
  }

  /** {@code id} or {@code id[part]}: the key fixtures and baselines use. */
  public String label() {
    return discriminator == null ? id : id + "[" + discriminator + "]";
  }

  private static @Nullable String nameOf(Resource r) {
    Value<String> name =
        switch (r) {
          case LambdaFunction f -> f.name();
          case Role x -> x.name();
          case ManagedPolicy x -> x.name();
          case Api x -> x.name();
          case LogGroup x -> x.name();
          case Layer x -> x.name();
          case ApiRoute x -> Value.set(x.label(), x.origin());
          default -> null;
        };
    return name == null ? null : name.known().orElse(null);
  }
}
