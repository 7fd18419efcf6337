package dev.lambdasec.model;

/**
 * Identifies a resource within one {@link Application}.
 *
 * @param scope the source unit the resource belongs to: a template path, a Terraform configuration
 *     directory, or an account and region
 * @param id the logical id, Terraform address or ARN within that scope
 */
public record ResourceKey(String scope, String id) {
  @Override
  public String toString() {
    return scope + "#" + id;
  }
}
