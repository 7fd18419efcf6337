package dev.lambdasec.model;

import org.jspecify.annotations.Nullable;

/**
 * Identity and provenance shared by every resource.
 *
 * @param key unique key within the application
 * @param type the resource type as the source names it ({@code AWS::Serverless::Function}, {@code
 *     aws_lambda_function}, {@code AWS::IAM::Role}…)
 * @param origin where the resource is declared
 * @param definedBy for resources a macro generated (a SAM function's role, an implicit API), the id
 *     of the resource that generated them; {@code null} otherwise
 */
public record Meta(ResourceKey key, String type, Origin origin, @Nullable String definedBy) {

  public static Meta of(String scope, String id, String type, Origin origin) {
    return new Meta(new ResourceKey(scope, id), type, origin.withResource(id), null);
  }

  public Meta generatedBy(String parentId) {
    return new Meta(key, type, origin, parentId);
  }

  public String id() {
    return key.id();
  }
}
